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
