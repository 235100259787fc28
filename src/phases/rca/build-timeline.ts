import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {RootCause} from '../../incident/rca.js'
import type {TimelineEvent} from '../../incident/timeline-event.js'

/** Changes older than this before onset are left out of the timeline unless they are the cause. */
const RECENT_CHANGE_MINUTES = 6 * 60

/**
 * The incident's story in UTC: pre-incident changes and deploys, onset, first error, detection,
 * then what people recorded (escalation, notes, mitigation, resolution) from timeline.jsonl.
 */
export function buildTimeline(facts: EvidenceFacts, cause: RootCause, recorded: readonly TimelineEvent[]): TimelineEvent[] {
  const events: TimelineEvent[] = []
  const causalSha = cause.change?.sha ?? null
  for (const change of facts.changes) {
    const recent = change.minutesBeforeOnset !== null && change.minutesBeforeOnset >= 0 && change.minutesBeforeOnset <= RECENT_CHANGE_MINUTES
    if (change.sha !== causalSha && (!recent || change.kind === 'docs-tests')) continue
    const label = change.sha === causalSha ? 'Causal change committed' : 'Change committed'
    events.push({at: change.committedAt, kind: 'change', text: `${label}: ${change.shortSha} ${change.subject} (${change.kind})`, source: 'git', evidenceIds: [change.evidenceId]})
  }
  for (const event of facts.events) {
    if (event.minutesBeforeOnset !== null && (event.minutesBeforeOnset < 0 || event.minutesBeforeOnset > RECENT_CHANGE_MINUTES)) continue
    events.push({at: event.at, kind: 'deploy', text: `${event.kind === 'deploy' ? 'Deploy' : event.kind === 'feature-flag' ? 'Feature flag' : 'Config'}: ${event.description}`, source: 'deploys', evidenceIds: [event.evidenceId]})
  }
  if (facts.onset) events.push({at: facts.onset, kind: 'onset', text: 'Onset: error rate changes from its baseline', source: 'logs', evidenceIds: facts.onsetEvidenceIds})
  if (facts.errors?.firstErrorAt && facts.errors.firstErrorAt !== facts.onset && (!facts.onset || facts.errors.firstErrorAt > facts.onset)) {
    events.push({at: facts.errors.firstErrorAt, kind: 'onset', text: 'First error after onset', source: 'logs', evidenceIds: facts.errors.evidenceIds.slice(0, 1)})
  }
  for (const event of recorded) {
    if (event.kind === 'phase') continue
    events.push(event.kind === 'declared' ? {...event, kind: 'detection', text: `Detected and declared: ${event.text.replace(/^Incident declared: /, '')}`} : event)
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}
