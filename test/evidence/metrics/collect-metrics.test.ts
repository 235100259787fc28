import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {UserError} from '../../../src/errors/errors.js'
import {EvidenceItemSchema} from '../../../src/incident/evidence-item.js'
import {collectMetrics} from '../../../src/evidence/metrics/collect-metrics.js'
import {metricSlice} from '../../../src/evidence/metrics/metric-slice.js'
import {MetricsDigestSchema} from '../../../src/evidence/metrics/metrics-digest.js'
import {MINUTE, T0, minuteIso, seeded} from './synthetic-series.js'

const dir = mkdtempSync(join(tmpdir(), 'ir-metrics-'))
const csvPath = join(dir, 'metrics.csv')
const promPath = join(dir, 'memory.json')

beforeAll(() => {
  const random = seeded(42)
  const rows = ['timestamp,p99_latency_ms,db_connections,max_connections,requests_per_second,queue_depth']
  for (let i = 0; i < 120; i++) {
    const latency = (i < 75 ? 120 : 900) + random() * 20
    const connections = i < 75 ? 40 + Math.round(random() * 5) : 98
    const rps = 500 + random() * 50
    const queue = i % 3 === 0 ? 'NaN' : String(Math.round(random() * 10))
    rows.push(`${new Date(T0 + i * MINUTE).toISOString()},${latency.toFixed(1)},${connections},100,${rps.toFixed(1)},${queue}`)
  }
  writeFileSync(csvPath, rows.join('\n') + '\n')
  const values = (level: (i: number) => number) => Array.from({length: 60}, (_, i) => [(T0 + i * 2 * MINUTE) / 1000, String(level(i))])
  writeFileSync(
    promPath,
    JSON.stringify({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {metric: {__name__: 'container_memory_working_set_bytes', pod: 'api-1'}, values: values((i) => 2e8 + i * 1.4e7)},
          {metric: {__name__: 'container_spec_memory_limit_bytes', pod: 'api-1'}, values: values(() => 1e9)},
        ],
      },
    }),
  )
})
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('collectMetrics', () => {
  it('reads CSV and Prometheus JSON, with change points, saturation and gap limitations', async () => {
    const onsetHint = new Date(T0 + 76 * MINUTE)
    const {digest, items, limitations} = await collectMetrics([csvPath, promPath, 'https://user:secret@prometheus.example/api'], {onsetHint})
    expect(MetricsDigestSchema.parse(JSON.parse(JSON.stringify(digest)))).toEqual(digest)
    const byName = new Map(digest.series.map((s) => [s.name, s]))

    const latency = byName.get('p99_latency_ms')!
    expect(latency).toMatchObject({unit: 'ms', evidenceId: 'ev-metric-p99-latency-ms', changeMinutesFromOnset: -1})
    expect(latency.changePoint).toMatchObject({at: minuteIso(75), direction: 'up'})
    expect(byName.get('requests_per_second')?.changePoint).toBeNull()

    expect(byName.get('db_connections')?.saturation).toMatchObject({limit: 100, peak: 98, saturated: true, limitSource: 'series:max_connections'})
    const memory = byName.get('container_memory_working_set_bytes{pod="api-1"}')!
    expect(memory.saturation).toMatchObject({limit: 1e9, saturated: true, limitSource: 'series:container_spec_memory_limit_bytes{pod="api-1"}'})
    expect(memory.saturation!.ratio).toBeCloseTo(1.026, 2)
    expect(memory.trend).toMatchObject({direction: 'up', rho: 1})
    expect(items.find((i) => i.id === 'ev-metric-container-memory-working-set-bytes-pod-api-1')).toMatchObject({kind: 'trend'})
    expect(items.find((i) => i.id === 'ev-metric-container-memory-working-set-bytes-pod-api-1-sat')?.summary).toContain('of a limit of 953.7 MiB')
    expect(byName.get('requests_per_second')?.trend).toBeNull()

    for (const item of items) EvidenceItemSchema.parse(item)
    const ids = items.map((i) => i.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(expect.arrayContaining(['ev-metric-p99-latency-ms', 'ev-metric-db-connections-sat', 'ev-metric-queue-depth']))
    const latencyItem = items.find((i) => i.id === 'ev-metric-p99-latency-ms')!
    expect(latencyItem).toMatchObject({kind: 'change-point', at: minuteIso(75), ref: {series: 'p99_latency_ms'}})
    expect(latencyItem.summary).toMatch(/^p99_latency_ms rose from 1\d\d(\.\d+)? ms to 9\d\d(\.\d+)? ms \(7\.\d×\) at /)
    expect(items.find((i) => i.id === 'ev-metric-db-connections-sat')?.summary).toContain('(98%)')

    expect(limitations).toEqual([
      expect.stringContaining('live Prometheus URL'),
      expect.stringContaining('queue_depth has 40 of 120 samples missing'),
    ])
    expect(JSON.stringify({digest, items, limitations})).not.toContain('secret')
  })

  it('rejects a missing file as a user error', async () => {
    await expect(collectMetrics([join(dir, 'nope.csv')])).rejects.toThrow(UserError)
  })
})

describe('metricSlice', () => {
  it('prints the samples of a series in a time range', async () => {
    const text = await metricSlice([csvPath], 'p99_latency_ms', minuteIso(74), minuteIso(76))
    const lines = text.split('\n')
    expect(lines[0]).toBe('p99_latency_ms (ms)')
    expect(lines).toHaveLength(5)
    expect(lines[2]).toMatch(/^2026-11-20T12:14:00Z {2}1\d\d\.\d$/)
    expect(lines[3]).toMatch(/^2026-11-20T12:15:00Z {2}9\d\d\.\d$/)
  })

  it('finds a series by evidence id, buckets long ranges, and explains a miss', async () => {
    const bucketed = await metricSlice([csvPath, promPath], 'ev-metric-db-connections')
    expect(bucketed.split('\n')[0]).toBe('db_connections (connections), 120 samples in buckets of 2')
    expect(bucketed.split('\n')).toHaveLength(62)
    expect(await metricSlice([csvPath], 'nonexistent')).toMatch(/^No series named "nonexistent". Available: p99_latency_ms, /)
    expect(await metricSlice([csvPath], 'connections')).toMatch(/^Several series match "connections"/)
  })
})
