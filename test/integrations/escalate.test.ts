import {access} from 'node:fs/promises'
import {join} from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'

import {loadIntegrationConfig} from '../../src/integrations/config.js'
import {escalateIncident} from '../../src/integrations/notify.js'
import type {FakePagerDutyEvents} from './fakes/fake-pagerduty.js'
import type {FakeSlack} from './fakes/fake-slack.js'
import {expectNoSecrets, INCIDENT_ID, makeIncident, readAllFiles, SECRETS, testDeps, TRIAGE, useVendorFakes} from './fixtures.js'

const fakes = useVendorFakes({pagerduty: true, slack: true})
let pagerduty: FakePagerDutyEvents
let slack: FakeSlack
let dir: string
beforeEach(() => {
  ;({pagerduty, slack, dir} = fakes)
})

function webhookConfig() {
  return loadIntegrationConfig({PAGERDUTY_ROUTING_KEY: SECRETS.routingKey, PAGERDUTY_EVENTS_URL: pagerduty.url, SLACK_WEBHOOK_URL: slack.webhookUrl})
}

const EXPECTED_BLOCKS_P0 = [
  {type: 'header', text: {type: 'plain_text', text: ':rotating_light: P0: Checkout API returning 500s', emoji: true}},
  {
    type: 'section',
    fields: [
      {type: 'mrkdwn', text: '*Severity*\nP0 (Critical)'},
      {type: 'mrkdwn', text: '*Status*\nInvestigating'},
      {type: 'mrkdwn', text: '*Service*\ncheckout-api'},
      {type: 'mrkdwn', text: `*Incident*\n${INCIDENT_ID}`},
    ],
  },
  {type: 'section', text: {type: 'mrkdwn', text: '*Impact*\n38% of checkout requests fail with HTTP 500 since 14:02 UTC'}},
  {type: 'section', text: {type: 'mrkdwn', text: '*Suspected cause*\nMigration 0042 made orders.currency NOT NULL'}},
  {type: 'context', elements: [{type: 'mrkdwn', text: '*Next update:* in 30 minutes (14:45 UTC)'}]},
]

describe('escalateIncident', () => {
  it('P0: pages PagerDuty with the exact trigger event and posts the Slack message', async () => {
    const result = await escalateIncident({dir, incident: makeIncident('P0'), triage: TRIAGE, config: webhookConfig(), deps: testDeps(), mode: 'send'})
    expect(result).toEqual({delivered: 2, pending: 0, failed: [], dryRun: [], skipped: [], jiraKeys: {}, deferred: [], blocked: [], unconfirmed: [], notices: [], pageUndelivered: null})
    expect(pagerduty.events).toEqual([
      {
        routing_key: SECRETS.routingKey,
        event_action: 'trigger',
        dedup_key: INCIDENT_ID,
        payload: {
          summary: '[P0] Checkout API returning 500s: 38% of checkout requests fail with HTTP 500 since 14:02 UTC',
          source: 'checkout-api',
          severity: 'critical',
          timestamp: '2026-11-30T14:01:30.000Z',
          component: 'checkout-api',
          class: 'high-error-rate',
          custom_details: {
            incident_id: INCIDENT_ID,
            severity: 'P0',
            symptoms: ['high-error-rate', 'database-issues'],
            impact: TRIAGE.impactSummary,
            suspected_cause: TRIAGE.suspectedCause,
            next_update: TRIAGE.nextUpdate,
          },
        },
        client: 'incident-response',
      },
    ])
    expect(slack.posts).toEqual([
      {
        channel: null,
        threadTs: null,
        ts: null,
        metadata: null,
        text: '<!channel> P0 incident declared: Checkout API returning 500s. Impact: 38% of checkout requests fail with HTTP 500 since 14:02 UTC',
        blocks: EXPECTED_BLOCKS_P0,
      },
    ])
  })

  it('P1: a Slack alert to who is here, no page', async () => {
    const result = await escalateIncident({dir, incident: makeIncident('P1'), triage: TRIAGE, config: webhookConfig(), deps: testDeps(), mode: 'send'})
    expect(result.delivered).toBe(1)
    expect(pagerduty.requests).toHaveLength(0)
    expect(slack.posts[0].text).toBe('<!here> P1 incident declared: Checkout API returning 500s. Impact: 38% of checkout requests fail with HTTP 500 since 14:02 UTC')
    expect(slack.posts[0].blocks[0]).toEqual({type: 'header', text: {type: 'plain_text', text: ':warning: P1: Checkout API returning 500s', emoji: true}})
    expect(slack.posts[0].blocks[1]).toMatchObject({fields: [{text: '*Severity*\nP1 (High)'}, {}, {}, {}]})
  })

  it('P2: a plain Slack message without mentions; an unknown cause says so', async () => {
    await escalateIncident({dir, incident: makeIncident('P2'), triage: {...TRIAGE, suspectedCause: null}, config: webhookConfig(), deps: testDeps(), mode: 'send'})
    expect(pagerduty.requests).toHaveLength(0)
    expect(slack.posts[0].text).toBe('P2 incident: Checkout API returning 500s. Impact: 38% of checkout requests fail with HTTP 500 since 14:02 UTC')
    expect(slack.posts[0].blocks[0]).toMatchObject({text: {text: ':information_source: P2: Checkout API returning 500s'}})
    expect(slack.posts[0].blocks[3]).toEqual({type: 'section', text: {type: 'mrkdwn', text: '*Suspected cause*\nNot known yet; investigating.'}})
  })

  it('redacts evidence text and escapes Slack control characters', async () => {
    const triage = {...TRIAGE, impactSummary: 'login fails for <!channel> & password=hunter2 users'}
    await escalateIncident({dir, incident: makeIncident('P2'), triage, config: webhookConfig(), deps: testDeps(), mode: 'send'})
    expect(slack.posts[0].blocks[2]).toEqual({type: 'section', text: {type: 'mrkdwn', text: '*Impact*\nlogin fails for &lt;!channel&gt; &amp; password=[REDACTED:password] users'}})
  })

  it('escapes before it clips: a long text of control characters is cut between entities, never inside one', async () => {
    const triage = {...TRIAGE, impactSummary: `${'a'.repeat(2850)}${'<b> & '.repeat(40)}`}
    await escalateIncident({dir, incident: makeIncident('P2'), triage, config: webhookConfig(), deps: testDeps(), mode: 'send'})
    const [post] = slack.posts
    const impact = (post.blocks[2] as {text: {text: string}}).text.text
    for (const text of [post.text, impact]) {
      expect(text.replace(/&(amp|lt|gt);/g, '')).not.toMatch(/[&<>]/)
      expect(text.endsWith('…')).toBe(true)
    }
    expect(impact.length).toBeLessThanOrEqual(2900)
    expect(post.text.length).toBeLessThanOrEqual(3000)
  })

  it('keeps the PagerDuty summary within 1024 characters', async () => {
    const triage = {...TRIAGE, impactSummary: 'x'.repeat(5000)}
    await escalateIncident({dir, incident: makeIncident('P0', {title: 'y'.repeat(400)}), triage, config: webhookConfig(), deps: testDeps(), mode: 'send'})
    expect(pagerduty.events[0].payload?.summary.length).toBe(1024)
    expect(slack.posts).toHaveLength(1)
  })

  it('is idempotent: escalating again (a resumed triage) sends nothing new', async () => {
    const args = {dir, incident: makeIncident('P0'), triage: TRIAGE, config: webhookConfig(), deps: testDeps(), mode: 'send'} as const
    await escalateIncident(args)
    const again = await escalateIncident(args)
    expect(again).toMatchObject({delivered: 0, pending: 0, failed: []})
    expect(pagerduty.events).toHaveLength(1)
    expect(slack.posts).toHaveLength(1)
  })

  it('reports a P0 without PagerDuty settings as skipped and still posts to Slack', async () => {
    const config = loadIntegrationConfig({SLACK_WEBHOOK_URL: slack.webhookUrl})
    const result = await escalateIncident({dir, incident: makeIncident('P0'), triage: TRIAGE, config, deps: testDeps(), mode: 'send'})
    expect(result.skipped).toEqual([{channel: 'pagerduty-event', reason: 'PagerDuty is not configured (set PAGERDUTY_ROUTING_KEY)'}])
    expect(result.delivered).toBe(1)
  })

  it('dry-run: describes the requests with secrets masked, sends and writes nothing', async () => {
    const result = await escalateIncident({dir, incident: makeIncident('P0'), triage: TRIAGE, config: webhookConfig(), deps: testDeps(), mode: 'dry-run'})
    expect(pagerduty.requests).toHaveLength(0)
    expect(slack.requests).toHaveLength(0)
    await expect(access(join(dir, 'outbox.jsonl'))).rejects.toThrow()
    expect(result.delivered).toBe(0)
    expect(result.dryRun.map((planned) => [planned.channel, planned.request.method, planned.request.url])).toEqual([
      ['pagerduty-event', 'POST', `${pagerduty.url}/v2/enqueue`],
      ['slack', 'POST', `${slack.url}***`],
    ])
    expect(result.dryRun[0].request.json).toMatchObject({routing_key: '***', event_action: 'trigger', dedup_key: INCIDENT_ID})
    expectNoSecrets(JSON.stringify(result))
  })

  it('dry-run with the bot masks the token header', async () => {
    const config = loadIntegrationConfig({SLACK_BOT_TOKEN: SECRETS.botToken, SLACK_CHANNEL: '#incidents', SLACK_API_URL: slack.apiUrl})
    const result = await escalateIncident({dir, incident: makeIncident('P1'), triage: TRIAGE, config, deps: testDeps(), mode: 'dry-run'})
    expect(result.dryRun).toHaveLength(1)
    expect(result.dryRun[0].request.headers.authorization).toBe('***')
    expect(result.dryRun[0].request.json).toMatchObject({channel: '#incidents'})
    expectNoSecrets(JSON.stringify(result))
  })

  it('off (--no-notify): does nothing at all', async () => {
    const result = await escalateIncident({dir, incident: makeIncident('P0'), triage: TRIAGE, config: webhookConfig(), deps: testDeps(), mode: 'off'})
    expect(result).toEqual({delivered: 0, pending: 0, failed: [], dryRun: [], skipped: [], jiraKeys: {}, deferred: [], blocked: [], unconfirmed: [], notices: [], pageUndelivered: null})
    expect(pagerduty.requests.length + slack.requests.length).toBe(0)
    expect(await readAllFiles(dir)).toBe('')
  })
})
