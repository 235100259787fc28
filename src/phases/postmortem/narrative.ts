import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {Usage} from '../../incident/finding.js'
import type {Incident} from '../../incident/incident.js'
import type {Rca} from '../../incident/rca.js'
import {formatCount, formatPercent, formatTime} from '../../render/format.js'
import type {TriageResult} from '../triage/triage-result.js'

export interface Narrative {
  executiveSummary: string
  wentWell: string[]
  wentWrong: string[]
  gotLucky: string[]
  lessons: string[]
  /** Who wrote the prose: our templates, or Claude (numbers still come from the RCA model). */
  author: 'offline' | 'claude'
}

/** A drafted narrative (Claude's); a null field keeps the offline text. */
export interface NarrativeDraft {
  executiveSummary: string | null
  wentWell: string[] | null
  wentWrong: string[] | null
  lessons: string[] | null
  /** What drafting it cost, to add to the incident's usage totals; absent or null when nothing was spent. */
  usage?: Usage | null
}

export type Narrator = (input: {incident: Incident; rca: Rca}) => Promise<NarrativeDraft>

/**
 * The postmortem's prose, written from the RCA model alone so every number in it is one the
 * model holds. Claude may redraft it (issue C); this is the offline version and the fallback.
 */
export function offlineNarrative(incident: Incident, rca: Rca, facts: EvidenceFacts, triage: TriageResult | null): Narrative {
  const cause = rca.rootCause
  const onset = incident.timestamps.startedAt ?? cause.onset
  const end = incident.timestamps.resolvedAt ?? incident.timestamps.mitigatedAt
  const what = rca.impact.errorCount !== null ? `${formatCount(rca.impact.errorCount)} error lines were logged` : 'the service degraded'
  const causeText =
    cause.category === 'unknown'
      ? `The root cause is undetermined (confidence ${formatPercent(cause.confidence, 0)}); the RCA lists the next steps.`
      : cause.change
        ? `The root cause was the ${cause.change.kind.replace('-', ' ')} ${cause.change.sha?.slice(0, 7) ?? ''} "${cause.change.subject}" (confidence ${formatPercent(cause.confidence, 0)}).`.replace('  ', ' ')
        : `The root cause was ${lowerFirst(cause.summary.replace(/\.$/, ''))} (${cause.category}, confidence ${formatPercent(cause.confidence, 0)}).`
  const status = end ? `It was ${incident.status} at ${formatTime(end)}.` : 'At the time of writing it is not yet resolved.'
  const executiveSummary = `On ${formatTime(onset)}, ${incident.service ?? 'the service'} started failing: ${what}${rca.impact.peakErrorRate !== null ? ` (peak error rate ${formatPercent(rca.impact.peakErrorRate)})` : ''}. ${causeText} ${status}`

  const wentWell: string[] = []
  if (facts.onset) wentWell.push(`The onset was located in the evidence to the minute (${formatTime(facts.onset)}).`)
  if (cause.change) wentWell.push('The causal change was identified from the repository history and linked to the first errors.')
  if (triage?.mitigations[0]?.command) wentWell.push(`Triage produced a concrete rollback command: \`${triage.mitigations[0].command}\`.`)
  if (wentWell.length === 0) wentWell.push('The incident was declared and its evidence collected in one place.')

  const wentWrong: string[] = rca.contributingFactors.slice(0, 3).map((factor) => factor.text)
  if (rca.limitations.length > 0) wentWrong.push(`Some evidence could not be examined (${rca.limitations.length} limitation(s) listed in the RCA).`)
  if (wentWrong.length === 0) wentWrong.push('Nothing beyond the root cause itself is recorded.')

  const gotLucky: string[] = []
  if (rca.impact.affectedEndpoints.length > 0 && rca.impact.affectedEndpoints.length <= 2 && (rca.impact.peakErrorRate ?? 1) < 1) {
    gotLucky.push(`The failure stayed confined to ${rca.impact.affectedEndpoints.map((item) => `\`${item.endpoint}\``).join(' and ')}; other endpoints kept serving.`)
  }
  return {executiveSummary, wentWell, wentWrong, gotLucky, lessons: [], author: 'offline'}
}

/**
 * Take the drafted fields that pass the blameless linter; the rest stay as the offline text.
 * Numbers were already checked against the RCA by the drafter.
 */
export function mergeNarrative(base: Narrative, draft: NarrativeDraft, isBlameless: (text: string) => boolean): Narrative {
  const ok = (text: string | null): text is string => text !== null && isBlameless(text)
  const okList = (items: string[] | null): items is string[] => items !== null && items.length > 0 && items.every((item) => isBlameless(item))
  const merged: Narrative = {
    ...base,
    executiveSummary: ok(draft.executiveSummary) ? draft.executiveSummary : base.executiveSummary,
    wentWell: okList(draft.wentWell) ? draft.wentWell : base.wentWell,
    wentWrong: okList(draft.wentWrong) ? draft.wentWrong : base.wentWrong,
    lessons: okList(draft.lessons) ? draft.lessons : base.lessons,
  }
  const changed = merged.executiveSummary !== base.executiveSummary || merged.wentWell !== base.wentWell || merged.wentWrong !== base.wentWrong || merged.lessons !== base.lessons
  return {...merged, author: changed ? 'claude' : 'offline'}
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text
}
