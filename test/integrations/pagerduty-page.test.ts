import {beforeEach, describe, expect, it} from 'vitest'

import {loadIntegrationConfig} from '../../src/integrations/config.js'
import {escalateIncident, notifyResolved, syncOutbox} from '../../src/integrations/notify.js'
import {readOutbox} from '../../src/integrations/outbox.js'
import {startFakePagerDutyEvents, type FakePagerDutyEvents, type FakePagerDutyApi} from './fakes/fake-pagerduty.js'
import {expectNoSecrets, INCIDENT_ID, makeIncident, PAGERDUTY_INCIDENT, readAllFiles, SECRETS, testDeps, TRIAGE, useVendorFakes} from './fixtures.js'

const fakes = useVendorFakes({pagerdutyApi: true})
let api: FakePagerDutyApi
let dir: string
let pagerduty: FakePagerDutyEvents
const ROTATED_KEY = 'ROTATEDkey000000000000000000c3d4'
beforeEach(async () => {
  ;({pagerdutyApi: api, dir} = fakes)
  // Both keys are valid integration keys: a resolve with the wrong one is accepted (202) and dropped.
  pagerduty = await startFakePagerDutyEvents([SECRETS.routingKey, ROTATED_KEY])
  return () => pagerduty.close()
})

const config = (routingKey = SECRETS.routingKey, extra: Record<string, string> = {}) =>
  loadIntegrationConfig({PAGERDUTY_ROUTING_KEY: routingKey, PAGERDUTY_EVENTS_URL: pagerduty.url, ...extra})
const resolved = (incident = makeIncident('P0')) => ({...incident, status: 'resolved' as const, timestamps: {...incident.timestamps, resolvedAt: '2026-11-30T15:32:00.000Z'}})

describe('the page and its resolve', () => {
  it('holds back a resolve when today\'s routing key is not the one the page used, and sends it once the key is back', async () => {
    const deps = testDeps()
    await escalateIncident({dir, incident: makeIncident('P0'), triage: TRIAGE, config: config(), deps, mode: 'send'})
    const held = await notifyResolved({dir, incident: resolved(), summary: 'Fixed.', config: config(ROTATED_KEY), deps, mode: 'send'})
    expect(held.blocked).toEqual([
      {
        id: 'pagerduty-event:resolve',
        channel: 'pagerduty-event',
        error: expect.stringMatching(
          /^PagerDuty: PAGERDUTY_ROUTING_KEY is not the key the page was sent with \(fingerprint [0-9a-f]{16}, now [0-9a-f]{16}\); PagerDuty would accept this resolve and drop it\. Set the key the page used and run `incident-response sync`, or resolve the alert in PagerDuty — check PAGERDUTY_ROUTING_KEY$/,
        ),
      },
    ])
    expect(pagerduty.events.map((event) => event.event_action)).toEqual(['trigger'])
    expect(await syncOutbox({dir, config: config(ROTATED_KEY), deps})).toMatchObject({delivered: 0, pending: 1})

    expect(await syncOutbox({dir, config: config(), deps})).toMatchObject({delivered: 1, pending: 0, blocked: []})
    expect(pagerduty.alerts).toEqual([expect.objectContaining({routingKey: SECRETS.routingKey, dedupKey: INCIDENT_ID, status: 'resolved'})])
    expect(pagerduty.dropped).toEqual([])
    const files = await readAllFiles(dir)
    expectNoSecrets(files)
    expect(files).not.toContain(ROTATED_KEY)
  })

  it('resolves with the dedup key PagerDuty answered the trigger with', async () => {
    const deps = testDeps()
    await escalateIncident({dir, incident: makeIncident('P0'), triage: TRIAGE, config: config(), deps, mode: 'send'})
    const trigger = (await readOutbox(dir)).find((entry) => entry.id === 'pagerduty-event:trigger')
    expect(trigger?.result).toEqual({dedupKey: INCIDENT_ID, routingKeyFingerprint: expect.stringMatching(/^[0-9a-f]{16}$/)})
    await notifyResolved({dir, incident: resolved(), summary: 'Fixed.', config: config(), deps, mode: 'send'})
    expect(pagerduty.events.map((event) => [event.event_action, event.dedup_key])).toEqual([
      ['trigger', INCIDENT_ID],
      ['resolve', INCIDENT_ID],
    ])
  })

  it('a page that may have arrived (a timeout) is cancelled and resolved when the incident is resolved first', async () => {
    const deps = testDeps({timeoutMs: 1000})
    const lost = {kind: 'act-then-hang'} as const
    pagerduty.inject({method: 'POST', path: '/v2/enqueue'}, lost, lost, lost)
    const first = await escalateIncident({dir, incident: makeIncident('P0'), triage: TRIAGE, config: config(), deps, mode: 'send'})
    expect(first.pageUndelivered).toMatchObject({reason: 'PagerDuty: no answer within 1000 ms'})
    expect(pagerduty.alerts).toHaveLength(1) // PagerDuty got it, we never heard
    await notifyResolved({dir, incident: resolved(), summary: 'Fixed.', config: config(), deps, mode: 'send'})
    expect(pagerduty.alerts).toEqual([expect.objectContaining({status: 'resolved'})])
    expect((await readOutbox(dir)).map((entry) => [entry.id, entry.status])).toEqual([
      ['pagerduty-event:trigger', 'cancelled'],
      ['pagerduty-event:resolve', 'sent'],
    ])
  })
})

describe('an incident imported from PagerDuty (--pagerduty-incident)', () => {
  const imported = makeIncident('P0', {pagerDutyIncidentId: PAGERDUTY_INCIDENT.id})
  const withApi = () => config(SECRETS.routingKey, {PAGERDUTY_API_TOKEN: SECRETS.pagerDutyToken, PAGERDUTY_API_URL: api.url})

  it('is not paged again, and says so', async () => {
    const result = await escalateIncident({dir, incident: imported, triage: TRIAGE, config: withApi(), deps: testDeps(), mode: 'send'})
    expect(pagerduty.requests).toHaveLength(0)
    expect(result.notices).toEqual([`No PagerDuty page sent: PagerDuty incident ${PAGERDUTY_INCIDENT.id} (imported) already paged the on-call responder.`])
    expect(result.pageUndelivered).toBeNull()
  })

  it('resolve leaves it to PagerDuty and reports its state there', async () => {
    const result = await notifyResolved({dir, incident: resolved(imported), summary: 'Fixed.', config: withApi(), deps: testDeps(), mode: 'send'})
    expect(pagerduty.requests).toHaveLength(0)
    expect(result.notices).toEqual([`PagerDuty incident #4711 (${PAGERDUTY_INCIDENT.id}) (imported, not paged by this tool) is still acknowledged in PagerDuty: resolve it there.`])
    const withoutToken = await notifyResolved({dir, incident: resolved(imported), summary: 'Fixed.', config: config(), deps: testDeps(), mode: 'send'})
    expect(withoutToken.notices).toEqual([
      `PagerDuty incident ${PAGERDUTY_INCIDENT.id} was imported, not paged by this tool, so it is not resolved from here: resolve it in PagerDuty (set PAGERDUTY_API_TOKEN to see its state here).`,
    ])
  })
})
