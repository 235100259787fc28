import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {RootCause} from '../../incident/rca.js'
import type {TimelineEvent} from '../../incident/timeline-event.js'
import {MITIGATION_WORDS} from '../../evidence/arc/classify-mitigation.js'
import {ATTACK_SIGNAL} from '../../evidence/arc/find-incident-arc.js'

/** Changes older than this before onset are left out of the timeline unless they are the cause. */
const RECENT_CHANGE_MINUTES = 6 * 60

/**
 * The incident's story in UTC: pre-incident changes and deploys, onset, first error, the arc the
 * evidence shows after it (peak, changes, mitigation, end of impact, recovery), detection, then
 * what people recorded (escalation, notes, mitigation, resolution) from timeline.jsonl.
 */
export function buildTimeline(facts: EvidenceFacts, cause: RootCause, recorded: readonly TimelineEvent[], options: {declarationKnown: boolean}): TimelineEvent[] {
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
  if (facts.onset) {
    const text = facts.arc.underWayAtStart ? 'Onset: failed logins already under way when the evidence begins (the attack may have started earlier)' : 'Onset: error rate changes from its baseline'
    events.push({at: facts.onset, kind: 'onset', text, source: 'logs', evidenceIds: facts.onsetEvidenceIds})
  }
  if (facts.errors?.firstErrorAt && facts.errors.firstErrorAt !== facts.onset && (!facts.onset || facts.errors.firstErrorAt > facts.onset)) {
    events.push({at: facts.errors.firstErrorAt, kind: 'onset', text: 'First error after onset', source: 'logs', evidenceIds: facts.errors.evidenceIds.slice(0, 1)})
  }
  events.push(...arcEvents(facts))
  for (const event of recorded) {
    if (event.kind === 'phase') continue
    if (event.kind !== 'declared') {
      events.push(event)
      continue
    }
    const what = event.text.replace(/^(Incident declared: |Declared )/, '')
    events.push({...event, kind: 'detection', text: options.declarationKnown ? `Detected and declared: ${what}` : `Declared when this tool ran, not when it was detected (unknown): ${what}`})
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

function arcEvents(facts: EvidenceFacts): TimelineEvent[] {
  const arc = facts.arc
  const events: TimelineEvent[] = []
  const evidence = (at: string, kind: TimelineEvent['kind'], text: string, evidenceIds: string[]) => events.push({at, kind, text, source: 'evidence', evidenceIds})
  if (arc.peak) evidence(arc.peak.at, 'peak', `Peak of the ${arc.peak.signal}: ${peakValue(arc.peak)}`, arc.peak.evidenceIds)
  for (const attempt of arc.attempts) evidence(attempt.at, 'deploy', `Change after the onset, not followed by a recovery: ${attempt.description}`, attempt.evidenceIds)
  if (arc.mitigation) evidence(arc.mitigation.at, 'mitigation', `Mitigation, from the evidence: ${arc.mitigation.description} (${MITIGATION_WORDS[arc.mitigation.kind]})`, arc.mitigation.evidenceIds)
  if (arc.endOfImpact && arc.recovery && arc.endOfImpact !== arc.recovery.at) evidence(arc.endOfImpact, 'recovery', 'End of impact: the last failure of the incident', facts.errors?.evidenceIds.slice(1, 2) ?? [])
  if (arc.recovery) evidence(arc.recovery.at, 'recovery', `Recovery, from the evidence: ${arc.recovery.signals.map((signal) => (signal.signal === ATTACK_SIGNAL ? 'the failed logins stopped' : `${signal.signal} back at the pre-onset level`)).join(' and ')}`, arc.recovery.evidenceIds)
  return events
}
function peakValue(peak: NonNullable<EvidenceFacts['arc']['peak']>): string {
  if (peak.signal === 'log error rate') return `${(peak.value * 100).toFixed(1)}% of log lines were errors`
  if (peak.unit) return `${peak.value} ${peak.unit}`
  return `${Number(peak.value.toPrecision(4))}`
}
