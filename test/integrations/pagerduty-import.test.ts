import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {IntegrationError} from '../../src/errors/errors.js'
import {TimelineEventSchema} from '../../src/incident/timeline-event.js'
import {loadIntegrationConfig} from '../../src/integrations/config.js'
import {notePagerDutyIncident} from '../../src/integrations/notify.js'
import {importPagerDutyIncident} from '../../src/integrations/pagerduty/pagerduty-import.js'
import {type FakePagerDutyApi, startFakePagerDutyApi} from './fakes/fake-pagerduty.js'
import {expectNoSecrets, makeTempDir, readAllFiles, SECRETS, testDeps} from './fixtures.js'

const RESPONDER = 'Dana Whitfield'

const INCIDENT = {
  id: 'PT4KHLK',
  incident_number: 1234,
  title: 'checkout-api: 5xx rate above 20%',
  status: 'resolved',
  urgency: 'high',
  created_at: '2026-11-30T14:02:05Z',
  html_url: 'https://acme.pagerduty.com/incidents/PT4KHLK',
  service: {id: 'PSVC1', type: 'service_reference', summary: 'checkout-api'},
  assignments: [{at: '2026-11-30T14:02:05Z', assignee: {id: 'PUSER1', type: 'user_reference', summary: RESPONDER}}],
}

/** 7 entries, served 3 per page: the import must follow `more` across three pages. */
const LOG_ENTRIES = [
  {id: 'L1', type: 'trigger_log_entry', created_at: '2026-11-30T14:02:05Z', summary: 'Triggered through the API', agent: {type: 'service_reference', summary: 'checkout-api'}},
  {id: 'L2', type: 'notify_log_entry', created_at: '2026-11-30T14:02:06Z', summary: `Notified ${RESPONDER} by phone`, agent: null},
  {id: 'L3', type: 'acknowledge_log_entry', created_at: '2026-11-30T14:06:40Z', summary: `Acknowledged by ${RESPONDER}`, agent: {type: 'user_reference', summary: RESPONDER}},
  {id: 'L4', type: 'annotate_log_entry', created_at: '2026-11-30T14:20:00Z', summary: `Note added by ${RESPONDER}`, agent: {type: 'user_reference', summary: RESPONDER}},
  {id: 'L5', type: 'acknowledge_log_entry', created_at: '2026-11-30T14:40:00Z', summary: 'Acknowledged again', agent: {type: 'user_reference', summary: 'Sam Lee'}},
  {id: 'L6', type: 'resolve_log_entry', created_at: '2026-11-30T15:10:00Z', summary: 'Resolved', agent: {type: 'user_reference', summary: RESPONDER}},
  {id: 'L7', type: 'resolve_log_entry', created_at: '2026-11-30T15:31:00Z', summary: 'Resolved', agent: {type: 'user_reference', summary: RESPONDER}},
]

let api: FakePagerDutyApi
beforeEach(async () => {
  api = await startFakePagerDutyApi({token: SECRETS.pagerDutyToken, incident: INCIDENT, logEntries: LOG_ENTRIES, pageSize: 3})
})
afterEach(async () => {
  await api.close()
})

function config(overrides: Record<string, string> = {}) {
  return loadIntegrationConfig({PAGERDUTY_API_TOKEN: SECRETS.pagerDutyToken, PAGERDUTY_FROM: 'oncall@example.com', PAGERDUTY_API_URL: api.url, ...overrides})
}

describe('importPagerDutyIncident', () => {
  it('pages through the log entries into detection/acknowledged/resolved events without naming anyone', async () => {
    const imported = await importPagerDutyIncident('PT4KHLK', {config: config(), deps: testDeps()})
    expect(api.requests.map((request) => request.path)).toEqual([
      '/incidents/PT4KHLK',
      '/incidents/PT4KHLK/log_entries?limit=100&offset=0&is_overview=false',
      '/incidents/PT4KHLK/log_entries?limit=100&offset=3&is_overview=false',
      '/incidents/PT4KHLK/log_entries?limit=100&offset=6&is_overview=false',
    ])
    expect(imported.events).toEqual([
      {at: '2026-11-30T14:02:05.000Z', kind: 'detection', text: 'PagerDuty incident #1234 triggered: checkout-api: 5xx rate above 20%', source: 'pagerduty'},
      {at: '2026-11-30T14:06:40.000Z', kind: 'acknowledged', text: 'PagerDuty incident #1234 acknowledged by the on-call responder', source: 'pagerduty'},
      {at: '2026-11-30T15:31:00.000Z', kind: 'resolved', text: 'PagerDuty incident #1234 resolved in PagerDuty', source: 'pagerduty'},
    ])
    for (const event of imported.events) expect(TimelineEventSchema.safeParse(event).success).toBe(true)
    expect(imported.timestamps).toEqual({detectedAt: '2026-11-30T14:02:05.000Z', acknowledgedAt: '2026-11-30T14:06:40.000Z', resolvedAt: '2026-11-30T15:31:00.000Z'})
    expect(imported.responders.sort()).toEqual([RESPONDER, 'Sam Lee'].sort())
    expect(JSON.stringify(imported.events)).not.toContain('Dana')
    expect(imported.pagerDutyIncident).toEqual({id: 'PT4KHLK', number: 1234, title: 'checkout-api: 5xx rate above 20%', status: 'resolved', urgency: 'high', htmlUrl: INCIDENT.html_url})
    expect(api.requests.length).toBeGreaterThan(0)
    for (const request of api.requests) {
      expect(request.headers.authorization).toBe(`Token token=${SECRETS.pagerDutyToken}`)
      expect(request.headers.accept).toBe('application/vnd.pagerduty+json;version=2')
    }
  })

  it('names the token setting on 401 and the incident id on 404, without the token', async () => {
    const unauthorized = await importPagerDutyIncident('PT4KHLK', {config: config({PAGERDUTY_API_TOKEN: 'wrong'}), deps: testDeps()}).catch((error: unknown) => error)
    expect(unauthorized).toBeInstanceOf(IntegrationError)
    expect((unauthorized as Error).message).toBe('PagerDuty: 401 Unauthorized — check PAGERDUTY_API_TOKEN')
    const missing = await importPagerDutyIncident('PNOPE', {config: config(), deps: testDeps()}).catch((error: unknown) => error)
    expect((missing as Error).message).toBe('PagerDuty: 404 Not Found — check the PagerDuty incident id (or PAGERDUTY_API_URL)')
  })

  it('refuses an id that could change the request path', async () => {
    await expect(importPagerDutyIncident('../users', {config: config(), deps: testDeps()})).rejects.toThrow('not a PagerDuty incident id')
    expect(api.requests).toHaveLength(0)
  })
})

describe('PagerDuty notes', () => {
  it('posts a note with the From header, through the outbox', async () => {
    const {dir, cleanup} = await makeTempDir()
    try {
      const posted = await notePagerDutyIncident({dir, pagerDutyIncidentId: 'PT4KHLK', content: 'RCA: migration 0042 made orders.currency NOT NULL.', config: config(), deps: testDeps(), mode: 'send'})
      expect(posted).toMatchObject({delivered: 1, pending: 0, failed: []})
      expect(api.notes).toEqual([{incidentId: 'PT4KHLK', content: 'RCA: migration 0042 made orders.currency NOT NULL.', from: 'oncall@example.com'}])
      expect(api.requests[0].json).toEqual({note: {content: 'RCA: migration 0042 made orders.currency NOT NULL.'}})
    } finally {
      await cleanup()
    }
  })

  it('through the outbox: once only, and not queued without PAGERDUTY_FROM', async () => {
    const {dir, cleanup} = await makeTempDir()
    try {
      const withoutFrom = await notePagerDutyIncident({dir, pagerDutyIncidentId: 'PT4KHLK', content: 'RCA summary', config: config({PAGERDUTY_FROM: ''}), deps: testDeps(), mode: 'send'})
      expect(withoutFrom).toMatchObject({delivered: 0, pending: 0, skipped: [{channel: 'pagerduty-note', reason: 'posting PagerDuty notes needs PAGERDUTY_FROM'}]})
      const sent = await notePagerDutyIncident({dir, pagerDutyIncidentId: 'PT4KHLK', content: 'RCA summary', config: config(), deps: testDeps(), mode: 'send'})
      expect(sent).toMatchObject({delivered: 1, pending: 0, failed: []})
      await notePagerDutyIncident({dir, pagerDutyIncidentId: 'PT4KHLK', content: 'RCA summary', config: config(), deps: testDeps(), mode: 'send'})
      expect(api.notes).toHaveLength(1)
      expectNoSecrets(await readAllFiles(dir))
    } finally {
      await cleanup()
    }
  })
})
