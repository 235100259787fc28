import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {Impact} from '../../incident/rca.js'
import {formatCount, formatMinutes, formatPercent, formatTime, minutesBetween} from '../../render/format.js'

/** Impact in numbers from the evidence; anything the evidence does not show is said to be unknown. */
export function buildImpact(facts: EvidenceFacts, end: string | null): Impact {
  const errors = facts.errors
  const until = end ?? errors?.lastErrorAt ?? null
  const duration = minutesBetween(facts.onset ?? errors?.firstErrorAt ?? null, until)
  const endpoints = facts.endpoints.slice(0, 5).map(({endpoint, errors: count}) => ({endpoint, errors: count}))
  const parts: string[] = []
  if (errors?.count === 0) {
    parts.push('no error lines in the logs examined')
  } else if (errors) {
    parts.push(`${formatCount(errors.count)} error lines logged since ${formatTime(errors.firstErrorAt)}${errors.requests ? ` (${formatCount(errors.requests)} request lines in all)` : ''}`)
    if (errors.rateSinceOnset !== null) parts.push(`${formatPercent(errors.rateSinceOnset)} of log lines since the onset were errors (baseline ${formatPercent(errors.baselineRate, 2)}, worst minute ${formatPercent(errors.peakRate)})`)
  } else {
    parts.push('error volume unknown (no log evidence)')
  }
  if (endpoints.length > 0) parts.push(`failing: ${endpoints.map((item) => `${item.endpoint} (${formatCount(item.errors)})`).join(', ')}`)
  if (facts.affectedUsers !== null) parts.push(`${formatCount(facts.affectedUsers)} distinct users affected`)
  if (facts.unhealthy.length > 0) parts.push(`${facts.unhealthy.length} health check(s) failing`)
  parts.push(`duration ${formatMinutes(duration)}${end ? '' : ' (as far as the evidence reaches)'}`)
  return {
    summary: capitalise(parts.join('; ')) + '.',
    errorCount: errors?.count ?? null,
    requestCount: errors?.requests ?? null,
    peakErrorRate: errors?.peakRate ?? null,
    firstErrorAt: errors?.firstErrorAt ?? null,
    durationMinutes: duration === null ? null : Math.round(duration),
    affectedEndpoints: endpoints,
    affectedUsers: facts.affectedUsers,
    evidenceIds: [...(errors?.evidenceIds.slice(0, 2) ?? []), ...facts.endpoints.slice(0, 3).map((item) => item.evidenceId), ...facts.unhealthy.map((item) => item.evidenceId)],
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
