import {execFile} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import {homedir} from 'node:os'
import {delimiter, dirname, isAbsolute, join} from 'node:path'
import {promisify} from 'node:util'

import {z} from 'zod'

import {parseYamlText} from '../../../errors/syntax-problem.js'
import {SourceRequestError} from '../source-http.js'

/**
 * Where the Kubernetes API is and how to authenticate, from a kubeconfig (as kubectl reads it:
 * `--kubeconfig`-like setting, else $KUBECONFIG — a list of files merged, first one wins — else
 * ~/.kube/config) or, with none, from inside a pod (the service account). Tokens, token files,
 * client certificates, basic auth and exec credential plugins (aws eks get-token,
 * gke-gcloud-auth-plugin, kubelogin) are understood. Nothing here is saved.
 */
export interface KubeTarget {
  context: string
  server: string
  namespace: string | null
  token: string | null
  basic: {username: string; password: string} | null
  tls: {ca: string | null; cert: string | null; key: string | null; insecure: boolean}
}

const ExecSchema = z.object({command: z.string(), args: z.array(z.string()).nullish(), env: z.array(z.object({name: z.string(), value: z.string()})).nullish()}).passthrough()
const ClusterSchema = z.object({server: z.string(), 'certificate-authority': z.string().nullish(), 'certificate-authority-data': z.string().nullish(), 'insecure-skip-tls-verify': z.boolean().nullish()}).passthrough()
const UserSchema = z
  .object({
    token: z.string().nullish(),
    tokenFile: z.string().nullish(),
    username: z.string().nullish(),
    password: z.string().nullish(),
    'client-certificate': z.string().nullish(),
    'client-certificate-data': z.string().nullish(),
    'client-key': z.string().nullish(),
    'client-key-data': z.string().nullish(),
    exec: ExecSchema.nullish(),
  })
  .passthrough()
const ContextSchema = z.object({cluster: z.string(), user: z.string().nullish(), namespace: z.string().nullish()}).passthrough()
const KubeconfigSchema = z
  .object({
    'current-context': z.string().nullish(),
    clusters: z.array(z.object({name: z.string(), cluster: ClusterSchema})).nullish(),
    users: z.array(z.object({name: z.string(), user: UserSchema.nullish()})).nullish(),
    contexts: z.array(z.object({name: z.string(), context: ContextSchema})).nullish(),
  })
  .passthrough()
type Kubeconfig = z.infer<typeof KubeconfigSchema> & {dir: string}

const ExecCredentialSchema = z.object({status: z.object({token: z.string().nullish(), clientCertificateData: z.string().nullish(), clientKeyData: z.string().nullish()}).passthrough()})

const SERVICE_ACCOUNT = '/var/run/secrets/kubernetes.io/serviceaccount'
const run = promisify(execFile)

export interface KubeconfigOptions {
  context: string | null
  /** sources.kubernetes.kubeconfig; else $KUBECONFIG; else ~/.kube/config. */
  kubeconfig: string | null
  env: NodeJS.ProcessEnv
}

export async function resolveKubeTarget(options: KubeconfigOptions): Promise<KubeTarget> {
  const paths = options.kubeconfig ? [options.kubeconfig] : options.env.KUBECONFIG ? options.env.KUBECONFIG.split(delimiter).filter(Boolean) : [join(options.env.HOME ?? homedir(), '.kube', 'config')]
  const configs = (await Promise.all(paths.map(loadKubeconfig))).filter((config): config is Kubeconfig => config !== null)
  if (configs.length === 0) {
    if (options.env.KUBERNETES_SERVICE_HOST && !options.context) return inCluster(options.env)
    throw new SourceRequestError('setting', `no kubeconfig at ${paths.join(', ')} and not running in a cluster`)
  }
  const contextName = options.context ?? configs.map((c) => c['current-context']).find(Boolean) ?? null
  if (!contextName) throw new SourceRequestError('setting', 'the kubeconfig names no current context')
  const context = pick(configs, (c) => c.contexts?.find((e) => e.name === contextName)?.context)
  if (!context) {
    const known = configs.flatMap((c) => (c.contexts ?? []).map((entry) => entry.name))
    throw new SourceRequestError('setting', `no context ${contextName} in the kubeconfig (it has: ${known.join(', ') || 'none'})`)
  }
  const clusterName = context.value.cluster
  const cluster = pick(configs, (k) => k.clusters?.find((e) => e.name === clusterName)?.cluster)
  if (!cluster) throw new SourceRequestError('setting', `context ${contextName} names cluster ${clusterName}, which the kubeconfig does not define`)
  const userName = context.value.user
  const user = userName ? pick(configs, (k) => k.users?.find((e) => e.name === userName)?.user ?? undefined) : null
  const c = cluster.value
  const u: z.infer<typeof UserSchema> = user?.value ?? {}
  const fromFile = (path: string | null | undefined, dir: string) => (path ? readFile(isAbsolute(path) ? path : join(dir, path), 'utf8') : Promise.resolve(null))
  const decode = (data: string | null | undefined) => (data ? Buffer.from(data, 'base64').toString('utf8') : null)
  let token = u.token ?? (u.tokenFile ? (await fromFile(u.tokenFile, user!.dir))!.trim() : null)
  let cert = decode(u['client-certificate-data']) ?? (await fromFile(u['client-certificate'], user?.dir ?? ''))
  let key = decode(u['client-key-data']) ?? (await fromFile(u['client-key'], user?.dir ?? ''))
  if (u.exec) {
    const credential = await execCredential(u.exec, options.env)
    token = credential.token ?? token
    cert = credential.clientCertificateData ?? cert
    key = credential.clientKeyData ?? key
  }
  return {
    context: contextName,
    server: c.server,
    namespace: context.value.namespace ?? null,
    token,
    basic: u.username && u.password ? {username: u.username, password: u.password} : null,
    tls: {ca: decode(c['certificate-authority-data']) ?? (await fromFile(c['certificate-authority'], cluster.dir)), cert, key, insecure: c['insecure-skip-tls-verify'] ?? false},
  }
}

async function loadKubeconfig(path: string): Promise<Kubeconfig | null> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return null
  }
  const yaml = parseYamlText(text)
  if (!yaml.ok) throw new SourceRequestError('setting', `the kubeconfig ${path} is not valid YAML (${yaml.problem})`)
  const parsed = KubeconfigSchema.safeParse(yaml.value[0] ?? {})
  if (!parsed.success) throw new SourceRequestError('setting', `the kubeconfig ${path} is not valid (${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message})`)
  return {...parsed.data, dir: dirname(path)}
}

/** The first entry found across the merged files, and the folder of its file (relative paths resolve there). */
function pick<T>(configs: Kubeconfig[], find: (config: Kubeconfig) => T | undefined): {value: T; dir: string} | null {
  for (const config of configs) {
    const value = find(config)
    if (value !== undefined) return {value, dir: config.dir}
  }
  return null
}

/** Runs an exec credential plugin as kubectl does and takes the token or client certificate it prints. */
async function execCredential(exec: z.infer<typeof ExecSchema>, env: NodeJS.ProcessEnv): Promise<z.infer<typeof ExecCredentialSchema>['status']> {
  let stdout: string
  try {
    ;({stdout} = await run(exec.command, exec.args ?? [], {env: {...env, ...Object.fromEntries((exec.env ?? []).map((e) => [e.name, e.value]))}, timeout: 30_000}))
  } catch (error) {
    throw new SourceRequestError('auth', `the kubeconfig's credential plugin ${exec.command} failed (${(error as NodeJS.ErrnoException).code ?? 'exit status not 0'})`)
  }
  const parsed = ExecCredentialSchema.safeParse(JSON.parse(stdout || '{}'))
  if (!parsed.success) throw new SourceRequestError('auth', `the kubeconfig's credential plugin ${exec.command} printed no ExecCredential status`)
  return parsed.data.status
}

async function inCluster(env: NodeJS.ProcessEnv): Promise<KubeTarget> {
  const read = (name: string) => readFile(join(SERVICE_ACCOUNT, name), 'utf8').catch(() => null)
  const [token, ca, namespace] = await Promise.all([read('token'), read('ca.crt'), read('namespace')])
  if (token === null) throw new SourceRequestError('setting', `running in a cluster, but no service account token at ${SERVICE_ACCOUNT}/token`)
  const host = env.KUBERNETES_SERVICE_HOST!.includes(':') ? `[${env.KUBERNETES_SERVICE_HOST}]` : env.KUBERNETES_SERVICE_HOST
  return {context: 'in-cluster', server: `https://${host}:${env.KUBERNETES_SERVICE_PORT ?? '443'}`, namespace: namespace?.trim() ?? null, token: token.trim(), basic: null, tls: {ca, cert: null, key: null, insecure: false}}
}
