import {appendFile, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'

import {LockedError} from '../../src/errors/errors.js'
import {withIncidentLock} from '../../src/incident/lock.js'
import {loadIntegrationConfig} from '../../src/integrations/config.js'
import {underHeldLock} from '../../src/integrations/integration-types.js'
import {escalateIncident, notifyResolved, syncOutbox} from '../../src/integrations/notify.js'
import {OUTBOX_FILE, readOutbox} from '../../src/integrations/outbox.js'
import {json} from './fakes/fake-server.js'
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

function botConfig(channel = slack.channelId) {
  return loadIntegrationConfig({
    PAGERDUTY_ROUTING_KEY: SECRETS.routingKey,
    PAGERDUTY_EVENTS_URL: pagerduty.url,
    SLACK_BOT_TOKEN: SECRETS.botToken,
    SLACK_CHANNEL: channel,
    SLACK_API_URL: slack.apiUrl,
  })
}

describe('outbox delivery', () => {
  it('keeps a failed page, backs off across runs as PagerDuty asks, and a later sync delivers it exactly once', async () => {
    pagerduty.script(json(500, {status: 'error'}), json(500, {status: 'error'}), json(500, {status: 'error'}))
    const deps = testDeps()
    const first = await escalateIncident({dir, incident: makeIncident('P0'), triage: TRIAGE, config: botConfig(), deps, mode: 'send'})
    expect(first).toMatchObject({
      delivered: 1,
      pending: 1,
      failed: [{channel: 'pagerduty-event', error: 'PagerDuty: 500 error'}],
      deferred: [{id: 'pagerduty-event:trigger', channel: 'pagerduty-event', until: '2026-11-30T14:10:34.000Z', reason: 'PagerDuty: 500 error'}],
      pageUndelivered: {reason: 'PagerDuty: 500 error', nextAttemptAt: '2026-11-30T14:10:34.000Z', retry: `incident-response sync --id ${INCIDENT_ID} --wait`},
    })
    expect(pagerduty.requests).toHaveLength(3) // three tries in the run, 1 s and 3 s apart
    expect(deps.sleeps).toEqual([1000, 3000])
    const stored = await readOutbox(dir)
    expect(stored.map((entry) => [entry.id, entry.status, entry.attempts, entry.lastError, entry.nextAttemptAt])).toEqual([
      ['pagerduty-event:trigger', 'failed', 3, 'PagerDuty: 500 error', '2026-11-30T14:10:34.000Z'],
      ['slack:declared', 'sent', 1, null, null],
    ])

    const early = await syncOutbox({dir, config: botConfig(), deps})
    expect(early).toMatchObject({delivered: 0, pending: 1, failed: [], deferred: [{id: 'pagerduty-event:trigger'}]})
    expect(pagerduty.requests).toHaveLength(3)

    deps.advance(30_000)
    const sync = await syncOutbox({dir, config: botConfig(), deps})
    expect(sync).toMatchObject({delivered: 1, pending: 0, failed: [], deferred: [], pageUndelivered: null})
    expect(pagerduty.alerts).toHaveLength(1)
    expect(slack.posts).toHaveLength(1)

    const again = await syncOutbox({dir, config: botConfig(), deps})
    expect(again).toMatchObject({delivered: 0, pending: 0, failed: []})
    expect(pagerduty.requests).toHaveLength(4)
    expect(slack.requests).toHaveLength(1)
  })

  it('is append-only, records each attempt before it is made, and never resends a refused page until told to', async () => {
    pagerduty.script(json(400, {status: 'invalid event', message: 'Event object is invalid'}))
    const deps = testDeps()
    await escalateIncident({dir, incident: makeIncident('P0'), triage: TRIAGE, config: botConfig(), deps, mode: 'send'})
    const blocked = await syncOutbox({dir, config: botConfig(), deps})
    expect(blocked).toMatchObject({delivered: 0, pending: 1, blocked: [{id: 'pagerduty-event:trigger', channel: 'pagerduty-event', error: 'PagerDuty: 400 Event object is invalid'}]})
    expect(pagerduty.requests).toHaveLength(1)
    expect(await syncOutbox({dir, config: botConfig(), deps, resend: ['pagerduty-event:trigger']})).toMatchObject({delivered: 1, pending: 0, blocked: []})
    const lines = (await readFile(join(dir, OUTBOX_FILE), 'utf8')).trim().split('\n').map((line) => JSON.parse(line))
    expect(lines.map((line) => [line.id, line.status, line.attempts, line.unconfirmedSince !== null, line.blockedBy?.setting ?? null])).toEqual([
      ['pagerduty-event:trigger', 'pending', 0, false, null],
      ['slack:declared', 'pending', 0, false, null],
      ['pagerduty-event:trigger', 'pending', 1, true, null], // the attempt, written before the request
      ['pagerduty-event:trigger', 'failed', 1, false, 'PAGERDUTY_ROUTING_KEY or PAGERDUTY_EVENTS_URL'],
      ['slack:declared', 'pending', 1, true, null],
      ['slack:declared', 'sent', 1, false, null],
      ['pagerduty-event:trigger', 'failed', 1, false, null], // --resend
      ['pagerduty-event:trigger', 'failed', 2, true, null],
      ['pagerduty-event:trigger', 'sent', 2, false, null],
    ])
    expect(lines[0]).toMatchObject({schemaVersion: 1, key: INCIDENT_ID, channel: 'pagerduty-event', sentAt: null, result: null})
    expect(lines.at(-1)).toMatchObject({sentAt: '2026-11-30T14:10:00.000Z', result: {dedupKey: INCIDENT_ID, routingKeyFingerprint: expect.stringMatching(/^[0-9a-f]{16}$/)}, lastError: null})
    expect(JSON.stringify(lines)).not.toContain(SECRETS.routingKey)
  })

  it('skips a torn last line and unknown lines when reading', async () => {
    await escalateIncident({dir, incident: makeIncident('P2'), triage: TRIAGE, config: botConfig(), deps: testDeps(), mode: 'send'})
    await appendFile(join(dir, OUTBOX_FILE), '{"schemaVersion":1,"id":"slack:declared","status":"pen')
    const entries = await readOutbox(dir)
    expect(entries).toHaveLength(1)
    expect(entries[0].status).toBe('sent')
  })

  it('two concurrent syncs send a pending message once (the incident lock serialises them)', async () => {
    const rollup = {kind: 'reply', reply: {status: 500, body: 'rollup_error'}} as const
    slack.inject({method: 'POST'}, rollup, rollup, rollup)
    const deps = testDeps()
    await escalateIncident({dir, incident: makeIncident('P1'), triage: TRIAGE, config: botConfig(), deps, mode: 'send'})
    deps.advance(60_000)
    const results = await Promise.all([syncOutbox({dir, config: botConfig(), deps}), syncOutbox({dir, config: botConfig(), deps})])
    expect(results.map((result) => result.delivered).sort()).toEqual([0, 1])
    expect(slack.posts).toHaveLength(1)
  })

  it('reports a held lock as a failure instead of throwing', async () => {
    const busy = {withLock: async () => Promise.reject(new LockedError('Incident is locked by another process.'))}
    const result = await syncOutbox({dir, config: botConfig(), deps: testDeps(busy)})
    expect(result.failed).toEqual([{channel: 'outbox', error: 'Incident is locked by another process.'}])
  })

  it('runs inside a lock the caller already holds when given underHeldLock', async () => {
    const result = await withIncidentLock(dir, () =>
      escalateIncident({dir, incident: makeIncident('P2'), triage: TRIAGE, config: botConfig(), deps: testDeps({withLock: underHeldLock}), mode: 'send'}),
    )
    expect(result).toMatchObject({delivered: 1, failed: []})
  })

  it('reads an absent outbox as empty', async () => {
    expect(await readOutbox(dir)).toEqual([])
  })

  it('leaves entries pending (not failed) while their channel is not configured, then sends them', async () => {
    const noSlack = loadIntegrationConfig({})
    const queued = await escalateIncident({dir, incident: makeIncident('P1'), triage: TRIAGE, config: botConfig('#wrong'), deps: testDeps(), mode: 'send'})
    expect(queued.failed).toEqual([{channel: 'slack', error: 'Slack: channel_not_found — check SLACK_CHANNEL'}])
    const withoutSlack = await syncOutbox({dir, config: noSlack, deps: testDeps()})
    expect(withoutSlack).toMatchObject({delivered: 0, pending: 1, failed: []})
    expect(withoutSlack.skipped[0].channel).toBe('slack')
    expect(await syncOutbox({dir, config: botConfig(), deps: testDeps()})).toMatchObject({delivered: 1, pending: 0})
  })
})

describe('Slack threading and resolution', () => {
  it('threads the resolution under the first message and resolves the page with the same dedup key', async () => {
    const incident = makeIncident('P0')
    await escalateIncident({dir, incident, triage: TRIAGE, config: botConfig(), deps: testDeps(), mode: 'send'})
    const resolved = {...incident, status: 'resolved' as const, timestamps: {...incident.timestamps, resolvedAt: '2026-11-30T15:32:00.000Z'}}
    const result = await notifyResolved({dir, incident: resolved, summary: 'Rolled back migration 0042; error rate back to 0.1%.', config: botConfig(), deps: testDeps(), mode: 'send'})
    expect(result).toMatchObject({delivered: 2, pending: 0, failed: []})
    expect(pagerduty.events.map((event) => [event.event_action, event.dedup_key, event.routing_key])).toEqual([
      ['trigger', INCIDENT_ID, SECRETS.routingKey],
      ['resolve', INCIDENT_ID, SECRETS.routingKey],
    ])
    const [declared, resolution] = slack.posts
    expect(declared.threadTs).toBeNull()
    expect(resolution.threadTs).toBe(declared.ts)
    expect(resolution.text).toBe('Resolved: Checkout API returning 500s (P0). Rolled back migration 0042; error rate back to 0.1%.')
    expect(resolution.blocks).toEqual([
      {type: 'header', text: {type: 'plain_text', text: ':white_check_mark: Resolved: Checkout API returning 500s', emoji: true}},
      {
        type: 'section',
        fields: [
          {type: 'mrkdwn', text: '*Severity*\nP0'},
          {type: 'mrkdwn', text: '*Status*\nResolved'},
          {type: 'mrkdwn', text: `*Incident*\n${INCIDENT_ID}`},
          {type: 'mrkdwn', text: '*Duration*\n1 h 32 min'}, // onset 14:00 → resolved 15:32
        ],
      },
      {type: 'section', text: {type: 'mrkdwn', text: '*Summary*\nRolled back migration 0042; error rate back to 0.1%.'}},
    ])
    const stored = await readOutbox(dir)
    expect(stored.find((entry) => entry.id === 'slack:resolved')?.result).toEqual({ts: resolution.ts, channel: slack.channelId, threadTs: declared.ts})
  })

  it('says how long the impact lasted from the onset, with the one duration function, not since the tool ran', async () => {
    // Declared (and this tool run) at 15:31, two minutes before the resolution; the onset was 14:00.
    const incident = makeIncident('P1', {createdAt: '2026-11-30T15:31:00.000Z'})
    const resolved = {...incident, status: 'resolved' as const, timestamps: {...incident.timestamps, resolvedAt: '2026-11-30T15:33:00.000Z'}}
    await notifyResolved({dir, incident: resolved, summary: 'Fixed.', config: botConfig(), deps: testDeps(), mode: 'send'})
    expect(slack.posts[0].blocks[1]).toMatchObject({fields: [{}, {}, {}, {type: 'mrkdwn', text: '*Duration*\n1 h 33 min'}]})
  })

  it('threads under the stored first ts even when the resolution is sent by a later sync', async () => {
    const incident = makeIncident('P1')
    const deps = testDeps()
    await escalateIncident({dir, incident, triage: TRIAGE, config: botConfig(), deps, mode: 'send'})
    const down = {kind: 'reply', reply: {status: 503, body: 'down'}} as const
    slack.inject({method: 'POST'}, down, down, down)
    const failed = await notifyResolved({dir, incident, summary: 'Fixed.', config: botConfig(), deps, mode: 'send'})
    expect(failed.failed).toEqual([{channel: 'slack', error: 'Slack: 503 down'}])
    expect(failed.deferred).toEqual([{id: 'slack:resolved', channel: 'slack', until: '2026-11-30T14:10:34.000Z', reason: 'Slack: 503 down'}])
    // each 503 may have posted it: the replies under the first message were searched before every resend
    expect(slack.requests.filter((request) => request.path.startsWith('/api/conversations.replies'))).toHaveLength(2)
    deps.advance(30_000)
    await syncOutbox({dir, config: botConfig(), deps})
    expect(slack.posts).toHaveLength(2)
    expect(slack.posts[1].threadTs).toBe(slack.posts[0].ts)
  })

  it('dry-run of the resolution shows the PagerDuty resolve only when the page went out', async () => {
    const incident = makeIncident('P0')
    const before = await notifyResolved({dir, incident, summary: 'Fixed.', config: botConfig(), deps: testDeps(), mode: 'dry-run'})
    expect(before.dryRun.map((planned) => planned.channel)).toEqual(['slack'])
    await escalateIncident({dir, incident, triage: TRIAGE, config: botConfig(), deps: testDeps(), mode: 'send'})
    const after = await notifyResolved({dir, incident, summary: 'Fixed.', config: botConfig(), deps: testDeps(), mode: 'dry-run'})
    expect(after.dryRun.map((planned) => [planned.channel, planned.request.json])).toEqual([
      ['pagerduty-event', {routing_key: '***', event_action: 'resolve', dedup_key: INCIDENT_ID}],
      ['slack', expect.objectContaining({channel: slack.channelId, thread_ts: slack.posts[0].ts})],
    ])
    expect(pagerduty.events).toHaveLength(1)
  })

  it('cancels a page that never went out instead of paging for a resolved incident', async () => {
    pagerduty.script(json(400, {status: 'invalid event', message: 'Event object is invalid', errors: ['Invalid routing key']}))
    const incident = makeIncident('P0')
    const first = await escalateIncident({dir, incident, triage: TRIAGE, config: botConfig(), deps: testDeps(), mode: 'send'})
    expect(first.failed).toEqual([{channel: 'pagerduty-event', error: 'PagerDuty: 400 Invalid routing key — check PAGERDUTY_ROUTING_KEY'}])
    const result = await notifyResolved({dir, incident, summary: 'Fixed.', config: botConfig(), deps: testDeps(), mode: 'send'})
    expect(result).toMatchObject({delivered: 1, pending: 0, failed: []})
    expect(pagerduty.events).toHaveLength(0)
    expect((await readOutbox(dir)).find((entry) => entry.id === 'pagerduty-event:trigger')?.status).toBe('cancelled')
  })

  it('reports Slack auth failures naming the token, and the incident folder never holds a secret', async () => {
    const config = loadIntegrationConfig({SLACK_BOT_TOKEN: 'xoxb-wrong-token-value', SLACK_CHANNEL: '#incidents', SLACK_API_URL: slack.apiUrl})
    const result = await escalateIncident({dir, incident: makeIncident('P1'), triage: TRIAGE, config, deps: testDeps(), mode: 'send'})
    expect(result.failed).toEqual([{channel: 'slack', error: 'Slack: invalid_auth — check SLACK_BOT_TOKEN'}])
    await escalateIncident({dir, incident: makeIncident('P0'), triage: TRIAGE, config: botConfig(), deps: testDeps(), mode: 'send'})
    expectNoSecrets(await readAllFiles(dir))
  })

  it('webhook 404 names the webhook URL setting', async () => {
    const config = loadIntegrationConfig({SLACK_WEBHOOK_URL: `${slack.url}/services/T000/B000/gone`})
    const result = await escalateIncident({dir, incident: makeIncident('P2'), triage: TRIAGE, config, deps: testDeps(), mode: 'send'})
    expect(result.failed).toEqual([{channel: 'slack', error: 'Slack: 404 no_service — check SLACK_WEBHOOK_URL'}])
  })
})
