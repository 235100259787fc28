import {describe, expect, it} from 'vitest'

import {InternalError} from '../../src/errors/errors.js'
import {renderErrorRateChart} from '../../src/render/svg/error-rate-chart.js'
import {xmlBalanceProblem} from './xml-balance.js'

function minuteBuckets(rates: Array<[total: number, error: number]>, start = '2026-11-29T14:00:00Z') {
  const t0 = Date.parse(start)
  return rates.map(([total, error], i) => ({t: new Date(t0 + i * 60_000).toISOString(), total, error}))
}

const outage = minuteBuckets([
  [100, 1], [100, 0], [100, 2], [120, 40], [130, 60], [110, 55], [100, 30], [100, 5], [100, 1], [100, 0],
])
const markers = [
  {at: '2026-11-29T13:58:00Z', label: 'deploy v2.3', kind: 'deploy' as const},
  {at: '2026-11-29T14:03:00Z', label: 'onset', kind: 'onset' as const},
  {at: '2026-11-29T14:03:00Z', label: 'alert fired', kind: 'detection' as const},
  {at: '2026-11-29T14:07:00Z', label: 'rollback to v2.2', kind: 'mitigation' as const},
  {at: '2026-11-29T14:09:00Z', label: 'resolved', kind: 'resolved' as const},
]

function expectSaneSvg(svg: string) {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
  expect(xmlBalanceProblem(svg)).toBeNull()
  expect(svg).not.toMatch(/NaN|Infinity|undefined/)
  expect(svg).toMatch(/role="img"/)
  expect(svg).toMatch(/aria-label="[^"]+"/)
  expect(svg).toMatch(/<title>[^<]+<\/title>/)
  expect(svg).not.toMatch(/<script|href=|url\(|@import|<image/i)
}

describe('renderErrorRateChart', () => {
  it('draws the rate as line and area, one marker per event, axes and a legend', () => {
    const svg = renderErrorRateChart({buckets: outage, markers})
    expectSaneSvg(svg)
    expect(svg.match(/class="error-rate-line"/g)).toHaveLength(1)
    expect(svg.match(/class="error-rate-area"/g)).toHaveLength(1)
    for (const kind of ['deploy', 'onset', 'detection', 'mitigation', 'resolved']) {
      expect(svg).toContain(`class="marker marker-${kind}"`)
    }
    expect(svg).toContain('>14:00<')
    expect(svg).toContain('>60%<') // peak 50 % → axis to 60 %
    expect(svg).toContain('Time (UTC), 2026-11-29')
    expect(svg).toMatch(/class="legend"[\s\S]*Deploy[\s\S]*Mitigation/)
    expect(svg).toContain('peak 50.0% at 14:05')
  })

  it('is deterministic', () => {
    expect(renderErrorRateChart({buckets: outage, markers})).toBe(renderErrorRateChart({buckets: [...outage].reverse(), markers}))
  })

  it('numbers the markers on the chart and puts simultaneous ones on different rows', () => {
    const svg = renderErrorRateChart({buckets: outage, markers})
    const label = (kind: string) => new RegExp(`marker-${kind}"[\\s\\S]*?<text x="[\\d.]+" y="([\\d.]+)"[^>]*>(\\d+)</text>`).exec(svg)
    expect(label('deploy')?.[2]).toBe('1')
    expect(label('onset')?.[2]).toBe('2')
    expect(label('detection')?.[2]).toBe('3')
    expect(label('onset')?.[1]).not.toBe(label('detection')?.[1])
  })

  it('extends the time axis to include markers before the first bucket', () => {
    const svg = renderErrorRateChart({buckets: outage, markers})
    const deployX = Number(/marker-deploy"[\s\S]*?<line x1="([\d.]+)"/.exec(svg)?.[1])
    const lineStartX = Number(/class="error-rate-line" d="M([\d.]+),/.exec(svg)?.[1])
    expect(deployX).toBeLessThan(lineStartX)
    expect(deployX).toBeGreaterThanOrEqual(52)
  })

  it('says "no log data" for no buckets or buckets without lines', () => {
    for (const buckets of [[], minuteBuckets([[0, 0], [0, 0]])]) {
      const svg = renderErrorRateChart({buckets, markers})
      expectSaneSvg(svg)
      expect(svg).toContain('No log data')
      expect(svg).not.toContain('<path')
    }
  })

  it('draws a single bucket as a dot', () => {
    const svg = renderErrorRateChart({buckets: minuteBuckets([[10, 3]]), markers: []})
    expectSaneSvg(svg)
    expect(svg).toContain('class="error-rate-point"')
    expect(svg).not.toContain('class="error-rate-line"')
  })

  it('handles an all-zero error rate on a 0–1 % axis', () => {
    const svg = renderErrorRateChart({buckets: minuteBuckets([[50, 0], [50, 0], [50, 0]]), markers: []})
    expectSaneSvg(svg)
    expect(svg).toContain('>1.0%<')
    expect(svg).toContain('>0.25%<')
    expect(svg).toContain('peak 0.0%')
  })

  it('leaves a gap where a bucket saw no lines, and caps errors at the total', () => {
    const svg = renderErrorRateChart({buckets: minuteBuckets([[10, 1], [10, 20], [0, 0], [10, 2], [10, 1]]), markers: []})
    expectSaneSvg(svg)
    expect(svg.match(/class="error-rate-line"/g)).toHaveLength(2)
    expect(svg).toContain('peak 100.0%')
  })

  it('escapes labels and wraps long ones in the list under the chart, never cutting them', () => {
    const long = '<script>alert("x")</script> & a very long deploy description that goes on past the width of the chart: Deploy 2.14.3 with migration 20261112_1425_orders_currency_drop_not_null and more words'
    const svg = renderErrorRateChart({buckets: outage, markers: [{at: '2026-11-29T14:02:00Z', label: long, kind: 'change'}]})
    expectSaneSvg(svg)
    expect(svg).not.toContain('…')
    const key = /<g class="marker-key">([\s\S]*?)<\/g>/.exec(svg)![1]
    const lines = [...key.matchAll(/<text x="80" y="[\d.]+" font-size="11" fill="#334155">([^<]*)<\/text>/g)].map((m) => m[1])
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.join(' ')).toBe(`14:02 change: ${long}`.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'))
    const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    for (const line of lines) expect(unescape(line).length * 11 * 0.6).toBeLessThanOrEqual(800 - 16 - 52 - 28)
    // The drawing grew to hold the list.
    expect(svg).toMatch(new RegExp(`viewBox="0 0 800 ${320 + lines.length * 15 + 8}"`))
  })

  it('rejects malformed input as a bug of ours', () => {
    expect(() => renderErrorRateChart({buckets: [{t: 'yesterday', total: 1, error: 0}], markers: []})).toThrow(InternalError)
  })
})
