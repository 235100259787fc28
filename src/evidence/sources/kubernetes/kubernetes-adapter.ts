import {createHash} from 'node:crypto'

import {z} from 'zod'

import type {AnswerWriter} from '../answer-store.js'
import {BUDGET_SETTINGS, type LiveSourceAdapter, type SourceQuestion} from '../live-source.js'
import type {SourceBudget} from '../source-budget.js'
import {createSourceHttp, type SourceHttp, SourceRequestError} from '../source-http.js'
import {type KubeconfigOptions, resolveKubeTarget} from './kubeconfig.js'
import {tlsFetch} from './tls-fetch.js'

export interface KubernetesAdapterOptions extends KubeconfigOptions {
  namespace: string | null
  labelSelector: string | null
  /** Replaces the TLS-aware fetch (tests). */
  fetch?: typeof globalThis.fetch
}

/** Objects per list request; `continue` pages through more, up to PAGES. */
const LIMIT = 500
const PAGES = 2
const PARTIAL_METADATA = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json'

/** What is read, all by `list` (GET), never written. `selected`: the label selector applies. */
const RESOURCES = [
  {role: 'pods', group: '/api/v1', resource: 'pods', selected: true},
  {role: 'events', group: '/api/v1', resource: 'events', selected: false},
  {role: 'replicasets', group: '/apis/apps/v1', resource: 'replicasets', selected: true},
  {role: 'controllerrevisions', group: '/apis/apps/v1', resource: 'controllerrevisions', selected: true},
  {role: 'configmaps', group: '/api/v1', resource: 'configmaps', selected: false, metadataOnly: true},
] as const

const ListSchema = z.object({kind: z.string().optional(), items: z.array(z.record(z.string(), z.unknown())), metadata: z.object({continue: z.string().optional()}).passthrough().optional()})

/**
 * The Kubernetes API, read-only, through a minimal client over its documented REST paths (the
 * kubeconfig or the in-cluster service account for where and who): pods (container states, last
 * terminations, restarts), events, ReplicaSets and ControllerRevisions (the rollout history of
 * Deployments and StatefulSets) and ConfigMaps' metadata (when each last changed; their data is
 * never asked for). Environment values in pod templates are replaced by a hash before saving, so
 * a change is seen without the value being kept.
 */
export function kubernetesAdapter(options: KubernetesAdapterOptions): LiveSourceAdapter {
  const where = [options.context ?? 'current context', options.namespace ? `namespace ${options.namespace}` : null, options.labelSelector ? `selector ${options.labelSelector}` : null]
  return {
    name: 'kubernetes',
    location: where.filter(Boolean).join(', '),
    settingFor: (failure) =>
      failure === 'auth'
        ? 'the credentials of the kubeconfig context (or the service account in a cluster)'
        : failure === 'setting' || failure === 'unreachable' || failure === 'not-found'
          ? '--kube-context and the kubeconfig ($KUBECONFIG, ~/.kube/config, or sources.kubernetes.kubeconfig)'
          : failure === 'rejected'
            ? '--kube-selector (a label selector such as app=checkout) and --kube-namespace'
            : failure === 'time' || failure === 'bytes' || failure === 'queries'
              ? BUDGET_SETTINGS[failure]
              : '--kube-context',
    async ask(_question: SourceQuestion, budget: SourceBudget, answers: AnswerWriter): Promise<void> {
      const target = await resolveKubeTarget(options)
      const http = createSourceHttp({
        baseUrl: target.server,
        auth: {bearerToken: target.token, username: target.basic?.username, password: target.basic?.password},
        budget,
        fetch: options.fetch ?? tlsFetch(target.tls),
      })
      const namespace = options.namespace ?? target.namespace
      for (const spec of RESOURCES) {
        try {
          await listAll(http, answers, spec, namespace, spec.selected ? options.labelSelector : null)
        } catch (error) {
          // RBAC may allow pods but not ReplicaSets or ConfigMaps: what is allowed still counts.
          if (error instanceof SourceRequestError && error.status === 403) answers.note(`not allowed to list ${spec.resource} (${error.message}), so ${spec.resource} were not read — grant list on them to read them.`)
          else throw error
        }
      }
    },
  }
}

async function listAll(
  http: SourceHttp,
  answers: AnswerWriter,
  spec: (typeof RESOURCES)[number],
  namespace: string | null,
  labelSelector: string | null,
): Promise<void> {
  const path = `${spec.group}${namespace ? `/namespaces/${encodeURIComponent(namespace)}` : ''}/${spec.resource}`
  let token: string | undefined
  for (let page = 1; page <= PAGES; page++) {
    const params = {limit: LIMIT, labelSelector: labelSelector ?? undefined, continue: token}
    const answer = 'metadataOnly' in spec ? await http.get(path, params, {accept: PARTIAL_METADATA}) : await http.get(path, params)
    const parsed = ListSchema.safeParse(answer.json)
    if (!parsed.success) throw new SourceRequestError('malformed', `the ${spec.resource} answer is not a Kubernetes list`)
    const list = {...parsed.data, items: parsed.data.items.map(scrub)}
    await answers.save({role: spec.role, name: `${spec.resource}-${page}`, request: `GET ${path}${labelSelector ? `?labelSelector=${labelSelector}` : ''}`, body: list})
    token = parsed.data.metadata?.continue || undefined
    if (!token) return
  }
  answers.note(`more than ${LIMIT * PAGES} ${spec.resource} in ${namespace ?? 'the cluster'}; the first ${LIMIT * PAGES} were read — narrow --kube-namespace or --kube-selector.`)
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

/**
 * An object fit to keep: environment values become a hash (a changed value still shows), the
 * last-applied annotation (a whole manifest) and managed-fields bookkeeping go, except the
 * managed-fields times of ConfigMap metadata, which say when it changed.
 */
function scrub(object: Record<string, unknown>): Record<string, unknown> {
  const walk = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) {
      if (key === 'env') return value.map((item) => (isRecord(item) && typeof item.value === 'string' ? {...item, value: `sha256:${createHash('sha256').update(item.value).digest('hex').slice(0, 12)}`} : item))
      return value.map((item) => walk(item, ''))
    }
    if (!isRecord(value)) return value
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (k === LAST_APPLIED) continue
      if (k === 'managedFields' && Array.isArray(v)) out[k] = v.map((entry) => (isRecord(entry) ? {manager: entry.manager, operation: entry.operation, time: entry.time} : entry))
      else out[k] = walk(v, k)
    }
    return out
  }
  return walk(object, '') as Record<string, unknown>
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)
