import {describe, expect, it} from 'vitest'

import {parseWideCsv} from '../../../src/evidence/metrics/csv-metric-source.js'
import {parsePrometheusRange, seriesName} from '../../../src/evidence/metrics/prometheus-json-source.js'

describe('parseWideCsv', () => {
  it('reads ISO and epoch-second timestamps, and empty/NaN/Inf cells as gaps', () => {
    const csv = 'timestamp,p99_latency_ms,error_rate\n2026-11-20T11:00:00Z,120,0.01\n1795172460,,NaN\n2026-11-20T11:02:00+00:00,130,+Inf\nyesterday,1,1\n'
    const {series, problems} = parseWideCsv(csv)
    expect(series.map((s) => s.name)).toEqual(['p99_latency_ms', 'error_rate'])
    const t0 = Date.parse('2026-11-20T11:00:00Z')
    expect(series[0].points).toEqual([
      [t0, 120],
      [t0 + 60_000, null],
      [t0 + 120_000, 130],
    ])
    expect(series[1].points.map((p) => p[1])).toEqual([0.01, null, null])
    expect(problems).toEqual(['1 row(s) with an unreadable timestamp skipped (line 5)'])
  })

  it('reports an empty file', () => {
    expect(parseWideCsv('')).toEqual({series: [], problems: ['the file is empty']})
  })
})

describe('parsePrometheusRange', () => {
  it('reads a matrix with labels, NaN and +Inf', () => {
    const json = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {metric: {__name__: 'http_requests_total', job: 'api', code: '500'}, values: [[1795172400, '1'], [1795172460, 'NaN'], [1795172520.5, '+Inf']]},
          {metric: {}, values: [[1795172400, '0.5']]},
        ],
      },
    }
    const {series, problems} = parsePrometheusRange(json)
    expect(problems).toEqual([])
    expect(series[0].name).toBe('http_requests_total{code="500",job="api"}')
    expect(series[0].labels).toEqual({__name__: 'http_requests_total', job: 'api', code: '500'})
    expect(series[0].points).toEqual([
      [1795172400000, 1],
      [1795172460000, null],
      [1795172520500, null],
    ])
    expect(series[1].name).toBe('series-2')
  })

  it('reports failed queries, other result types and foreign JSON as problems', () => {
    expect(parsePrometheusRange({status: 'error', error: 'bad query'}).problems).toEqual(['the saved query failed: bad query'])
    expect(parsePrometheusRange({status: 'success', data: {resultType: 'vector', result: []}}).problems[0]).toContain('not a range')
    expect(parsePrometheusRange({hello: 1}).problems[0]).toContain('not a Prometheus query_range response')
  })

  it('names expression results by their labels', () => {
    expect(seriesName({job: 'api'}, 0)).toBe('{job="api"}')
  })
})
