import {describe, expect, it} from 'vitest'

import type {RawSeries} from '../../../src/evidence/metrics/metric-source.js'
import {detectSaturation, isResourceSeries} from '../../../src/evidence/metrics/saturation.js'
import {guessUnit, slugifySeries} from '../../../src/evidence/metrics/series-names.js'
import {minuteIso, series} from './synthetic-series.js'

const raw = (name: string, level: (i: number) => number, labels: Record<string, string> = {}): RawSeries => ({name, labels, points: series(60, level, 0)})

describe('detectSaturation', () => {
  it('takes the limit from a companion series and flags a peak ≥ 90 %', () => {
    const usage = raw('memory_usage_bytes', (i) => 100 + i * 8)
    const limit = raw('memory_limit_bytes', () => 512)
    expect(detectSaturation(usage, [usage, limit])).toEqual({
      limit: 512,
      limitSource: 'series:memory_limit_bytes',
      peak: 572,
      ratio: 1.1172,
      at: minuteIso(59),
      saturated: true,
    })
  })

  it('pairs connections with max_connections and reports headroom when not saturated', () => {
    const active = raw('db_connections_active', (i) => (i === 30 ? 60 : 20))
    const max = raw('max_connections', () => 100)
    expect(detectSaturation(active, [active, max])).toMatchObject({limit: 100, peak: 60, ratio: 0.6, saturated: false, at: minuteIso(30)})
  })

  it('uses 100 for percentages and 1 for fractions', () => {
    const cpu = raw('cpu_usage_percent', (i) => (i > 40 ? 97 : 30))
    expect(detectSaturation(cpu, [cpu])).toMatchObject({limit: 100, limitSource: 'percent', peak: 97, saturated: true})
    const pool = raw('pool_utilization', () => 0.95)
    expect(detectSaturation(pool, [pool])).toMatchObject({limit: 1, limitSource: 'ratio', saturated: true})
    const disk = raw('disk_utilization', () => 42)
    expect(detectSaturation(disk, [disk])).toMatchObject({limit: 100, limitSource: 'percent', saturated: false})
  })

  it('only pairs Prometheus series with matching labels', () => {
    const usageA = raw('container_memory_working_set_bytes{pod="a"}', () => 900, {__name__: 'container_memory_working_set_bytes', pod: 'a'})
    const limitA = raw('container_spec_memory_limit_bytes{pod="a"}', () => 1000, {__name__: 'container_spec_memory_limit_bytes', pod: 'a'})
    const limitB = raw('container_spec_memory_limit_bytes{pod="b"}', () => 4000, {__name__: 'container_spec_memory_limit_bytes', pod: 'b'})
    expect(detectSaturation(usageA, [usageA, limitB, limitA])).toMatchObject({limit: 1000, saturated: true})
  })

  it('returns null without a limit or for non-resource and inverse series', () => {
    const heap = raw('heap_used_bytes', () => 1e9)
    expect(detectSaturation(heap, [heap])).toBeNull()
    const latency = raw('p99_latency_ms', () => 99)
    expect(detectSaturation(latency, [latency])).toBeNull()
    expect(isResourceSeries('node_filesystem_avail_bytes')).toBe(false)
    expect(isResourceSeries('memory_limit_bytes')).toBe(false)
  })
})

describe('series names', () => {
  it.each([
    ['p99_latency_ms', 'ms'],
    ['http_request_duration_seconds', 's'],
    ['memory_usage_bytes', 'bytes'],
    ['cpu_percent', '%'],
    ['pool_utilization', 'ratio'],
    ['requests_per_second', '/s'],
    ['db_connections', 'connections'],
    ['http_requests_total{code="500"}', 'count'],
    ['queue_depth', null],
  ])('guesses the unit of %s as %s', (name, unit) => {
    expect(guessUnit(name)).toBe(unit)
  })

  it('slugs names into evidence-id-safe text', () => {
    expect(slugifySeries('http_requests_total{code="500",job="api"}')).toBe('http-requests-total-code-500-job-api')
    expect(slugifySeries('P99 Latency (ms)')).toBe('p99-latency-ms')
    expect(slugifySeries('{}')).toBe('series')
  })
})
