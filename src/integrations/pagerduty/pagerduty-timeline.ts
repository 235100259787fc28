import type {TimelineEventInput} from '../../incident/timeline-event.js'
import {outgoingText} from '../text-limits.js'
import type {PagerDutyIncident, PagerDutyLogEntry} from './pagerduty-rest.js'

export interface PagerDutyImport {
  pagerDutyIncident: {id: string; number: number | null; title: string; status: PagerDutyIncident['status']; urgency: string | null; htmlUrl: string | null}
  /** Timeline events for timeline.jsonl; never name a person ("the on-call responder"). */
  events: TimelineEventInput[]
  timestamps: {detectedAt: string | null; acknowledgedAt: string | null; resolvedAt: string | null}
  /** Names of the people involved, for the blameless linter to look for; never to be written anywhere. */
  responders: string[]
}

/**
 * A PagerDuty incident and its log entries as our timeline: the first trigger is detection, the
 * first acknowledgement is acknowledged, the last resolve is resolved. Other entries (notifications,
 * assignments, notes) name people or repeat these, so they are left out.
 */
export function pagerDutyTimeline(incident: PagerDutyIncident, logEntries: readonly PagerDutyLogEntry[]): PagerDutyImport {
  const ordered = [...logEntries].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))
  const first = (type: string) => ordered.find((entry) => entry.type === type)
  const trigger = first('trigger_log_entry')
  const acknowledge = first('acknowledge_log_entry')
  const resolve = ordered.filter((entry) => entry.type === 'resolve_log_entry').at(-1)

  const title = outgoingText(incident.title, 300)
  const label = incident.incident_number === undefined ? `PagerDuty incident ${incident.id}` : `PagerDuty incident #${incident.incident_number}`
  const detectedAt = iso(trigger?.created_at ?? incident.created_at)
  const events: TimelineEventInput[] = []
  if (detectedAt) events.push({at: detectedAt, kind: 'detection', text: `${label} triggered: ${title}`, source: 'pagerduty'})
  const acknowledgedAt = iso(acknowledge?.created_at)
  if (acknowledgedAt) events.push({at: acknowledgedAt, kind: 'acknowledged', text: `${label} acknowledged by the on-call responder`, source: 'pagerduty'})
  const resolvedAt = iso(resolve?.created_at)
  if (resolvedAt) events.push({at: resolvedAt, kind: 'resolved', text: `${label} resolved in PagerDuty`, source: 'pagerduty'})

  const responders = new Set<string>()
  for (const entry of ordered) if (entry.agent?.type?.startsWith('user') && entry.agent.summary) responders.add(entry.agent.summary)
  for (const assignment of incident.assignments) if (assignment.assignee?.summary) responders.add(assignment.assignee.summary)

  return {
    pagerDutyIncident: {
      id: incident.id,
      number: incident.incident_number ?? null,
      title,
      status: incident.status,
      urgency: incident.urgency ?? null,
      htmlUrl: incident.html_url ?? null,
    },
    events,
    timestamps: {detectedAt, acknowledgedAt, resolvedAt},
    responders: [...responders],
  }
}

function iso(value: string | undefined): string | null {
  if (value === undefined) return null
  const time = Date.parse(value)
  return Number.isFinite(time) ? new Date(time).toISOString() : null
}
