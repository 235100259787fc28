import type {ActionItem} from '../incident/action-item.js'
import type {Incident} from '../incident/incident.js'
import type {TimelineEventInput} from '../incident/timeline-event.js'

/** What one notification step did; failures are reported here, never thrown. */
export interface NotifyReport {
  action: string
  delivered: number
  pending: number
  failed: {channel: string; error: string}[]
  dryRun: {channel: string; request: unknown}[]
  problems: string[]
  /** Action item id → Jira key, for the tracking step. */
  jiraKeys: Record<string, string>
  /** Waiting for their time (a vendor's Retry-After, backoff): `incident-response sync --wait` sends them. */
  deferred: {id: string; channel: string; until: string; reason: string | null}[]
  /** Refused for good under the current settings: resent once the setting named changes. */
  blocked: {id: string; channel: string; error: string}[]
  /** May or may not have arrived, and the vendor offers no way to check: not resent on our own. */
  unconfirmed: {id: string; channel: string; note: string}[]
  notices: string[]
  /** A P0 page not delivered yet, with the command that retries it: said loudly wherever this report is shown. */
  pageUndelivered: {reason: string; nextAttemptAt: string | null; retry: string} | null
}

/**
 * The pipeline's view of the integrations (PagerDuty, Slack, Jira). Every method is called while
 * the caller holds the incident lock.
 */
export interface Notifier {
  escalate(input: {dir: string; incident: Incident; impactSummary: string; suspectedCause: string | null; nextUpdate: string}): Promise<NotifyReport>
  trackActionItems(input: {dir: string; incident: Incident; items: ActionItem[]}): Promise<NotifyReport>
  /** Read a PagerDuty incident's timeline; an error is returned as text, never thrown. */
  importPagerDuty(pagerDutyIncidentId: string): Promise<PagerDutyTimeline | {error: string}>
  notePagerDuty(input: {dir: string; pagerDutyIncidentId: string; content: string}): Promise<NotifyReport>
}

export interface PagerDutyTimeline {
  events: TimelineEventInput[]
  timestamps: {detectedAt: string | null; acknowledgedAt: string | null; resolvedAt: string | null}
  /** For the blameless scrub and lint of this run only; never written anywhere. */
  responders: string[]
}

export function emptyReport(action: string): NotifyReport {
  return {action, delivered: 0, pending: 0, failed: [], dryRun: [], problems: [], jiraKeys: {}, deferred: [], blocked: [], unconfirmed: [], notices: [], pageUndelivered: null}
}
