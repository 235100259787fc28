import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {Impact} from '../../incident/rca.js'
import {failedRequests, usersAffected} from '../../render/sentences/impact.js'
import {count, listOf, percent} from '../../render/sentences/sentence.js'
import type {Story} from '../../render/sentences/story.js'

const countedFrom = (requests: NonNullable<EvidenceFacts['requests']>) =>
  requests.correlatedAcross
    ? `request ids across ${requests.correlatedAcross.length} sources (${requests.correlatedAcross.join(', ')}), failed lines without an id from the ${requests.source === 'access' ? 'access log' : 'application request lines'}`
    : `${requests.source === 'access' ? 'access log' : 'application request lines'} (${requests.files.join(', ')})`

/**
 * Impact in numbers from the evidence, each failed request counted once; an endpoint is named
 * affected only when the test says so, and anything the evidence does not show is said to be unknown.
 */
export function buildImpact(facts: EvidenceFacts, story: Story, durationMinutes: number | null): Impact {
  const requests = facts.requests
  const affected = story.endpoints.filter((endpoint) => endpoint.affected)
  const parts = [failedRequests.render(story)]
  if (affected.length > 0) parts.push(`Affected: ${listOf(affected.map((endpoint) => `${endpoint.name} (${count(endpoint.during.failed)} of ${count(endpoint.during.total)} failed, ${percent(endpoint.during.failed / endpoint.during.total)})`))}.`)
  else if (story.endpoints.length > 0) parts.push('No endpoint failed significantly more than before the onset.')
  parts.push(usersAffected.render(story), `Duration: ${story.duration}.`)
  const errors = facts.errors
  return {
    summary: parts.join(' '),
    errorCount: errors?.count ?? null,
    requestCount: requests?.during.total ?? errors?.requests ?? null,
    failedRequests: requests?.during.failed ?? null,
    countedFrom: requests ? countedFrom(requests) : null,
    peakErrorRate: errors?.peakRate ?? null,
    firstErrorAt: errors?.firstErrorAt ?? null,
    durationMinutes: durationMinutes === null ? null : Math.round(durationMinutes),
    affectedEndpoints: (requests?.endpoints ?? []).filter((endpoint) => endpoint.affected).map((endpoint) => ({endpoint: endpoint.endpoint, errors: endpoint.during.failed})),
    testedEndpoints: (requests?.endpoints ?? []).map((endpoint) => ({endpoint: endpoint.endpoint, failed: endpoint.during.failed, total: endpoint.during.total, baselineFailed: endpoint.baseline.failed, baselineTotal: endpoint.baseline.total, affected: endpoint.affected})),
    affectedUsers: facts.affectedUsers,
    evidenceIds: [...(errors?.evidenceIds.slice(0, 2) ?? []), ...(requests?.endpoints ?? []).slice(0, 3).map((item) => item.evidenceId), ...facts.unhealthy.map((item) => item.evidenceId)],
  }
}
