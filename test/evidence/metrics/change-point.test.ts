import {describe, expect, it} from 'vitest'

import {detectChangePoint} from '../../../src/evidence/metrics/change-point.js'
import type {MetricPoint} from '../../../src/evidence/metrics/metric-source.js'
import {detectTrend} from '../../../src/evidence/metrics/trend.js'
import {minuteIso, seeded, series} from './synthetic-series.js'

describe('detectChangePoint', () => {
  it('finds a lasting step up at the minute it happened', () => {
    const change = detectChangePoint(series(120, (i) => (i < 70 ? 120 : 480), 15))
    expect(change).toMatchObject({at: minuteIso(70), direction: 'up', endedAt: null})
    expect(change!.before).toBeCloseTo(120, -1)
    expect(change!.after).toBeCloseTo(480, -1)
    expect(change!.magnitude).toBeGreaterThan(300)
    expect(change!.relativeChange).toBeGreaterThan(2)
  })

  it('finds a step down', () => {
    expect(detectChangePoint(series(90, (i) => (i < 30 ? 1000 : 300), 40))).toMatchObject({at: minuteIso(30), direction: 'down'})
  })

  it('finds a spike that recovered, with when it ended', () => {
    const change = detectChangePoint(series(180, (i) => (i >= 60 && i < 90 ? 0.3 : 0.01), 0.005))
    expect(change).toMatchObject({at: minuteIso(60), endedAt: minuteIso(90), direction: 'up'})
  })

  it('ignores noise, lone outliers and small shifts of a steady series', () => {
    expect(detectChangePoint(series(200, () => 100, 20, 7))).toBeNull()
    const withOutliers = series(200, () => 100, 5, 3).map(([t, v], i): MetricPoint => [t, i % 37 === 0 ? 5000 : v])
    expect(detectChangePoint(withOutliers)).toBeNull()
    expect(detectChangePoint(series(100, (i) => (i < 50 ? 100 : 105), 0.1))).toBeNull()
  })

  it('ignores coarse, integer-valued noise (0, 1 or 2 errors a minute)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const random = seeded(seed)
      const coarse = series(70, () => 0, 0).map(([t]): MetricPoint => [t, Math.floor(random() * 3)])
      expect(detectChangePoint(coarse)).toBeNull()
    }
  })

  it('tolerates gaps (NaN, empty) and still places the change', () => {
    const gappy = series(120, (i) => (i < 60 ? 50 : 95), 3).map(([t, v], i): MetricPoint => [t, i % 4 === 1 ? null : v])
    expect(detectChangePoint(gappy)).toMatchObject({at: minuteIso(60), direction: 'up'})
  })

  it('handles a zero baseline and a perfectly flat series', () => {
    expect(detectChangePoint(series(60, (i) => (i < 40 ? 0 : 12), 0))).toMatchObject({at: minuteIso(40), before: 0, after: 12, relativeChange: null})
    expect(detectChangePoint(series(60, () => 7, 0))).toBeNull()
  })

  it('needs enough samples on each side', () => {
    expect(detectChangePoint(series(8, (i) => (i < 4 ? 1 : 100), 0))).toBeNull()
    expect(detectChangePoint(series(100, (i) => (i < 99 ? 1 : 100), 0))).toBeNull()
  })

  it('stays fast on long series', () => {
    const long = series(200_000, (i) => (i < 150_000 ? 10 : 30), 2)
    const started = performance.now()
    const change = detectChangePoint(long)
    // Generous bound: it guards against a quadratic slip (minutes here), not machine speed.
    expect(performance.now() - started).toBeLessThan(5000)
    expect(Math.abs(Date.parse(change!.at) - Date.parse(minuteIso(150_000)))).toBeLessThanOrEqual(40 * 60_000)
  })
})

describe('detectTrend', () => {
  it('finds a steady climb (a leak) and ignores noise and flat series', () => {
    expect(detectTrend(series(60, (i) => 100 + i * 10, 5))).toMatchObject({direction: 'up'})
    expect(detectTrend(series(60, (i) => 1000 - i * 10, 5))).toMatchObject({direction: 'down'})
    expect(detectTrend(series(60, () => 100, 30))).toBeNull()
    expect(detectTrend(series(60, () => 100, 0))).toBeNull()
    expect(detectTrend(series(60, (i) => 100 + i * 0.1, 0))).toBeNull()
  })
})
