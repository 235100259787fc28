import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {Incident} from '../../incident/incident.js'
import {SEVERITY_LEVELS, type Severity} from '../../incident/severity.js'
import {formatPercent, formatTime} from '../../render/format.js'
import {failedRequests} from '../../render/sentences/impact.js'
import {failuresOf} from '../postmortem/incident-story.js'
import {rankMitigations, type RollbackHint} from './rank-mitigations.js'
import type {TriageResult} from './triage-result.js'

/** Least severe first (SEVERITY_LEVELS lists the most severe first). */
const ORDER: readonly Severity[] = Object.values(SEVERITY_LEVELS).map((level) => level.id).reverse()

/** Triage decisions from the evidence (pure): impact, severity check, mitigations, escalation, status page. */
export function decideTriage(incident: Incident, facts: EvidenceFacts, rollbacks: readonly RollbackHint[]): TriageResult {
  const level = SEVERITY_LEVELS[incident.severity]
  const mitigations = rankMitigations(facts, rollbacks)
  const errors = facts.errors
  const impactSummary = failedRequests.render({failures: failuresOf(facts), onset: facts.onset})
  return {
    schemaVersion: 1,
    impact: {
      summary: impactSummary,
      errorCount: errors?.count ?? null,
      requestCount: facts.requests?.during.total ?? errors?.requests ?? null,
      errorRate: errors?.rateSinceOnset ?? null,
      failedRequests: facts.requests?.during.failed ?? null,
      failureRate: facts.requests && facts.requests.during.total > 0 ? facts.requests.during.failed / facts.requests.during.total : null,
      firstErrorAt: errors?.firstErrorAt ?? null,
      affectedEndpoints: (facts.requests?.endpoints ?? []).filter((endpoint) => endpoint.affected).map((endpoint) => ({endpoint: endpoint.endpoint, errors: endpoint.during.failed})),
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

/** What the evidence alone says about the severity: the level it supports and the measure weighed. */
export interface SeverityEvidence {
  suggested: Severity | null
  /** "11.8% of requests failed; POST /api/checkout 99.1%", or null without a measure. */
  measure: string | null
  evidenceIds: string[]
}

/**
 * The level the evidence supports, from failed requests counted once when there are request
 * lines (else the share of error lines), the worst affected endpoint and the health checks:
 * P0 when every health check fails or half the requests do; P1 from 5% of requests, or when an
 * affected endpoint fails at least half of its requests (major functionality broken); else P2.
 */
export function severityEvidence(incident: Incident, facts: EvidenceFacts): SeverityEvidence {
  const allDown = facts.unhealthy.length > 0 && facts.unhealthy.length === incident.inputs.health.length
  const requests = facts.requests
  const worst = requests?.endpoints.filter((endpoint) => endpoint.affected).sort((a, b) => share(b.during) - share(a.during))[0]
  const rate = requests ? share(requests.during) : (facts.errors?.rateSinceOnset ?? null)
  const evidenceIds = [...(worst ? [worst.evidenceId] : []), ...(facts.errors?.evidenceIds.slice(0, 1) ?? []), ...facts.unhealthy.map((item) => item.evidenceId)]
  if (rate === null && !allDown) return {suggested: null, measure: null, evidenceIds}
  const measures: string[] = []
  if (allDown) measures.push('every health check is failing')
  if (rate !== null) measures.push(requests ? `${formatPercent(rate)} of requests failed` : `${formatPercent(rate)} of log lines since the onset are errors`)
  if (worst) measures.push(`${worst.endpoint} ${formatPercent(share(worst.during))}`)
  const suggested: Severity = allDown || (rate ?? 0) >= 0.5 ? 'P0' : (rate ?? 0) >= 0.05 || (worst && share(worst.during) >= 0.5) ? 'P1' : 'P2'
  return {suggested, measure: measures.join('; '), evidenceIds}
}

const share = (counts: {total: number; failed: number}) => (counts.total === 0 ? 0 : counts.failed / counts.total)

/** What the evidence says the severity should be; the declared one stands unless the user changes it. */
export function checkSeverity(incident: Incident, facts: EvidenceFacts): TriageResult['severityCheck'] {
  const declared = incident.severity
  const p0BySymptom = incident.symptoms.includes('security-incident') || incident.symptoms.includes('data-corruption')
  const {suggested, measure, evidenceIds: ids} = severityEvidence(incident, facts)
  if (!suggested || !measure) {
    return {declared, verdict: 'confirmed', suggested: declared, reason: 'No error-rate evidence to weigh against the declared severity; keeping it.', evidenceIds: ids}
  }
  const cmp = ORDER.indexOf(suggested) - ORDER.indexOf(declared)
  if (cmp === 0 || (cmp < 0 && p0BySymptom)) {
    return {declared, verdict: 'confirmed', suggested: declared, reason: `Confirmed: ${measure}, consistent with ${declared} (${SEVERITY_LEVELS[declared].scope}).`, evidenceIds: ids}
  }
  // Logs show how much traffic fails, not how much that traffic matters: one level lower is
  // still consistent with the declaration when the failing path is business-critical.
  if (cmp === -1) {
    return {declared, verdict: 'confirmed', suggested, reason: `Kept: ${measure}. By volume alone that is ${suggested}; ${declared} stands if that path is business-critical.`, evidenceIds: ids}
  }
  return {
    declared,
    verdict: cmp > 0 ? 'raise' : 'lower',
    suggested,
    reason: `Consider ${suggested}: ${measure}, which matches ${suggested} (${SEVERITY_LEVELS[suggested].meaning.split(':')[1]?.trim() ?? ''}). Declared ${declared} is kept until someone changes it.`,
    evidenceIds: ids,
  }
}

function statusPageDraft(incident: Incident, facts: EvidenceFacts): string {
  const since = facts.onset ? ` since ${formatTime(facts.onset)}` : ''
  // "Requests" only when request lines were counted: an error log alone says the service failed, not what its callers saw.
  const failing = facts.requests ? 'is returning errors for some requests' : 'has been failing'
  const what = incident.symptoms.includes('service-unavailable') ? 'is unavailable' : incident.symptoms.includes('slow-performance') ? 'is responding slowly' : failing
  const affected = facts.requests?.endpoints.filter((item) => item.affected).map((item) => item.endpoint.replace(/^[A-Z]+ /, '')) ?? []
  const endpoint = affected.length > 0 ? ` Affected: ${affected.join(', ')}.` : ''
  return `Investigating — ${incident.service ?? 'One of our services'} ${what}${since}.${endpoint} Our engineers are working on it; next update within ${SEVERITY_LEVELS[incident.severity].updateCadence}.`
}

export function nextUpdateFor(severity: Severity): string {
  return `within ${SEVERITY_LEVELS[severity].updateCadence}`
}
