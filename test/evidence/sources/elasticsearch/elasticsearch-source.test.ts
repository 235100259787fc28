import {mkdtemp, readFile, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {collectEvidence} from '../../../../src/evidence/collect-evidence.js'
import {liveSourcesRuntime} from '../../../../src/evidence/sources/live-runtime.js'
import {type Incident, IncidentSchema} from '../../../../src/incident/incident.js'
import {CHECKOUT_ONSET, checkoutStore} from '../../../fakes/checkout-store.js'
import {type FakeElasticsearch, startFakeElasticsearch} from '../../../fakes/fake-elasticsearch.js'

const NOW = new Date('2026-12-01T00:00:00Z')
const DECLARED = new Date(CHECKOUT_ONSET + 10 * 60_000).toISOString()
const PASSWORD = 'ESsecret-pw-93kf'

function incident(url: string, index = 'logs-*', service: string | null = 'checkout-api'): Incident {
  return IncidentSchema.parse({
    schemaVersion: 1,
    id: 'incident-2026-11-20-121000',
    title: 'checkout-api: high-error-rate',
    severity: 'P1',
    symptoms: ['high-error-rate'],
    service,
    status: 'investigating',
    createdAt: DECLARED,
    phases: {},
    timestamps: {startedAt: null, detectedAt: DECLARED, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null},
    inputs: {sources: {elasticsearch: {url, index}}},
    provider: 'offline',
  })
}

describe('live Elasticsearch/OpenSearch as an evidence source', () => {
  let dir: string
  let es: FakeElasticsearch | null = null
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ir-es-'))
  })
  afterEach(async () => {
    await es?.close()
    es = null
    await rm(dir, {recursive: true, force: true})
  })
  const runtime = (env: NodeJS.ProcessEnv = {}) => liveSourcesRuntime(undefined, env, {incidentDir: dir, redactIps: false, now: NOW})
  const env = {ELASTICSEARCH_USERNAME: 'elastic', ELASTICSEARCH_PASSWORD: PASSWORD}

  it('a date_histogram by level, terms on error.type with first times, and search_after pages around the onset', async () => {
    es = await startFakeElasticsearch(checkoutStore(2000), {basic: {username: 'elastic', password: PASSWORD}})
    const bundle = await collectEvidence({incident: incident(es.url), databaseUrl: null, now: NOW, live: runtime(env)})
    const logs = bundle.logs!
    expect(logs.totals.lines).toBeGreaterThan(400_000)
    expect(bundle.window.onsetSource).toBe('logs')
    expect(Math.abs(Date.parse(bundle.window.onset!) - CHECKOUT_ONSET)).toBeLessThanOrEqual(60_000)
    expect(logs.templates.find((t) => t.template.includes('refund failed'))).toMatchObject({isNew: true})
    expect(logs.templates.find((t) => t.template.includes('upstream timeout calling inventory'))).toMatchObject({isNew: false})
    expect(logs.exceptions.map((e) => e.type)).toContain('TypeError')
    expect(logs.endpoints.find((e) => e.path.includes('refunds'))).toMatchObject({method: 'POST'})

    const bodies = es.requests.filter((r) => r.path.endsWith('/_search')).map((r) => r.json as Record<string, any>)
    expect(bodies[0].aggs.per_minute.date_histogram).toMatchObject({field: '@timestamp', fixed_interval: '1m'})
    expect(bodies[0].aggs.per_minute.aggs.levels.terms.field).toBe('log.level')
    expect(bodies[0].query.bool.filter).toContainEqual({term: {'service.name': 'checkout-api'}})
    expect(bodies.some((b) => b.aggs?.errors?.terms?.field === 'error.type')).toBe(true)
    const paged = bodies.filter((b) => b.search_after)
    expect(paged.length).toBeGreaterThan(0)
    expect(bodies.some((b) => JSON.stringify(b.query).includes('{"term":{"error.type":"TypeError"}}'))).toBe(true)
    expect(bodies.every((b) => (b.size ?? 0) <= 500)).toBe(true)
    const saved = await Promise.all((await readdir(join(dir, 'evidence/sources/elasticsearch'))).map((f) => readFile(join(dir, 'evidence/sources/elasticsearch', f), 'utf8')))
    expect(saved.join('\n')).not.toContain(PASSWORD)
  })

  it('pulls the same bounded bytes however many documents the index holds', async () => {
    es = await startFakeElasticsearch(checkoutStore(200_000))
    const bundle = await collectEvidence({incident: incident(es.url), databaseUrl: null, now: NOW, live: runtime()})
    expect(bundle.logs!.totals.lines).toBeGreaterThan(40_000_000)
    expect(es.bytesSent).toBeLessThan(4 * 1024 * 1024)
  })

  it('a 401, a missing index and an unmatched pattern each name the setting to fix', async () => {
    es = await startFakeElasticsearch(checkoutStore(200), {basic: {username: 'elastic', password: PASSWORD}})
    const denied = await collectEvidence({incident: incident(es.url), databaseUrl: null, now: NOW, live: runtime({ELASTICSEARCH_USERNAME: 'elastic', ELASTICSEARCH_PASSWORD: 'wrong-pw-xyz'})}).catch((e: Error) => e)
    expect((denied as Error).message).toMatch(/Elasticsearch \(http:\/\/127\.0\.0\.1:\d+\/logs-\*\): 401 security_exception: unable to authenticate user \[elastic\].*check ELASTICSEARCH_API_KEY, or ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD/)
    expect((denied as Error).message).not.toContain('wrong-pw-xyz')
    const missing = await collectEvidence({incident: incident(es.url, 'app-logs'), databaseUrl: null, now: NOW, live: runtime(env)}).catch((e: Error) => e)
    expect((missing as Error).message).toMatch(/404 index_not_found_exception: no such index \[app-logs\]; nothing was read from it — check --elasticsearch-index/)
    const none = await collectEvidence({incident: incident(es.url, 'filebeat-*'), databaseUrl: null, now: NOW, live: runtime(env)}).catch((e: Error) => e)
    expect((none as Error).message).toMatch(/no index matches filebeat-\* — check --elasticsearch-index\./)
  })
})
