import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import {formatImpactShort, incidentDurations} from '../../incident/durations.js'
import type {Incident} from '../../incident/incident.js'
import type {RootCause} from '../../incident/rca.js'
import type {Story, StoryCause, StoryFailures} from '../../render/sentences/story.js'

/**
 * The plain facts the documents' sentences are written from (pure): the incident as recorded,
 * the evidence facts and the root cause, with the durations from the one duration function.
 */
export function storyOf(incident: Incident, facts: EvidenceFacts, cause: RootCause | null, now: Date): Story {
  const arc = incident.arc ?? facts.arc
  const durations = incidentDurations({...incident, arc}, now)
  const t = incident.timestamps
  return {
    service: incident.service ?? 'the service',
    onset: durations.onset,
    declared: durations.declared,
    failures: failuresOf(facts),
    endpoints: (facts.requests?.endpoints ?? []).map((endpoint) => ({name: endpoint.endpoint, during: endpoint.during, baseline: endpoint.baseline, wholeLog: endpoint.wholeLog, affected: endpoint.affected})),
    users: facts.affectedUsers,
    cause: causeOf(cause),
    mitigation: arc.mitigation ? {at: arc.mitigation.at, kind: arc.mitigation.kind, label: arc.mitigation.label, description: arc.mitigation.description} : null,
    attempts: arc.attempts.map((attempt) => ({at: attempt.at, label: attempt.label, description: attempt.description})),
    recovery: arc.recovery ? {at: arc.recovery.at, signals: arc.recovery.signals.map((signal) => signal.signal), rule: arc.recovery.rule} : null,
    endOfImpact: arc.endOfImpact,
    evidenceEnd: arc.evidenceEnd,
    notRecovered: arc.notRecovered,
    recorded: {status: incident.status, mitigatedAt: t.mitigatedAt, mitigation: incident.mitigation, resolvedAt: t.resolvedAt, resolution: incident.resolution},
    duration: formatImpactShort(durations.impact),
  }
}

/** Failed requests counted once when there are request lines, else error lines, else why nothing can be counted. */
export function failuresOf(facts: EvidenceFacts): StoryFailures {
  const requests = facts.requests
  if (requests) return {kind: 'requests', during: requests.during, baseline: requests.baseline, source: requests.source, files: requests.files, correlatedAcross: requests.correlatedAcross, to: requests.to, until: requests.until}
  if (!facts.errors) return {kind: 'no-logs'}
  if (facts.errors.count === 0) return {kind: 'none'}
  const first = facts.errors.firstErrorAt
  return {kind: 'error-lines', lines: facts.errors.count, firstAt: first && facts.onset && Date.parse(first) > Date.parse(facts.onset) ? first : null, to: facts.errors.countedTo}
}

function causeOf(cause: RootCause | null): StoryCause {
  if (!cause || cause.category === 'unknown') return {kind: 'undetermined', confidence: cause?.confidence ?? 0}
  if (cause.change) return {kind: 'change', category: cause.category, changeKind: cause.change.kind, sha: cause.change.sha, subject: cause.change.subject, confidence: cause.confidence}
  return {kind: 'condition', category: cause.category, summary: cause.summary, confidence: cause.confidence}
}
