import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {Incident} from '../../incident/incident.js'
import {SEVERITY_LEVELS, type Severity} from '../../incident/severity.js'
import {formatPercent, formatTime} from '../../render/format.js'
import {rankMitigations, type RollbackHint} from './rank-mitigations.js'
import type {TriageResult} from './triage-result.js'

/** Least severe first (SEVERITY_LEVELS lists the most severe first). */
const ORDER: readonly Severity[] = Object.values(SEVERITY_LEVELS).map((level) => level.id).reverse()

/** Triage decisions from the evidence (pure): impact, severity check, mitigations, escalation, status page. */
export function decideTriage(incident: Incident, facts: EvidenceFacts, rollbacks: readonly RollbackHint[]): TriageResult {
  const level = SEVERITY_LEVELS[incident.severity]
  const mitigations = rankMitigations(facts, rollbacks)
  const errors = facts.errors
  const impactSummary = errors?.count === 0
    ? 'The logs hold no error lines in the window examined.'
    : errors
    ? `${errors.count.toLocaleString('en-US')} error lines logged since ${formatTime(errors.firstErrorAt)}${errors.rateSinceOnset !== null ? ` — ${formatPercent(errors.rateSinceOnset)} of log lines since the onset at ${formatTime(facts.onset)} were errors (baseline ${formatPercent(errors.baselineRate, 2)})` : ''}.`
    : 'No log evidence was given, so the error volume is unknown.'
  return {
    schemaVersion: 1,
    impact: {
      summary: impactSummary,
      errorCount: errors?.count ?? null,
      requestCount: errors?.requests ?? null,
      errorRate: errors?.rateSinceOnset ?? null,
      firstErrorAt: errors?.firstErrorAt ?? null,
      affectedEndpoints: facts.endpoints.slice(0, 5).map(({endpoint, errors: count}) => ({endpoint, errors: count})),
      affectedUsers: facts.affectedUsers,
      unhealthy: facts.unhealthy.map((item) => `${item.url}: ${item.detail}`),
      evidenceIds: [...(errors?.evidenceIds.slice(0, 2) ?? []), ...facts.unhealthy.map((item) => item.evidenceId)],
    },
    severityCheck: checkSeverity(incident, facts),
    mitigations,
    escalation: {responseTarget: level.responseTarget, plan: level.escalation, channels: [...level.channels]},
    statusPage: statusPageDraft(incident, facts),
    suspectedCause: mitigations[0] && mitigations[0].score >= 0.5 ? mitigations[0].why : null,
    limitations: [],
  }
}

/** What the evidence says the severity should be; the declared one stands unless the user changes it. */
export function checkSeverity(incident: Incident, facts: EvidenceFacts): TriageResult['severityCheck'] {
  const declared = incident.severity
  const rate = facts.errors?.rateSinceOnset ?? null
  const allDown = facts.unhealthy.length > 0 && facts.unhealthy.length === incident.inputs.health.length
  const p0BySymptom = incident.symptoms.includes('security-incident') || incident.symptoms.includes('data-corruption')
  const ids = [...(facts.errors?.evidenceIds.slice(0, 1) ?? []), ...facts.unhealthy.map((item) => item.evidenceId)]
  if (rate === null && !allDown) {
    return {declared, verdict: 'confirmed', suggested: declared, reason: 'No error-rate evidence to weigh against the declared severity; keeping it.', evidenceIds: ids}
  }
  const suggested: Severity = allDown || (rate ?? 0) >= 0.5 ? 'P0' : (rate ?? 0) >= 0.05 ? 'P1' : 'P2'
  const why = allDown ? 'every health check is failing' : `${formatPercent(rate)} of log lines since the onset are errors`
  const cmp = ORDER.indexOf(suggested) - ORDER.indexOf(declared)
  if (cmp === 0 || (cmp < 0 && p0BySymptom)) {
    return {declared, verdict: 'confirmed', suggested: declared, reason: `Confirmed: ${why}, consistent with ${declared} (${SEVERITY_LEVELS[declared].scope}).`, evidenceIds: ids}
  }
  // Logs show how much traffic fails, not how much that traffic matters: one level lower is
  // still consistent with the declaration when the failing path is business-critical.
  if (cmp === -1) {
    const path = facts.endpoints[0] ? ` (mostly ${facts.endpoints[0].endpoint})` : ''
    return {declared, verdict: 'confirmed', suggested: declared, reason: `Kept: ${why}${path}. By volume alone that is ${suggested}; ${declared} stands if that path is business-critical.`, evidenceIds: ids}
  }
  return {
    declared,
    verdict: cmp > 0 ? 'raise' : 'lower',
    suggested,
    reason: `Consider ${suggested}: ${why}, which matches ${suggested} (${SEVERITY_LEVELS[suggested].meaning.split(':')[1]?.trim() ?? ''}). Declared ${declared} is kept until someone changes it.`,
    evidenceIds: ids,
  }
}

function statusPageDraft(incident: Incident, facts: EvidenceFacts): string {
  const since = facts.onset ? ` since ${formatTime(facts.onset)}` : ''
  const what = incident.symptoms.includes('service-unavailable') ? 'is unavailable' : incident.symptoms.includes('slow-performance') ? 'is responding slowly' : 'is returning errors for some requests'
  const endpoint = facts.endpoints[0] ? ` Affected: ${facts.endpoints[0].endpoint.replace(/^[A-Z]+ /, '')}.` : ''
  return `Investigating — ${incident.service ?? 'One of our services'} ${what}${since}.${endpoint} Our engineers are working on it; next update within ${SEVERITY_LEVELS[incident.severity].updateCadence}.`
}

export function nextUpdateFor(severity: Severity): string {
  return `within ${SEVERITY_LEVELS[severity].updateCadence}`
}
