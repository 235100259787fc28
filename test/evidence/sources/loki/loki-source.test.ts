import {mkdtemp, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {collectEvidence} from '../../../../src/evidence/collect-evidence.js'
import {liveSourcesRuntime} from '../../../../src/evidence/sources/live-runtime.js'
import {type Incident, IncidentSchema} from '../../../../src/incident/incident.js'
import {CHECKOUT_ONSET, checkoutStore} from '../../../fakes/checkout-store.js'
import {type FakeLoki, startFakeLoki} from '../../../fakes/fake-loki.js'

const NOW = new Date('2026-12-01T00:00:00Z')
const DECLARED = new Date(CHECKOUT_ONSET + 10 * 60_000).toISOString()

function incident(url: string, selector = '{service_name="checkout-api"}', tenant: string | null = null): Incident {
  return IncidentSchema.parse({
    schemaVersion: 1,
    id: 'incident-2026-11-20-121000',
    title: 'checkout-api: high-error-rate',
    severity: 'P1',
    symptoms: ['high-error-rate'],
    service: 'checkout-api',
    status: 'investigating',
    createdAt: DECLARED,
    phases: {},
    timestamps: {startedAt: null, detectedAt: DECLARED, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null},
    inputs: {sources: {loki: {url, selector, tenant}}},
    provider: 'offline',
  })
}

describe('live Loki as an evidence source', () => {
  let dir: string
  let loki: FakeLoki | null = null
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ir-loki-'))
  })
  afterEach(async () => {
    await loki?.close()
    loki = null
    await rm(dir, {recursive: true, force: true})
  })
  const runtime = (env: NodeJS.ProcessEnv = {}) => liveSourcesRuntime(undefined, env, {incidentDir: dir, redactIps: false, now: NOW})

  it('counts by level pushed down, a paged sample around the onset, and the new error found with its first lines', async () => {
    const store = checkoutStore(2000)
    loki = await startFakeLoki(store)
    const bundle = await collectEvidence({incident: incident(loki.url), databaseUrl: null, now: NOW, live: runtime()})
    const logs = bundle.logs!
    const held = Array.from({length: store.lastMinute - store.firstMinute + 1}, (_, i) => store.totalAt(store.firstMinute + i)).reduce((a, b) => a + b, 0)
    // The window starts 3 h before the declaration (10 min after the onset): 2 h 50 min of the store, and the hour after.
    expect(logs.totals.lines).toBeGreaterThan(held * 0.9)
    expect(logs.totals.lines).toBeLessThanOrEqual(held)
    expect(bundle.window.onsetSource).toBe('logs')
    expect(Math.abs(Date.parse(bundle.window.onset!) - CHECKOUT_ONSET)).toBeLessThanOrEqual(60_000)
    const refund = logs.templates.find((t) => t.template.includes('refund failed'))!
    expect(refund).toMatchObject({isNew: true, levels: ['error']})
    expect(logs.exceptions.map((e) => e.type)).toContain('TypeError')
    const inventory = logs.templates.find((t) => t.template.includes('upstream timeout calling inventory'))!
    expect(inventory.isNew).toBe(false)
    expect(refund.ref.file).toMatch(/^evidence\/sources\/loki\/\d{3}-.*\.json$/)

    const queries = loki.requests.map((r) => new URL(r.path, 'http://x').searchParams)
    expect(queries[0].get('query')).toBe('sum by (level, detected_level) (count_over_time({service_name="checkout-api"} [1m]))')
    const afterOnset = queries.filter((q) => q.get('query') === '{service_name="checkout-api"}' && q.get('direction') === 'forward')
    // 1,000 lines after the onset in pages of at most 500, each page starting at the last line's nanosecond.
    expect(afterOnset.length).toBeGreaterThanOrEqual(2)
    expect(afterOnset.reduce((sum, q) => sum + Number(q.get('limit')), 0)).toBeGreaterThanOrEqual(1000)
    for (let i = 1; i < afterOnset.length; i++) expect(BigInt(afterOnset[i].get('start')!)).toBeGreaterThan(BigInt(afterOnset[i - 1].get('start')!))
    expect(queries.some((q) => q.get('query')!.includes('|= "refund"'))).toBe(true)
    expect(queries.every((q) => Number(q.get('limit') ?? 0) <= 500)).toBe(true)
    expect(await readdir(join(dir, 'evidence/sources/loki'))).toContain('manifest.json')
  })

  it('pulls the same bounded bytes however many lines the store holds', async () => {
    loki = await startFakeLoki(checkoutStore(200_000))
    const bundle = await collectEvidence({incident: incident(loki.url), databaseUrl: null, now: NOW, live: runtime()})
    expect(bundle.logs!.totals.lines).toBeGreaterThan(40_000_000)
    expect(loki.bytesSent).toBeLessThan(3 * 1024 * 1024)
    expect(Math.abs(Date.parse(bundle.window.onset!) - CHECKOUT_ONSET)).toBeLessThanOrEqual(60_000)
  })

  it('a multi-tenant Loki asked without LOKI_ORG_ID: the limitation names it; with it the header is sent', async () => {
    loki = await startFakeLoki(checkoutStore(500), {tenant: 'team-shop'})
    const failing = await collectEvidence({incident: incident(loki.url), databaseUrl: null, now: NOW, live: runtime()}).catch((error: Error) => error)
    expect(failing).toBeInstanceOf(Error)
    expect((failing as Error).message).toMatch(/Loki \(http:\/\/127\.0\.0\.1:\d+ \{service_name="checkout-api"\}\): 401 no org id; nothing was read from it — check .*LOKI_ORG_ID/)
    const bundle = await collectEvidence({incident: incident(loki.url, undefined, 'team-shop'), databaseUrl: null, now: NOW, live: runtime()})
    expect(loki.requests.at(-1)!.headers['x-scope-orgid']).toBe('team-shop')
    expect(bundle.logs!.totals.lines).toBeGreaterThan(0)
  })

  it('a selector Loki rejects is named, and one that matches nothing says so', async () => {
    loki = await startFakeLoki(checkoutStore(500))
    const broken = await collectEvidence({incident: incident(loki.url, '{service_name="checkout-api"'), databaseUrl: null, now: NOW, live: runtime()}).catch((error: Error) => error)
    expect((broken as Error).message).toMatch(/400 parse error at line 1.*; nothing was read from it — check --loki-selector/)
    const empty = await collectEvidence({incident: incident(loki.url, '{service_name="billing"}'), databaseUrl: null, now: NOW, live: runtime()}).catch((error: Error) => error)
    expect((empty as Error).message).toMatch(/no lines matched \{service_name="billing"\} between .* — check --loki-selector\./)
  })
})
