import {z} from 'zod'

/**
 * One line of `outbox.jsonl`. Payloads hold only what is safe to keep in the incident folder:
 * no routing keys, tokens, webhook URLs, Slack channel or Jira project (those come from the
 * config at send time, so fixing a setting and running `sync` uses the fixed value).
 */
const OUTBOX_SCHEMA_VERSION = 1
const OUTBOX_CHANNELS = ['pagerduty-event', 'pagerduty-note', 'slack', 'jira'] as const
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number]

const PagerDutyEventBodySchema = z.object({
  event_action: z.enum(['trigger', 'acknowledge', 'resolve']),
  dedup_key: z.string().min(1).max(255),
  payload: z
    .object({
      summary: z.string().min(1).max(1024),
      source: z.string().min(1),
      severity: z.enum(['critical', 'error', 'warning', 'info']),
      timestamp: z.string().optional(),
      component: z.string().optional(),
      class: z.string().optional(),
      custom_details: z.record(z.string(), z.unknown()),
    })
    .optional(),
  client: z.string().optional(),
})
export type PagerDutyEventBody = z.infer<typeof PagerDutyEventBodySchema>

const PagerDutyNoteBodySchema = z.object({pagerDutyIncidentId: z.string().min(1), content: z.string().min(1)})
export type PagerDutyNoteBody = z.infer<typeof PagerDutyNoteBodySchema>

const SlackMessageBodySchema = z.object({
  text: z.string().min(1),
  blocks: z.array(z.record(z.string(), z.unknown())),
  /** Post as a reply under the incident's first Slack message (bot mode; a webhook cannot thread). */
  threadUnderFirst: z.boolean(),
})
export type SlackMessageBody = z.infer<typeof SlackMessageBodySchema>

const JiraIssueBodySchema = z.object({
  actionItemId: z.string(),
  /** Unique to the action item; found by search after a crash between create and store. */
  label: z.string().regex(/^[A-Za-z0-9_.-]+$/),
  /** Issue fields without `project`, which comes from JIRA_PROJECT at send time. */
  fields: z.record(z.string(), z.unknown()),
})
export type JiraIssueBody = z.infer<typeof JiraIssueBodySchema>

const Iso = z.string().datetime({offset: true})

const common = {
  schemaVersion: z.literal(OUTBOX_SCHEMA_VERSION),
  /** Unique in the incident: the same message queued twice (a resumed triage) is one entry. */
  id: z.string().min(1),
  /** The vendor-side dedup key: PagerDuty dedup_key, the Jira item label, the Slack message id. */
  key: z.string().min(1),
  /** `cancelled`: superseded before delivery (a page for an incident resolved before it went out). */
  status: z.enum(['pending', 'sent', 'failed', 'cancelled']),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  createdAt: Iso,
  sentAt: Iso.nullable(),
  /** What the vendor gave back: Slack `ts`, Jira `key`, PagerDuty `dedup_key`. */
  result: z.record(z.string(), z.string()).nullable(),
  /** Not to be sent before this time: the vendor's Retry-After, or our backoff after repeated failures. */
  nextAttemptAt: Iso.nullable().default(null),
  /**
   * When an attempt began whose outcome is unknown (a timeout, a reset, a 5xx, or a kill between
   * sending and recording): the next attempt first looks for it at the vendor, or, where the vendor
   * offers no way to look, the message is not sent again (at most once).
   */
  unconfirmedSince: Iso.nullable().default(null),
  /**
   * A permanent refusal (400, 401, 403, 404, 422…): not resent while the channel's settings still
   * have this fingerprint (a hash, never the values), i.e. until the user changes the setting named.
   */
  blockedBy: z.object({setting: z.string(), fingerprint: z.string()}).nullable().default(null),
}

export const OutboxEntrySchema = z.discriminatedUnion('channel', [
  z.object({...common, channel: z.literal('pagerduty-event'), payload: PagerDutyEventBodySchema}),
  z.object({...common, channel: z.literal('pagerduty-note'), payload: PagerDutyNoteBodySchema}),
  z.object({...common, channel: z.literal('slack'), payload: SlackMessageBodySchema}),
  z.object({...common, channel: z.literal('jira'), payload: JiraIssueBodySchema}),
])
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>

type NewEntry<C extends OutboxChannel> = Pick<Extract<OutboxEntry, {channel: C}>, 'id' | 'key' | 'channel' | 'payload'>
export type OutboxMessage = NewEntry<'pagerduty-event'> | NewEntry<'pagerduty-note'> | NewEntry<'slack'> | NewEntry<'jira'>

export function pendingEntry(message: OutboxMessage, now: Date): OutboxEntry {
  return {
    ...message,
    schemaVersion: OUTBOX_SCHEMA_VERSION,
    status: 'pending',
    attempts: 0,
    lastError: null,
    createdAt: now.toISOString(),
    sentAt: null,
    result: null,
    nextAttemptAt: null,
    unconfirmedSince: null,
    blockedBy: null,
  } as OutboxEntry
}
