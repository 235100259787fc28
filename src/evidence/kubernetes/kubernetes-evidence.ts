import type {EvidenceItem} from '../../incident/evidence-item.js'
import {redact, redactValue} from '../../redact/redact.js'
import type {LogEntry} from '../logs/source-reader.js'
import {kubernetesReason} from './catalogue/kubernetes-reasons.js'
import type {KubernetesContainer, KubernetesDigest, KubernetesEvent, KubernetesNodeCondition} from './kubernetes-digest.js'
import type {KubernetesFacts} from './kubernetes-facts.js'

/**
 * The facts of every Kubernetes input turned into (1) the digest, (2) citable evidence items
 * (`ev-k8s-1` …) for the containers in trouble, the Warning events and the node conditions that
 * are not well, and (3) timed log entries — terminations, waiting containers, every event, node
 * conditions — which go into the log analysis beside the logs, so the onset, the templates and the
 * failure signatures see them like any error line. Facts without a time are in the digest and the
 * items only.
 */
export interface KubernetesEvidence {
  digest: KubernetesDigest
  items: EvidenceItem[]
  /** Per input file, its entries in time order, for the log analysis (analyzeLogs `entrySources`). */
  entrySources: Array<{label: string; entries: LogEntry[]}>
}

export interface KubernetesInput {
  path: string
  facts: KubernetesFacts
}

const hhmm = (iso: string) => `${iso.slice(11, 16)}Z`
const PRESSURE = /Pressure$|^NetworkUnavailable$/

/** A container counts as in trouble when it is not running ready, restarted, or last ended badly. */
function inTrouble(container: Omit<KubernetesContainer, 'evidenceId'>): boolean {
  const ended = container.termination
  const badEnd = ended !== null && (ended.reason !== 'Completed' || (ended.exitCode ?? 0) !== 0)
  return badEnd || (container.restartCount ?? 0) > 0 || container.state === 'waiting' || (container.state === 'terminated' && container.stateReason !== 'Completed') || container.ready === false
}

const conditionIsBad = (condition: Omit<KubernetesNodeCondition, 'evidenceId'>) => (condition.type === 'Ready' ? condition.status !== 'True' : PRESSURE.test(condition.type) && condition.status === 'True')

export function buildKubernetesEvidence(inputs: readonly KubernetesInput[], options: {redactIps: boolean}): KubernetesEvidence {
  const clean = (text: string) => redact(text, {ips: options.redactIps})
  const items: EvidenceItem[] = []
  let next = 1
  const newId = () => `ev-k8s-${next++}`
  const digest: KubernetesDigest = {schemaVersion: 1, sources: [], containers: [], events: [], nodeConditions: []}
  const entrySources: KubernetesEvidence['entrySources'] = []

  for (const input of inputs) {
    const {path} = input
    // Every text an object carries (names, reasons, messages, node names) is the cluster's own and
    // may hold anything a workload put there: redacted here, once, before any of it is used.
    const facts = redactValue(input.facts, {ips: options.redactIps}) as KubernetesInput['facts']
    digest.sources.push({path, kind: facts.kind, objects: facts.objects})
    const entries: LogEntry[] = []

    for (const container of facts.containers) {
      const where = `container ${container.container} in Pod/${container.namespace ? `${container.namespace}/` : ''}${container.pod}`
      const ended = container.termination
      let evidenceId: string | null = null
      if (inTrouble(container)) {
        evidenceId = newId()
        const parts = [
          ended ? `last terminated: ${ended.reason ?? 'reason unknown'}${ended.exitCode !== null ? ` (exit code ${ended.exitCode})` : ''}${ended.finishedAt ? ` at ${hhmm(ended.finishedAt)}` : ''}` : null,
          container.restartCount !== null ? `${container.restartCount} restart(s)` : null,
          container.state === 'waiting' ? `now waiting: ${container.stateReason ?? 'reason unknown'}` : container.state === 'terminated' ? `now terminated: ${container.stateReason ?? 'reason unknown'}` : null,
          container.ready === false ? 'not ready' : null,
        ].filter(Boolean)
        items.push({
          id: evidenceId,
          source: 'kubernetes',
          kind: 'k8s-container',
          summary: clean(`Kubernetes ${where}: ${parts.join(', ')}${container.approximate ? ' (times approximate)' : ''}`),
          at: ended?.finishedAt ?? container.notReadySince ?? null,
          ref: container.source,
          data: {reason: ended?.reason ?? null, exitCode: ended?.exitCode ?? null, restartCount: container.restartCount, state: container.state, stateReason: container.stateReason, approximate: container.approximate},
        })
      }
      digest.containers.push({...container, stateReason: container.stateReason, termination: ended ? {...ended, message: ended.message === null ? null : clean(ended.message)} : null, evidenceId})
      if (ended?.finishedAt) {
        const reason = kubernetesReason(ended.reason)
        const level = reason?.level ?? ((ended.exitCode ?? 0) !== 0 ? 'error' : 'info')
        entries.push({text: `Kubernetes: ${where} terminated, reason ${ended.reason ?? 'unknown'}, exit code ${ended.exitCode ?? 'unknown'}`, ts: Date.parse(ended.finishedAt), level, line: container.source.line})
      }
      if (container.state === 'waiting' && container.notReadySince) {
        const level = kubernetesReason(container.stateReason)?.level ?? 'warn'
        entries.push({text: `Kubernetes: ${where} waiting, reason ${container.stateReason ?? 'unknown'} (not ready)`, ts: Date.parse(container.notReadySince), level, line: container.source.line})
      }
    }

    for (const event of mergeEvents(facts.events)) {
      const warning = event.type === 'Warning'
      const evidenceId = warning ? newId() : null
      const message = clean(event.message)
      if (evidenceId) {
        const span = event.firstAt && event.lastAt && event.firstAt !== event.lastAt ? `, ${hhmm(event.firstAt)}–${hhmm(event.lastAt)}` : event.lastAt ? `, ${hhmm(event.lastAt)}` : ''
        items.push({
          id: evidenceId,
          source: 'kubernetes',
          kind: 'k8s-event',
          summary: clean(`Kubernetes ${event.type} ${event.reason} on ${event.object}: ${message.slice(0, 200)} (×${event.count}${span}${event.approximate ? ', times approximate' : ''})`),
          at: event.firstAt ?? event.lastAt,
          ref: event.source,
          data: {type: event.type, reason: event.reason, object: event.object, count: event.count, approximate: event.approximate},
        })
      }
      digest.events.push({...event, message, evidenceId})
      const level = warning ? (kubernetesReason(event.reason)?.level ?? 'warn') : 'info'
      const text = `Kubernetes event ${event.type} ${event.reason} on ${event.object}: ${event.message}`
      if (event.lastAt) entries.push({text, ts: Date.parse(event.lastAt), level, line: event.source.line})
      if (event.firstAt && event.firstAt !== event.lastAt) entries.push({text, ts: Date.parse(event.firstAt), level, line: event.source.line})
    }

    for (const condition of facts.nodeConditions) {
      const bad = conditionIsBad(condition)
      const evidenceId = bad ? newId() : null
      const text = `Kubernetes: Node/${condition.node} condition ${condition.type}=${condition.status}${condition.reason ? `, reason ${condition.reason}` : ''}${condition.message ? `: ${condition.message}` : ''}`
      if (evidenceId) items.push({id: evidenceId, source: 'kubernetes', kind: 'k8s-node-condition', summary: clean(text), at: condition.since, ref: condition.source, data: {node: condition.node, type: condition.type, status: condition.status, reason: condition.reason}})
      digest.nodeConditions.push({...condition, message: condition.message === null ? null : clean(condition.message), evidenceId})
      if (bad && condition.since) entries.push({text, ts: Date.parse(condition.since), level: condition.type === 'Ready' ? 'error' : (kubernetesReason(condition.type)?.level ?? 'warn'), line: condition.source.line})
    }

    entries.sort((a, b) => a.ts - b.ts)
    if (entries.length > 0) entrySources.push({label: path, entries})
  }
  return {digest, items, entrySources}
}

/** The same event reported twice (a List and a describe of the same pod) counted once: the widest span, the larger count. */
function mergeEvents(events: ReadonlyArray<Omit<KubernetesEvent, 'evidenceId'>>): Array<Omit<KubernetesEvent, 'evidenceId'>> {
  const merged = new Map<string, Omit<KubernetesEvent, 'evidenceId'>>()
  for (const event of events) {
    const key = `${event.type}|${event.reason}|${event.object}|${event.message}`
    const known = merged.get(key)
    if (!known) {
      merged.set(key, {...event})
      continue
    }
    known.count = Math.max(known.count, event.count)
    if (event.firstAt && (!known.firstAt || event.firstAt < known.firstAt)) known.firstAt = event.firstAt
    if (event.lastAt && (!known.lastAt || event.lastAt > known.lastAt)) known.lastAt = event.lastAt
  }
  return [...merged.values()]
}
