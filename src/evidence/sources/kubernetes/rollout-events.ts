import {z} from 'zod'

/**
 * Deploy and config events from the cluster's own history, in the `--deploys` line shape
 * ({time, kind, service, version, sha, description}) so the deploy reader reads them like the
 * user's file:
 * - each ReplicaSet revision of a Deployment (annotation deployment.kubernetes.io/revision,
 *   created when the rollout began) and each ControllerRevision of a StatefulSet, compared with the
 *   revision before it: a changed image is a deploy (the new tag its version, a hex tag its sha),
 *   a pod template changed otherwise (environment, ConfigMap or Secret references, resources) a
 *   config change, named;
 * - each ConfigMap whose metadata shows a change in the window (its managed fields' latest time).
 * Pure: the caller passes the saved list answers.
 */
export interface RolloutEvent {
  time: string
  kind: 'deploy' | 'config'
  service: string | null
  version: string | null
  sha: string | null
  description: string
}

const Metadata = z
  .object({
    name: z.string(),
    namespace: z.string().optional(),
    creationTimestamp: z.string().optional(),
    annotations: z.record(z.string(), z.string()).optional(),
    ownerReferences: z.array(z.object({kind: z.string(), name: z.string()})).optional(),
    managedFields: z.array(z.object({manager: z.string().optional(), time: z.string().optional()}).passthrough()).optional(),
  })
  .passthrough()
const Container = z.object({name: z.string(), image: z.string().optional()}).passthrough()
const PodTemplate = z.object({spec: z.object({containers: z.array(Container).default([])}).passthrough().optional()}).passthrough()
const ReplicaSetSchema = z.object({metadata: Metadata, spec: z.object({template: PodTemplate.optional()}).passthrough().optional()})
const ControllerRevisionSchema = z.object({metadata: Metadata, revision: z.number().int(), data: z.object({spec: z.object({template: PodTemplate.optional()}).passthrough().optional()}).passthrough().optional()})
const ItemsSchema = z.object({items: z.array(z.unknown())})

interface Revision {
  owner: string
  namespace: string
  revision: number
  at: string
  template: z.infer<typeof PodTemplate>
}

export function rolloutEvents(lists: {replicasets: unknown[]; controllerrevisions: unknown[]; configmaps: unknown[]}, window: {from: number; to: number}): RolloutEvent[] {
  const revisions: Revision[] = []
  for (const item of items(lists.replicasets)) {
    const rs = ReplicaSetSchema.safeParse(item)
    const owner = rs.success ? rs.data.metadata.ownerReferences?.find((ref) => ref.kind === 'Deployment') : undefined
    const revision = rs.success ? Number(rs.data.metadata.annotations?.['deployment.kubernetes.io/revision']) : Number.NaN
    if (!rs.success || !owner || !Number.isFinite(revision) || !rs.data.metadata.creationTimestamp) continue
    revisions.push({owner: `Deployment ${owner.name}`, namespace: rs.data.metadata.namespace ?? '', revision, at: rs.data.metadata.creationTimestamp, template: rs.data.spec?.template ?? {}})
  }
  for (const item of items(lists.controllerrevisions)) {
    const cr = ControllerRevisionSchema.safeParse(item)
    const owner = cr.success ? cr.data.metadata.ownerReferences?.find((ref) => ref.kind === 'StatefulSet') : undefined
    if (!cr.success || !owner || !cr.data.metadata.creationTimestamp) continue
    revisions.push({owner: `StatefulSet ${owner.name}`, namespace: cr.data.metadata.namespace ?? '', revision: cr.data.revision, at: cr.data.metadata.creationTimestamp, template: cr.data.data?.spec?.template ?? {}})
  }
  const events: RolloutEvent[] = []
  const byOwner = new Map<string, Revision[]>()
  for (const revision of revisions) {
    const key = `${revision.namespace}/${revision.owner}`
    byOwner.set(key, [...(byOwner.get(key) ?? []), revision])
  }
  for (const history of byOwner.values()) {
    history.sort((a, b) => a.revision - b.revision)
    history.forEach((current, index) => {
      const previous = index > 0 ? history[index - 1] : null
      if (previous) events.push(compare(previous, current))
    })
  }
  for (const item of items(lists.configmaps)) {
    const cm = z.object({metadata: Metadata}).safeParse(item)
    if (!cm.success) continue
    const times = [cm.data.metadata.creationTimestamp, ...(cm.data.metadata.managedFields ?? []).map((f) => f.time)].filter((t): t is string => Boolean(t))
    const latest = times.sort().at(-1)
    if (!latest || Date.parse(latest) < window.from || Date.parse(latest) > window.to) continue
    const manager = cm.data.metadata.managedFields?.find((f) => f.time === latest)?.manager
    const created = latest === cm.data.metadata.creationTimestamp
    events.push({
      time: latest,
      kind: 'config',
      service: null,
      version: null,
      sha: null,
      description: `ConfigMap ${cm.data.metadata.namespace ? `${cm.data.metadata.namespace}/` : ''}${cm.data.metadata.name} ${created ? 'created' : 'changed'}${manager ? ` (by ${manager})` : ''}`,
    })
  }
  return events.sort((a, b) => a.time.localeCompare(b.time))
}

function compare(previous: Revision, current: Revision): RolloutEvent {
  const before = new Map((previous.template.spec?.containers ?? []).map((c) => [c.name, c]))
  const changedImages = (current.template.spec?.containers ?? []).filter((c) => c.image && before.get(c.name)?.image !== c.image)
  const name = current.owner.replace(/^\w+ /, '')
  const where = `${current.owner}${current.namespace ? ` in ${current.namespace}` : ''} revision ${current.revision}`
  if (changedImages.length > 0) {
    const main = changedImages[0]
    const tag = imageTag(main.image!)
    const was = before.get(main.name)?.image
    return {
      time: current.at,
      kind: 'deploy',
      service: name,
      version: tag,
      sha: tag && /^[0-9a-f]{7,40}$/i.test(tag) ? tag.toLowerCase() : null,
      description: `${where}: image ${changedImages.map((c) => `${c.name} ${c.image}`).join(', ')}${was ? ` (was ${imageTag(was) ?? was})` : ''}`,
    }
  }
  return {time: current.at, kind: 'config', service: name, version: null, sha: null, description: `${where}: pod template changed (${templateChanges(previous.template, current.template).join(', ') || 'no container image changed'})`}
}

/** Which parts of the pod template differ: per container env, envFrom, resources, args; volumes. */
function templateChanges(before: z.infer<typeof PodTemplate>, after: z.infer<typeof PodTemplate>): string[] {
  const out: string[] = []
  const old = new Map((before.spec?.containers ?? []).map((c) => [c.name, c as Record<string, unknown>]))
  for (const container of (after.spec?.containers ?? []) as Array<Record<string, unknown>>) {
    const was = old.get(container.name as string) ?? {}
    const env = changedEnv(was.env, container.env)
    if (env.length > 0) out.push(`env ${env.join(', ')}`)
    for (const part of ['envFrom', 'resources', 'args', 'command']) if (JSON.stringify(was[part]) !== JSON.stringify(container[part])) out.push(`${container.name as string} ${part}`)
  }
  const volumes = (spec: z.infer<typeof PodTemplate>['spec']) => JSON.stringify((spec as Record<string, unknown> | undefined)?.volumes ?? null)
  if (volumes(before.spec) !== volumes(after.spec)) out.push('volumes')
  return out
}

function changedEnv(before: unknown, after: unknown): string[] {
  const map = (list: unknown) => new Map((Array.isArray(list) ? list : []).map((e: {name?: string}) => [e.name ?? '', JSON.stringify(e)]))
  const a = map(before)
  const b = map(after)
  return [...new Set([...a.keys(), ...b.keys()])].filter((name) => a.get(name) !== b.get(name))
}

function imageTag(image: string): string | null {
  const digest = image.indexOf('@')
  if (digest >= 0) return image.slice(digest + 1, digest + 20)
  const slash = image.lastIndexOf('/')
  const colon = image.lastIndexOf(':')
  return colon > slash ? image.slice(colon + 1) : null
}

function items(lists: unknown[]): unknown[] {
  return lists.flatMap((list) => {
    const parsed = ItemsSchema.safeParse(list)
    return parsed.success ? parsed.data.items : []
  })
}
