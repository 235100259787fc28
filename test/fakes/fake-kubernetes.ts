import {type FakeServer, type Reply, startFakeServer} from '../integrations/fakes/fake-server.js'

/**
 * A local Kubernetes API server for reads: `list` of the core/v1 and apps/v1 resources the tool
 * reads, cluster-wide or per namespace, with `labelSelector` (equality and set-based), `limit` and
 * `continue` pages, and the metadata-only form of a list (`Accept: …;as=PartialObjectMetadataList`).
 * It answers as the API server does: lists without per-item kind, `Status` objects for 401, 403
 * (RBAC) and 404.
 */
export type KubeResource = 'pods' | 'events' | 'replicasets' | 'controllerrevisions' | 'configmaps'
type KubeObject = {metadata: {name: string; namespace?: string; labels?: Record<string, string>}} & Record<string, unknown>

export interface FakeKubernetesOptions {
  token: string
  objects: Partial<Record<KubeResource, KubeObject[]>>
  /** Resources the caller's RBAC role may not list. */
  forbidden?: KubeResource[]
  /** Items per page at most, whatever the limit asked (the API may return fewer). */
  pageSize?: number
  user?: string
}

const GROUPS: Record<KubeResource, string> = {pods: '/api/v1', events: '/api/v1', configmaps: '/api/v1', replicasets: '/apis/apps/v1', controllerrevisions: '/apis/apps/v1'}
const LIST_KINDS: Record<KubeResource, string> = {pods: 'PodList', events: 'EventList', configmaps: 'ConfigMapList', replicasets: 'ReplicaSetList', controllerrevisions: 'ControllerRevisionList'}

export async function startFakeKubernetes(options: FakeKubernetesOptions): Promise<FakeServer> {
  const status = (code: number, reason: string, message: string): Reply => ({status: code, body: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code}})
  return startFakeServer((request) => {
    if (request.headers.authorization !== `Bearer ${options.token}`) return status(401, 'Unauthorized', 'Unauthorized')
    if (request.method !== 'GET') return status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource')
    const url = new URL(request.path, 'http://kube')
    const match = /^(\/api\/v1|\/apis\/apps\/v1)(?:\/namespaces\/([^/]+))?\/([a-z]+)$/.exec(url.pathname)
    const resource = match?.[3] as KubeResource | undefined
    if (!match || !resource || GROUPS[resource] !== match[1]) return status(404, 'NotFound', 'the server could not find the requested resource')
    const namespace = match[2] ? decodeURIComponent(match[2]) : null
    if (options.forbidden?.includes(resource)) {
      const where = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope'
      return status(403, 'Forbidden', `${resource} is forbidden: User "${options.user ?? 'system:serviceaccount:shop:incident-reader'}" cannot list resource "${resource}" in API group "${match[1] === '/api/v1' ? '' : 'apps'}" ${where}`)
    }
    let selected: KubeObject[]
    try {
      const selector = parseSelector(url.searchParams.get('labelSelector') ?? '')
      selected = (options.objects[resource] ?? []).filter((o) => (namespace === null || o.metadata.namespace === namespace) && selector(o.metadata.labels ?? {}))
    } catch (error) {
      return status(400, 'BadRequest', `unable to parse requirement: ${(error as Error).message}`)
    }
    const offset = Number(url.searchParams.get('continue') ? Buffer.from(url.searchParams.get('continue')!, 'base64').toString() : 0)
    const size = Math.min(Number(url.searchParams.get('limit') ?? selected.length) || selected.length, options.pageSize ?? Number.POSITIVE_INFINITY)
    const page = selected.slice(offset, offset + size)
    const more = offset + size < selected.length
    const metadata = {resourceVersion: '48213', ...(more ? {continue: Buffer.from(String(offset + size)).toString('base64'), remainingItemCount: selected.length - offset - size} : {})}
    if (String(request.headers.accept ?? '').includes('as=PartialObjectMetadataList')) {
      return {status: 200, body: {kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata, items: page.map((o) => ({kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata}))}}
    }
    return {status: 200, body: {kind: LIST_KINDS[resource], apiVersion: match[1] === '/api/v1' ? 'v1' : 'apps/v1', metadata, items: page}}
  })
}

/** `app=checkout,tier!=db,env in (prod,staging),canary,!legacy`. */
function parseSelector(text: string): (labels: Record<string, string>) => boolean {
  const tests = text
    .split(/,(?![^(]*\))/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part): ((labels: Record<string, string>) => boolean) => {
      let m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(part)
      if (m) {
        const [, key, op, value] = m
        return op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value
      }
      m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part)
      if (m) {
        const [, key, op, list] = m
        const values = list.split(',').map((v) => v.trim())
        return op === 'in' ? (l) => values.includes(l[key]) : (l) => !values.includes(l[key])
      }
      m = /^(!?)([\w./-]+)$/.exec(part)
      if (m) return m[1] ? (l) => !(m![2] in l) : (l) => m![2] in l
      throw new Error(`found '${part}', expected: identifier`)
    })
  return (labels) => tests.every((test) => test(labels))
}
