import {describe, expect, it} from 'vitest'

import {channelPolicy, decideAfterFailure, type Failure} from '../../src/integrations/delivery-policy.js'

const NOW = new Date('2026-11-30T14:10:00.000Z')
const bot = {mode: 'bot' as const, botToken: 'x', channel: 'C0INCIDNT1', apiUrl: 'https://slack.com/api'}
const webhook = {mode: 'webhook' as const, webhookUrl: 'https://hooks.slack.com/services/T/B/x'}
const failure = (outcome: Failure['outcome'], status: number | null = null, retryAfterMs: number | null = null): Failure => ({outcome, status, retryAfterMs})
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000)

describe('decideAfterFailure: the delivery model as a table', () => {
  it.each([
    ['PagerDuty event, timeout: resend (dedup_key makes it harmless)', channelPolicy('pagerduty-event', null), failure('unknown'), 1, {kind: 'retry', waitMs: 1000, lookFirst: false}],
    ['PagerDuty event, 502 on the last try of the run: defer 30 s', channelPolicy('pagerduty-event', null), failure('unknown', 502), 3, {kind: 'defer', until: at(30), lookFirst: false}],
    ['PagerDuty event, 400: refused for good', channelPolicy('pagerduty-event', null), failure('refused', 400), 1, {kind: 'blocked'}],
    ['PagerDuty event, 429 Retry-After 120: defer, not wait', channelPolicy('pagerduty-event', null), failure('refused', 429, 120_000), 1, {kind: 'defer', until: at(120), lookFirst: false}],
    ['PagerDuty event, 429 Retry-After 2: waited in the run', channelPolicy('pagerduty-event', null), failure('refused', 429, 2_000), 1, {kind: 'retry', waitMs: 2000, lookFirst: false}],
    ['PagerDuty note, 503: look at the notes before resending', channelPolicy('pagerduty-note', null), failure('unknown', 503), 1, {kind: 'retry', waitMs: 1000, lookFirst: true}],
    ['Jira, connection refused: nothing arrived, resend', channelPolicy('jira', null), failure('not-sent'), 2, {kind: 'retry', waitMs: 3000, lookFirst: false}],
    ['Jira, 408: a refusal of a POST, not retried', channelPolicy('jira', null), failure('refused', 408), 1, {kind: 'blocked'}],
    ['Jira, 409: not retried', channelPolicy('jira', null), failure('refused', 409), 1, {kind: 'blocked'}],
    ['Slack bot, reset: search the channel before resending', channelPolicy('slack', bot), failure('unknown'), 1, {kind: 'retry', waitMs: 1000, lookFirst: true}],
    ['Slack webhook, timeout: at most once', channelPolicy('slack', webhook), failure('unknown'), 1, {kind: 'unconfirmed'}],
    ['Slack webhook, 429: it did not post, so it is sent later', channelPolicy('slack', webhook), failure('refused', 429, 60_000), 1, {kind: 'defer', until: at(60), lookFirst: false}],
  ] as const)('%s', (_name, policy, seen, attempt, expected) => {
    expect(decideAfterFailure(policy, seen, attempt, attempt, NOW)).toEqual(expected)
  })

  it('spaces deferrals out across runs: 30 s, 1 min, 2 min, 4 min, then every 5 min', () => {
    const policy = channelPolicy('pagerduty-event', null)
    const deferrals = [3, 6, 9, 12, 15, 18].map((attempts) => {
      const step = decideAfterFailure(policy, failure('unknown', 500), 3, attempts, NOW)
      return step.kind === 'defer' ? (step.until.getTime() - NOW.getTime()) / 1000 : null
    })
    expect(deferrals).toEqual([30, 60, 120, 240, 300, 300])
  })
})

describe('channelPolicy: how each vendor is looked up after an unknown outcome', () => {
  it.each([
    ['pagerduty-event', null, 'resend'],
    ['pagerduty-note', null, 'pagerduty-notes'],
    ['jira', null, 'jira-label-search'],
    ['slack', bot, 'slack-history'],
    ['slack', webhook, 'none'],
    ['slack', null, 'none'],
  ] as const)('%s (%o) → %s', (channel, slack, lookup) => {
    expect(channelPolicy(channel, slack)).toEqual({lookup, attemptsPerRun: 3, inRunBackoffMs: [1_000, 3_000], deferBaseMs: 30_000, deferMaxMs: 300_000})
  })
})

describe('decideAfterFailure at its edges', () => {
  // A policy of our own, with more attempts than waits and a short deferral, to reach the edges
  // the vendors' policies do not.
  const patient = {lookup: 'resend' as const, attemptsPerRun: 5, inRunBackoffMs: [1_000, 3_000], deferBaseMs: 1_000, deferMaxMs: 10_000}

  it('waits out a Retry-After of exactly 5 s in the run, and defers one just longer', () => {
    const policy = channelPolicy('pagerduty-event', null)
    expect(decideAfterFailure(policy, failure('refused', 429, 5_000), 1, 1, NOW)).toEqual({kind: 'retry', waitMs: 5_000, lookFirst: false})
    expect(decideAfterFailure(policy, failure('refused', 429, 5_001), 1, 1, NOW)).toEqual({kind: 'defer', until: new Date(NOW.getTime() + 5_001), lookFirst: false})
  })

  it('repeats the last wait when a run has more attempts than waits', () => {
    expect([1, 2, 3, 4].map((attempt) => decideAfterFailure(patient, failure('not-sent'), attempt, attempt, NOW))).toEqual([
      {kind: 'retry', waitMs: 1_000, lookFirst: false},
      {kind: 'retry', waitMs: 3_000, lookFirst: false},
      {kind: 'retry', waitMs: 3_000, lookFirst: false},
      {kind: 'retry', waitMs: 3_000, lookFirst: false},
    ])
  })

  it('never defers sooner than the server asked', () => {
    expect(decideAfterFailure(patient, failure('refused', 429, 4_000), 5, 5, NOW)).toEqual({kind: 'defer', until: at(4), lookFirst: false})
  })
})
