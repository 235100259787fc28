import type {Cascade, FailureCondition} from './failure-conditions.js'
import type {IncidentSignals} from './incident-signals.js'
import type {Saturated} from './load-signals.js'
import type {OfflineHypothesis} from './offline-hypotheses.js'
import type {FailureClass} from './signatures/failure-classes.js'
import {readableTemplate} from '../../render/template-text.js'

/** The saturated resource that backs a failure class (memory metrics back OOM kills). */
const BACKING_RESOURCE: Partial<Record<FailureClass, Saturated['resource']>> = {
  'out-of-memory': 'memory',
  'disk-full': 'disk',
  'db-saturation': 'connections',
  'cpu-throttling': 'cpu',
}
/** Capacity that runs out under more load than it was sized for: effects of a surge when one came first. */
const LOAD_EFFECTS: ReadonlySet<FailureClass> = new Set(['cpu-throttling', 'saturation', 'pool-exhausted', 'scheduling', 'out-of-memory', 'db-saturation', 'kernel-table-full'])
/** A condition below this strength never names a cause by itself. */
const NAMES_A_CAUSE = 0.4

/**
 * Findings about the failures the catalogue recognised. The first failure of the cascade leads
 * and lists what followed; effects of it, and failures a supported change explains, are kept as
 * weak, un-echoed consequences; a failure that began clearly after the first one is discounted.
 */
export function failureHypotheses(
  conditions: readonly FailureCondition[],
  cascade: Cascade,
  signals: IncidentSignals,
  saturated: readonly Saturated[],
  explained: ReadonlySet<FailureClass>,
  overloaded = false,
): OfflineHypothesis[] {
  return conditions.filter((c) => c.fresh && c.category !== 'unknown').map((c) => failureHypothesis(c, cascade, signals, saturated, explained, overloaded))
}

function failureHypothesis(c: FailureCondition, cascade: Cascade, signals: IncidentSignals, saturated: readonly Saturated[], explained: ReadonlySet<FailureClass>, overloaded: boolean): OfflineHypothesis {
  const info = c.hits.find((hit) => hit.signature.failure === c.failure)!.signature.info
  const backing = saturated.filter((x) => x.resource === BACKING_RESOURCE[c.failure])
  const byChange = c.hits.some((hit) => explained.has(hit.signature.failure))
  const byLoad = !byChange && overloaded && c.hits.every((hit) => LOAD_EFFECTS.has(hit.signature.failure))
  const isEffect = cascade.effects.includes(c)
  const isPrimary = cascade.primary === c
  const isLater = cascade.later.includes(c)
  const weak = c.strength < NAMES_A_CAUSE

  let confidence = c.strength
  // A trickle that ran before the onset too, surging a little, says less than a new failure.
  if (!c.isNew && c.share < 0.05 && c.count < 5) confidence *= 0.7
  if (c.hits.every((hit) => hit.metric)) confidence *= 0.8
  // Lines without timestamps could be older than the incident: the rest of the evidence has to carry the timing.
  if (!c.hits.some((hit) => hit.timed)) confidence *= 0.75
  else if (c.hits.some((hit) => hit.metric)) confidence += 0.05
  if (backing.length > 0) confidence += 0.1
  if (isPrimary && cascade.effects.length > 0) confidence += 0.05
  if (isLater) confidence *= 0.6
  if (weak) confidence = Math.min(confidence, 0.25)
  const consequence = byChange || byLoad || isEffect
  if (consequence) confidence = 0.2

  const effects = isPrimary ? cascade.effects : []
  const sentence = info.says.replace('{c}', c.component ? ` (${c.component})` : '')
  const parts = [`${sentence}: ${describe(c)}`]
  if (effects.length > 0) parts.push(`it started first${c.startMs !== null ? ` (${clock(c.startMs)})` : ''}, then ${effects.map(short).join('; ')} followed as its effects`)
  if (backing.length > 0) parts.push(`${backing[0].series} reached ${Math.round(backing[0].ratio * 100)}% of its limit`)
  if (isEffect && cascade.primary) parts.push(`an effect of the earlier failure: ${short(cascade.primary)}`)
  if (isLater && cascade.primary) parts.push(`it began after an earlier failure (${short(cascade.primary)})`)
  const suffix = byChange ? ' — a consequence of the change named above, not a cause of its own' : byLoad ? ' — capacity running out under the traffic surge, not a cause of its own' : ''
  return {
    finding: {
      hypothesis: `${parts.join('; ')}${suffix}.`,
      category: c.category,
      component: c.component,
      change: null,
      onset: signals.onset,
      confidence: round(Math.min(0.9, confidence)),
      evidenceIds: [...c.evidenceIds, ...effects.flatMap((e) => e.evidenceIds.slice(0, 2)), ...backing.flatMap((x) => x.evidenceIds), ...signals.onsetIds],
    },
    // A consequence is context for the finding it follows from, not a second opinion on a cause.
    domains: consequence || weak ? [] : [...info.scope],
  }
}

function describe(c: FailureCondition): string {
  const example = readableTemplate(c.hits.flatMap((hit) => hit.examples)[0] ?? '')
  const titles = [...new Set(c.hits.map((hit) => hit.signature.title))].slice(0, 2).join(', ')
  if (c.hits.every((hit) => hit.metric)) return `${titles} (${example})`
  if (!c.hits.some((hit) => hit.timed)) return `${titles}, ${c.count.toLocaleString('en-US')} lines without timestamps, e.g. "${example}"`
  const volume = c.isNew && c.count <= 3 ? `new at the onset (${c.count.toLocaleString('en-US')}×)` : `${c.count.toLocaleString('en-US')} occurrences since onset${c.share > 0 ? ` (${Math.round(c.share * 100)}% of error lines)` : ''}`
  return `${titles}, ${volume}, e.g. "${example}"`
}

function short(c: FailureCondition): string {
  const title = c.hits[0].signature.title
  const at = c.startMs !== null ? ` from ${clock(c.startMs)}` : ''
  return `${title}${c.component ? ` (${c.component})` : ''}${at}`
}

const clock = (ms: number) => `${new Date(ms).toISOString().slice(11, 16)} UTC`

function round(value: number): number {
  return Math.round(value * 100) / 100
}
