import type {SlackConfig} from './config.js'
import type {DeliveryOutcome} from './http/delivery-error.js'
import {MAX_SERVER_DELAY_MS} from './http/retry-policy.js'
import type {OutboxChannel} from './outbox-entry.js'

/**
 * The delivery model, per vendor, in one place (docs/delivery-model.md says the same in prose).
 * Every outbox message goes through `decideAfterFailure`; nothing else resends anything.
 */

/** How to find out whether an attempt whose outcome is unknown reached the vendor. */
export type Lookup =
  /** Resending is harmless: the vendor merges it (PagerDuty Events by dedup_key). */
  | 'resend'
  /** Jira: search the incident's item label. */
  | 'jira-label-search'
  /** Slack bot: conversations.history / conversations.replies, matching the message metadata. */
  | 'slack-history'
  /** PagerDuty REST: list the incident's notes, matching the content. */
  | 'pagerduty-notes'
  /** No way to look (a Slack incoming webhook): the message is sent at most once. */
  | 'none'

export interface ChannelPolicy {
  lookup: Lookup
  /** Attempts within one run before the message is deferred to a later run or `sync`. */
  attemptsPerRun: number
  /** Waits between attempts within a run, ms (the last one repeats). */
  inRunBackoffMs: readonly number[]
  /** Across runs: the first deferral after a run's attempts are used up, doubled per further run, capped. */
  deferBaseMs: number
  deferMaxMs: number
}

/** A vendor's Retry-After up to this is waited out in the run; anything longer defers the message. */
export const MAX_IN_RUN_WAIT_MS = MAX_SERVER_DELAY_MS

/**
 * PagerDuty asks Events API clients to retry 429, 5xx and network errors with a growing delay (about
 * 120 events per minute per routing key). Three tries 1 s and 3 s apart, then 30 s, 1, 2, 4 min…
 * capped at 5 min between runs of `sync`.
 */
const PAGERDUTY_EVENTS: ChannelPolicy = {lookup: 'resend', attemptsPerRun: 3, inRunBackoffMs: [1_000, 3_000], deferBaseMs: 30_000, deferMaxMs: 300_000}

/** Non-idempotent POSTs: after an ambiguous failure, wait for the vendor to settle, look, then resend only if absent. */
const LOOK_THEN_RESEND = {attemptsPerRun: 3, inRunBackoffMs: [1_000, 3_000], deferBaseMs: 30_000, deferMaxMs: 300_000}

export function channelPolicy(channel: OutboxChannel, slack: SlackConfig | null): ChannelPolicy {
  switch (channel) {
    case 'pagerduty-event':
      return PAGERDUTY_EVENTS
    case 'pagerduty-note':
      return {...LOOK_THEN_RESEND, lookup: 'pagerduty-notes'}
    case 'jira':
      return {...LOOK_THEN_RESEND, lookup: 'jira-label-search'}
    case 'slack':
      return {...LOOK_THEN_RESEND, lookup: slack?.mode === 'bot' ? 'slack-history' : 'none'}
  }
}

/** What a failed attempt says, as the policy needs it. */
export interface Failure {
  outcome: DeliveryOutcome
  status: number | null
  retryAfterMs: number | null
}

export type NextStep =
  /** Try again in this run after `waitMs`; `lookFirst` when the last attempt may have arrived. */
  | {kind: 'retry'; waitMs: number; lookFirst: boolean}
  /** Leave it for a later run or `sync`, not before `until`. */
  | {kind: 'defer'; until: Date; lookFirst: boolean}
  /** The vendor refused it for good: not resent until the channel's settings change. */
  | {kind: 'blocked'}
  /** It may have arrived and there is no way to check: never resent on our own (at most once). */
  | {kind: 'unconfirmed'}

/**
 * The decision after a failed attempt. `attemptInRun` counts from 1; `attemptsTotal` includes
 * earlier runs (it spaces the deferrals out).
 */
export function decideAfterFailure(policy: ChannelPolicy, failure: Failure, attemptInRun: number, attemptsTotal: number, now: Date): NextStep {
  if (failure.outcome === 'refused' && failure.status !== 429) return {kind: 'blocked'}
  const mayHaveArrived = failure.outcome === 'unknown'
  if (mayHaveArrived && policy.lookup === 'none') return {kind: 'unconfirmed'}
  const lookFirst = mayHaveArrived && policy.lookup !== 'resend'

  const asked = failure.retryAfterMs
  if (asked !== null && asked > MAX_IN_RUN_WAIT_MS) return {kind: 'defer', until: new Date(now.getTime() + asked), lookFirst}
  if (attemptInRun < policy.attemptsPerRun) {
    const backoff = policy.inRunBackoffMs[Math.min(attemptInRun - 1, policy.inRunBackoffMs.length - 1)]
    return {kind: 'retry', waitMs: Math.max(asked ?? 0, backoff), lookFirst}
  }
  const runsUsed = Math.max(0, Math.ceil(attemptsTotal / policy.attemptsPerRun) - 1)
  const deferMs = Math.max(asked ?? 0, Math.min(policy.deferBaseMs * 2 ** runsUsed, policy.deferMaxMs))
  return {kind: 'defer', until: new Date(now.getTime() + deferMs), lookFirst}
}
