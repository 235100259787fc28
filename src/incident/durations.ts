import {formatDurationMinutes} from '../render/format.js'
import type {Incident} from './incident.js'

/**
 * The one place an incident's durations are computed: the list, the terminal summary, the
 * postmortem, the stats and the Slack messages all call `incidentDurations` and print with the
 * formatters below, so they always agree.
 *
 * Rules:
 * - The impact runs from the onset to the end of impact. The evidence's end of impact (the last
 *   failure before the signals returned to baseline) is used when there is one; otherwise what a
 *   person recorded (`mitigate`, then `resolve`); otherwise the incident is open, and its impact is
 *   counted to now only while the evidence is live — for evidence that ends long before the run
 *   (a replayed incident) it is "at least" onset → end of the evidence, never the distance to today.
 * - Time to mitigate and to resolve come from what people recorded; until they record them, from
 *   the evidence (the change that the recovery followed; the recovery), labelled so.
 * - Time to detect needs a declaration time someone gave (`--started-at`, an alert, PagerDuty). A
 *   declaration stamped by the clock of a run over old evidence says nothing about detection: unknown.
 */

/** Evidence that ends within this long before the run is live: the clock then tells the incident's time. */
export const LIVE_EVIDENCE_MINUTES = 60

export type DurationsInput = Pick<Incident, 'status' | 'timestamps' | 'createdAt' | 'pagerDutyIncidentId' | 'arc'> & {inputs: Pick<Incident['inputs'], 'startedAtFlag'>}

export type MeasureSource = 'recorded' | 'evidence'

/** A time span; `minutes` null means unknown. */
export interface Measure {
  minutes: number | null
  source: MeasureSource | null
}

export interface ImpactSpan {
  from: string | null
  to: string | null
  minutes: number | null
  /** `ended`: onset → end of impact; `so-far`: open, counted to now; `at-least`: open, to where the evidence ends. */
  basis: 'ended' | 'so-far' | 'at-least' | 'unknown'
  /** What `to` is: the evidence's end of impact, a recorded mitigation or resolution, the clock, or the end of the evidence. */
  until: 'evidence-recovery' | 'mitigated' | 'resolved' | 'now' | 'evidence-end' | null
}

export interface IncidentDurations {
  onset: string | null
  /** When the incident was declared, or null when that time is not known (clock of a replay). */
  declared: string | null
  impact: ImpactSpan
  timeToDetect: Measure
  timeToAcknowledge: Measure
  timeToMitigate: Measure
  timeToResolve: Measure
}

const UNKNOWN: Measure = {minutes: null, source: null}

export function incidentDurations(incident: DurationsInput, now: Date): IncidentDurations {
  const t = incident.timestamps
  const arc = incident.arc ?? null
  const onset = t.startedAt ?? arc?.onset ?? null
  const declared = declarationKnown(incident) ? t.detectedAt : null
  const from = onset ?? declared
  const measure = (to: string | null, source: MeasureSource): Measure => {
    const minutes = minutesBetween(onset, to)
    return minutes === null ? UNKNOWN : {minutes, source}
  }
  return {
    onset,
    declared,
    impact: impactSpan(incident, from, now),
    timeToDetect: measure(declared, 'recorded'),
    timeToAcknowledge: declared && t.acknowledgedAt ? {minutes: minutesBetween(declared, t.acknowledgedAt), source: 'recorded'} : UNKNOWN,
    timeToMitigate: t.mitigatedAt ? measure(t.mitigatedAt, 'recorded') : measure(arc?.mitigation?.at ?? null, 'evidence'),
    timeToResolve: t.resolvedAt ? measure(t.resolvedAt, 'recorded') : measure(arc?.endOfImpact ?? null, 'evidence'),
  }
}

/** True when a person or a system gave the declaration time, or the run that stamped it was live. */
export function declarationKnown(incident: DurationsInput): boolean {
  if (!incident.timestamps.detectedAt) return false
  if (incident.inputs.startedAtFlag || incident.pagerDutyIncidentId) return true
  return isLive(incident, new Date(incident.createdAt))
}

/** The evidence reaches to within LIVE_EVIDENCE_MINUTES of `at` (or there is no timed evidence to say otherwise). */
function isLive(incident: DurationsInput, at: Date): boolean {
  const end = incident.arc?.evidenceEnd ?? null
  if (!end) return true
  return at.getTime() - Date.parse(end) <= LIVE_EVIDENCE_MINUTES * 60_000
}

function impactSpan(incident: DurationsInput, from: string | null, now: Date): ImpactSpan {
  const t = incident.timestamps
  const arc = incident.arc ?? null
  const ended = (to: string, until: ImpactSpan['until']): ImpactSpan => ({from, to, minutes: minutesBetween(from, to), basis: 'ended', until})
  if (arc?.endOfImpact) return ended(arc.endOfImpact, 'evidence-recovery')
  if (t.mitigatedAt) return ended(t.mitigatedAt, 'mitigated')
  if (t.resolvedAt) return ended(t.resolvedAt, 'resolved')
  if (!from) return {from, to: null, minutes: null, basis: 'unknown', until: null}
  if (isLive(incident, now)) return {from, to: now.toISOString(), minutes: minutesBetween(from, now.toISOString()), basis: 'so-far', until: 'now'}
  const end = arc?.evidenceEnd ?? null
  const minutes = minutesBetween(from, end)
  // Evidence that ends before the onset it was anchored on (the declaration, for evidence with no
  // change-point) bounds nothing: the span is unknown, never negative.
  if (minutes === null || minutes < 0) return {from, to: null, minutes: null, basis: 'unknown', until: null}
  return {from, to: end, minutes, basis: 'at-least', until: 'evidence-end'}
}

/**
 * The timestamps the durations are measured between, for surfaces that take timestamps (the
 * stats): the onset, the declaration only when known, and mitigation and resolution as recorded,
 * else from the evidence — so a median there is made of the same figures the postmortem shows.
 */
export function measuredTimestamps(incident: DurationsInput): Incident['timestamps'] {
  const t = incident.timestamps
  const arc = incident.arc ?? null
  return {
    startedAt: t.startedAt ?? arc?.onset ?? null,
    detectedAt: declarationKnown(incident) ? t.detectedAt : null,
    acknowledgedAt: t.acknowledgedAt,
    mitigatedAt: t.mitigatedAt ?? arc?.mitigation?.at ?? null,
    resolvedAt: t.resolvedAt ?? arc?.endOfImpact ?? null,
  }
}

export function minutesBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null
  const ms = Date.parse(to) - Date.parse(from)
  return Number.isFinite(ms) ? ms / 60_000 : null
}

/** "29 min", "38 min so far", "at least 38 min", "unknown": for tables and one-line summaries. */
export function formatImpactShort(span: ImpactSpan): string {
  if (span.minutes === null || span.minutes < 0) return 'unknown'
  const text = formatDurationMinutes(span.minutes)
  return span.basis === 'so-far' ? `${text} so far` : span.basis === 'at-least' ? `at least ${text}` : text
}

const UNTIL: Readonly<Record<NonNullable<ImpactSpan['until']>, string>> = {
  'evidence-recovery': 'onset → last failure before the recovery, from the evidence',
  mitigated: 'onset → mitigation recorded',
  resolved: 'onset → resolution recorded',
  now: 'still open, counted to now',
  'evidence-end': 'still open; the evidence ends there',
}

/** "29 min (onset → last failure before the recovery, from the evidence)": the duration with what it measures. */
export function formatImpactLong(span: ImpactSpan): string {
  if (span.minutes === null || span.minutes < 0 || !span.until) return span.from ? 'unknown (nothing shows when the impact ended)' : 'unknown (the onset is not known)'
  return `${formatImpactShort(span)} (${UNTIL[span.until]})`
}

/** "28 min (from the evidence)", "45 min", "unknown". */
export function formatMeasure(measure: Measure): string {
  if (measure.minutes === null || !Number.isFinite(measure.minutes)) return 'unknown'
  if (measure.minutes < 0) return 'before the onset'
  return `${formatDurationMinutes(measure.minutes)}${measure.source === 'evidence' ? ' (from the evidence)' : ''}`
}
