import type {Sleep} from './http/http-client.js'
import type {OutboxChannel} from './outbox-entry.js'

/** `send` delivers; `dry-run` returns what would be sent (redacted) and writes nothing; `off` (--no-notify) does nothing. */
export type NotifyMode = 'send' | 'dry-run' | 'off'

/** What the triage phase knows when it escalates. */
export interface TriageSummary {
  impactSummary: string
  suspectedCause: string | null
  /** When the next update will come, as text ("in 30 minutes (14:45 UTC)"). */
  nextUpdate: string
}

export interface IntegrationDeps {
  fetch?: typeof globalThis.fetch
  sleep?: Sleep
  random?: () => number
  now?: () => Date
  /** Per HTTP attempt. */
  timeoutMs?: number
  /** Retries of idempotent requests (GETs, searches) inside the HTTP core; outbox sends follow the delivery policy. */
  maxRetries?: number
  /**
   * Runs `fn` holding the incident lock. Defaults to `withIncidentLock(dir, fn, {waitMs: 30000})`;
   * a caller that already holds the lock passes `(_dir, fn) => fn()` (the lock is not re-entrant).
   */
  withLock?: <T>(dir: string, fn: () => Promise<T>) => Promise<T>
}

/** `withLock` for a caller that already holds the incident lock (e.g. inside the pipeline's own lock). */
export const underHeldLock: NonNullable<IntegrationDeps['withLock']> = (_dir, fn) => fn()

/** A request as it would go on the wire; in dry-run results, with secrets masked as `***`. */
export interface OutgoingRequest {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  json: unknown
}

/**
 * The outcome of any integration call. Failures are reported here, never thrown: an integration
 * must not fail or lose the incident.
 */
export interface IntegrationResult {
  /** Messages sent by this call. */
  delivered: number
  /** Messages in the outbox still not sent when this call returned (including failed ones). */
  pending: number
  /** Distinct failures of this call, one line each, naming the setting to fix when there is one. */
  failed: Array<{channel: OutboxChannel | 'outbox'; error: string}>
  /** Dry-run only: what would have been sent, secrets masked. */
  dryRun: Array<{channel: OutboxChannel; request: OutgoingRequest}>
  /** Channels not used because they are not configured (e.g. a P0 without PAGERDUTY_ROUTING_KEY). */
  skipped: Array<{channel: OutboxChannel; reason: string}>
  /** Jira keys known for action items (id like `#incident-001` → `OPS-24`), to store in action-items.json. */
  jiraKeys: Record<string, string>
  /** Messages waiting for their time (a vendor's Retry-After, our backoff): `sync` sends them when due, `sync --wait` waits. */
  deferred: Array<{id: string; channel: OutboxChannel; until: string; reason: string | null}>
  /** Messages a vendor refused for good: not resent until the setting named changes (or `sync --resend ID`). */
  blocked: Array<{id: string; channel: OutboxChannel; error: string}>
  /** Messages that may or may not have arrived, where the vendor offers no way to check: never resent on our own. */
  unconfirmed: Array<{id: string; channel: OutboxChannel; note: string}>
  /** Things the user should know that are not failures (a page not sent because PagerDuty already has the incident). */
  notices: string[]
  /** A P0 page still not delivered when this call returned, with the command that retries it. */
  pageUndelivered: {reason: string; nextAttemptAt: string | null; retry: string} | null
}

export function emptyResult(): IntegrationResult {
  return {delivered: 0, pending: 0, failed: [], dryRun: [], skipped: [], jiraKeys: {}, deferred: [], blocked: [], unconfirmed: [], notices: [], pageUndelivered: null}
}
