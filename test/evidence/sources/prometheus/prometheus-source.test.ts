import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest'

import {collectEvidence} from '../../../../src/evidence/collect-evidence.js'
import {liveSourcesRuntime} from '../../../../src/evidence/sources/live-runtime.js'
import {type Incident, IncidentSchema} from '../../../../src/incident/incident.js'
import {closedPort} from '../closed-port.js'
import {INCIDENT_DATA, ONSET} from './incident-data.js'
import {openMetrics, type RealPrometheus, startRealPrometheus} from './real-prometheus.js'

function incident(url: string, queries: Array<{name: string; expr: string}> = []): Incident {
  return IncidentSchema.parse({
    schemaVersion: 1,
    id: 'incident-2026-11-20-121000',
    title: 'checkout-api: high-error-rate',
    severity: 'P1',
    symptoms: ['high-error-rate', 'infrastructure-issues'],
    service: 'checkout-api',
    status: 'investigating',
    createdAt: '2026-11-20T12:10:00.000Z',
    phases: {},
    timestamps: {startedAt: null, detectedAt: '2026-11-20T12:10:00.000Z', acknowledgedAt: null, mitigatedAt: null, resolvedAt: null},
    inputs: {sources: {prometheus: {url, queries}}},
    provider: 'offline',
  })
}

describe('live Prometheus as an evidence source (real server)', () => {
  let prometheus: RealPrometheus
  let dir: string
  beforeAll(async () => {
    prometheus = await startRealPrometheus(openMetrics(INCIDENT_DATA))
  }, 60_000)
  afterAll(async () => {
    await prometheus?.stop()
  })
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ir-prom-src-'))
  })
  afterEach(async () => {
    await rm(dir, {recursive: true, force: true})
  })

  const runtime = (env: NodeJS.ProcessEnv = {}) => liveSourcesRuntime(undefined, env, {incidentDir: dir, redactIps: false, now: new Date('2026-12-01T00:00:00Z')})

  it('finds the onset and the memory saturation from the catalogue queries, scoped to the service', async () => {
    const bundle = await collectEvidence({incident: incident(prometheus.url), databaseUrl: null, now: new Date('2026-12-01T00:00:00Z'), live: runtime()})
    const series = bundle.metrics!.series
    const names = series.map((s) => s.name)
    expect(names).toEqual(expect.arrayContaining(['http_requests_5xx_ratio{job="checkout-api"}', 'http_requests_rate{job="checkout-api"}', 'up{job="checkout-api"}']))
    // search-api's series are another service's: dropped because checkout-api's are there.
    expect(names.some((name) => name.includes('search-api'))).toBe(false)
    const ratio = series.find((s) => s.name === 'http_requests_5xx_ratio{job="checkout-api"}')!
    expect(ratio.source).toMatch(/^evidence\/sources\/prometheus\/\d{3}-http-error-ratio\.json$/)
    expect(ratio.changePoint).toMatchObject({direction: 'up'})
    expect(ratio.changePoint!.before).toBeCloseTo(0.005, 3)
    expect(ratio.changePoint!.after).toBeGreaterThan(0.15)
    expect(bundle.window.onsetSource).toBe('metrics')
    expect(Math.abs(Date.parse(bundle.window.onset!) / 1000 - ONSET)).toBeLessThanOrEqual(300)
    const memory = series.find((s) => s.name.startsWith('container_memory_utilization{'))!
    expect(memory.saturation).toMatchObject({saturated: true, limitSource: 'ratio'})
    expect(bundle.items.map((item) => item.id)).toEqual(expect.arrayContaining([ratio.evidenceId, `${memory.evidenceId}-sat`]))
    expect(bundle.metrics!.sources).toEqual([`${prometheus.url}/`])
  })

  it('asks --promql queries, names a rejected one, and drops those without series', async () => {
    const queries = [
      {name: 'checkout_errors', expr: 'sum(rate(http_requests_total{job="checkout-api",code=~"5.."}[5m]))'},
      {name: 'broken', expr: 'sum(rate(http_requests_total[5m])'},
      {name: 'absent', expr: 'sum(rate(no_such_metric_total[5m]))'},
    ]
    const bundle = await collectEvidence({incident: incident(prometheus.url, queries), databaseUrl: null, now: new Date('2026-12-01T00:00:00Z'), live: runtime()})
    const names = bundle.metrics!.series.map((s) => s.name)
    expect(names).toContain('checkout_errors')
    expect(names.some((name) => name.startsWith('absent') || name.startsWith('broken'))).toBe(false)
    const rejected = bundle.limitations.filter((text) => text.includes('broken'))
    expect(rejected).toEqual([expect.stringMatching(/^Prometheus \(http:\/\/127\.0\.0\.1:\d+\): rejected broken \(400 bad_data: .*parse error.*\) — check --promql broken\.$/)])
  })

  it('reads the saved answers on a re-run, without asking Prometheus again', async () => {
    const first = await collectEvidence({incident: incident(prometheus.url), databaseUrl: null, now: new Date('2026-12-01T00:00:00Z'), live: runtime()})
    const files = await readdir(join(dir, 'evidence/sources/prometheus'))
    expect(files).toContain('manifest.json')
    const manifest = JSON.parse(await readFile(join(dir, 'evidence/sources/prometheus/manifest.json'), 'utf8'))
    expect(manifest.stats.queries).toBeGreaterThan(3)
    // The same incident pointed at a closed port: the saved answers are read, nothing is asked.
    const again = await collectEvidence({incident: incident(`http://127.0.0.1:${await closedPort()}`), databaseUrl: null, now: new Date('2026-12-02T00:00:00Z'), live: runtime()})
    expect(again.metrics).toEqual(first.metrics)
    expect(again.window).toEqual(first.window)
    expect(again.limitations).toEqual(first.limitations)
  })
})
