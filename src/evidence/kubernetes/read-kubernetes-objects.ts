import {z} from 'zod'

import {DocumentShapeError, jsonPath} from '../logs/exports/json-path.js'
import type {KubernetesTermination} from './kubernetes-digest.js'
import {emptyFacts, objectName, type KubernetesFacts} from './kubernetes-facts.js'

/**
 * Kubernetes API objects as `kubectl get … -o json|yaml` prints them (a List, or one object):
 * Pods (container statuses: state, lastState.terminated with reason, exit code and times, restart
 * counts, waiting reasons), Events of core/v1 and events.k8s.io/v1, Nodes (conditions). Other
 * kinds are counted and passed over. A pure function of the parsed document, so the Kubernetes
 * API adapter (a live source) can feed the objects it fetches through it too.
 *
 * Shapes: https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#PodStatus,
 * https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/,
 * https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/node-v1/#NodeStatus
 */
const Time = z.string().datetime({offset: true}).nullable().optional()
const Metadata = z.object({name: z.string().optional(), namespace: z.string().optional()}).passthrough()

const TerminatedSchema = z.object({exitCode: z.number().int().optional(), reason: z.string().optional(), message: z.string().optional(), startedAt: Time, finishedAt: Time}).passthrough()
const StateSchema = z
  .object({
    waiting: z.object({reason: z.string().optional(), message: z.string().optional()}).passthrough().optional(),
    running: z.object({startedAt: Time}).passthrough().optional(),
    terminated: TerminatedSchema.optional(),
  })
  .passthrough()
const ContainerStatusSchema = z.object({name: z.string(), ready: z.boolean().optional(), restartCount: z.number().int().nonnegative().optional(), state: StateSchema.optional(), lastState: StateSchema.optional()}).passthrough()
const ConditionSchema = z.object({type: z.string(), status: z.string(), reason: z.string().optional(), message: z.string().optional(), lastTransitionTime: Time}).passthrough()

const PodSchema = z
  .object({
    kind: z.literal('Pod'),
    metadata: Metadata,
    spec: z.object({nodeName: z.string().optional()}).passthrough().optional(),
    status: z
      .object({
        phase: z.string().optional(),
        reason: z.string().optional(),
        conditions: z.array(ConditionSchema).optional(),
        containerStatuses: z.array(ContainerStatusSchema).optional(),
        initContainerStatuses: z.array(ContainerStatusSchema).optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough()

const ObjectReference = z.object({kind: z.string().optional(), namespace: z.string().optional(), name: z.string().optional()}).passthrough()
const CoreEventSchema = z
  .object({
    kind: z.literal('Event'),
    metadata: Metadata.optional(),
    involvedObject: ObjectReference.optional(),
    regarding: ObjectReference.optional(),
    reason: z.string().optional(),
    message: z.string().optional(),
    note: z.string().optional(),
    type: z.string().optional(),
    count: z.number().int().nullable().optional(),
    deprecatedCount: z.number().int().nullable().optional(),
    firstTimestamp: Time,
    lastTimestamp: Time,
    deprecatedFirstTimestamp: Time,
    deprecatedLastTimestamp: Time,
    eventTime: Time,
    series: z.object({count: z.number().int().optional(), lastObservedTime: Time}).passthrough().nullable().optional(),
  })
  .passthrough()

const NodeSchema = z.object({kind: z.literal('Node'), metadata: Metadata, status: z.object({conditions: z.array(ConditionSchema).optional()}).passthrough().optional()}).passthrough()

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

/** Whether a parsed document is made of Kubernetes objects (a kind, or a List of them). */
export function isKubernetesDocument(document: unknown): boolean {
  const values = Array.isArray(document) ? document : [document]
  return values.length > 0 && values.every((value) => isObject(value) && (typeof value.kind === 'string' || Array.isArray(value.items)))
}

/**
 * The facts of a parsed `kubectl get -o json|yaml` document (or of several YAML documents, as an
 * array); DocumentShapeError with the JSON path when an object of a kind we read is malformed.
 */
export function readKubernetesObjects(document: unknown, origin: string): KubernetesFacts {
  const facts = emptyFacts('objects')
  const documents = Array.isArray(document) ? document : [document]
  documents.forEach((doc, d) => {
    const prefix: PropertyKey[] = Array.isArray(document) ? [d] : []
    if (!isObject(doc)) throw new DocumentShapeError('Kubernetes object', jsonPath(prefix), 'expected an object with a kind')
    const items = Array.isArray(doc.items) ? doc.items : [doc]
    items.forEach((item, i) => {
      const path = Array.isArray(doc.items) ? [...prefix, 'items', i] : prefix
      facts.objects++
      readObject(item, path, facts, {file: origin, line: facts.objects})
    })
  })
  return facts
}

function parse<T>(schema: z.ZodType<T>, value: unknown, path: PropertyKey[]): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new DocumentShapeError('Kubernetes object', jsonPath([...path, ...issue.path]), issue.message)
  }
  return parsed.data
}

function readObject(item: unknown, path: PropertyKey[], facts: KubernetesFacts, source: {file: string; line: number}): void {
  if (!isObject(item)) throw new DocumentShapeError('Kubernetes object', jsonPath(path), 'expected an object')
  if (typeof item.kind !== 'string') throw new DocumentShapeError('Kubernetes object', jsonPath([...path, 'kind']), 'expected the kind of the object')
  if (item.kind === 'Pod') readPod(parse(PodSchema, item, path), facts, source)
  else if (item.kind === 'Event') readEvent(parse(CoreEventSchema, item, path), facts, source)
  else if (item.kind === 'Node') readNode(parse(NodeSchema, item, path), facts, source)
}

const iso = (value: string | null | undefined): string | null => (value ? new Date(value).toISOString() : null)

function termination(terminated: z.infer<typeof TerminatedSchema> | undefined): KubernetesTermination | null {
  if (!terminated) return null
  return {reason: terminated.reason ?? null, exitCode: terminated.exitCode ?? null, startedAt: iso(terminated.startedAt), finishedAt: iso(terminated.finishedAt), message: terminated.message ?? null}
}

function readPod(pod: z.infer<typeof PodSchema>, facts: KubernetesFacts, source: {file: string; line: number}): void {
  const status = pod.status ?? {}
  const ready = status.conditions?.find((condition) => condition.type === 'Ready')
  const notReadySince = ready && ready.status !== 'True' ? iso(ready.lastTransitionTime) : null
  for (const container of [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]) {
    const state = container.state
    const current = state?.terminated ? 'terminated' : state?.waiting ? 'waiting' : state?.running ? 'running' : null
    facts.containers.push({
      namespace: pod.metadata.namespace ?? null,
      pod: pod.metadata.name ?? '(unnamed)',
      container: container.name,
      node: pod.spec?.nodeName ?? null,
      ready: container.ready ?? null,
      restartCount: container.restartCount ?? null,
      state: current,
      stateReason: state?.waiting?.reason ?? state?.terminated?.reason ?? null,
      termination: termination(state?.terminated) ?? termination(container.lastState?.terminated),
      notReadySince,
      approximate: false,
      source,
    })
  }
  // A pod evicted or failed as a whole says so in its status (Evicted, DeadlineExceeded).
  if (status.reason && facts.containers.every((c) => c.pod !== pod.metadata.name)) {
    facts.containers.push({namespace: pod.metadata.namespace ?? null, pod: pod.metadata.name ?? '(unnamed)', container: '*', node: pod.spec?.nodeName ?? null, ready: false, restartCount: null, state: 'terminated', stateReason: status.reason, termination: null, notReadySince, approximate: false, source})
  }
}

function readEvent(event: z.infer<typeof CoreEventSchema>, facts: KubernetesFacts, source: {file: string; line: number}): void {
  const about = event.involvedObject ?? event.regarding ?? {}
  const first = event.firstTimestamp ?? event.deprecatedFirstTimestamp ?? event.eventTime ?? null
  const last = event.series?.lastObservedTime ?? event.lastTimestamp ?? event.deprecatedLastTimestamp ?? event.eventTime ?? first
  facts.events.push({
    type: event.type ?? 'Normal',
    reason: event.reason ?? '(no reason)',
    object: objectName(about.kind ?? 'Object', about.namespace ?? event.metadata?.namespace, about.name ?? '(unnamed)'),
    message: (event.message ?? event.note ?? '').trim(),
    count: Math.max(1, event.series?.count ?? event.count ?? event.deprecatedCount ?? 1),
    firstAt: iso(first),
    lastAt: iso(last),
    approximate: false,
    source,
  })
}

function readNode(node: z.infer<typeof NodeSchema>, facts: KubernetesFacts, source: {file: string; line: number}): void {
  for (const condition of node.status?.conditions ?? []) {
    facts.nodeConditions.push({node: node.metadata.name ?? '(unnamed)', type: condition.type, status: condition.status, reason: condition.reason ?? null, message: condition.message ?? null, since: iso(condition.lastTransitionTime), source})
  }
}
