import {describe, expect, it} from 'vitest'

import {detectOnset, incidentStart} from '../../../src/evidence/logs/detect-onset.js'

const MINUTE = 60_000

/** A deterministic series: `total` lines a minute, errors at `base` then `incident` rate in [from, to). */
function series(minutes: number, changes: Array<{from: number; to: number; rate: number}>, base = 0.01, total = 1000) {
  const starts: number[] = []
  const totals: number[] = []
  const errors: number[] = []
  let seed = 7
  const noise = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed / 2 ** 31 - 0.5
  }
  for (let i = 0; i < minutes; i++) {
    const rate = changes.find((c) => i >= c.from && i < c.to)?.rate ?? base
    starts.push(i * MINUTE)
    totals.push(total)
    errors.push(Math.max(0, Math.round(total * rate * (1 + noise() * 0.4))))
  }
  return {starts, totals, errors}
}

describe('detectOnset', () => {
  it('finds a step change over a low background error rate', () => {
    const onset = detectOnset(series(120, [{from: 80, to: 120, rate: 0.2}]))!
    expect(onset.index).toBe(80)
    expect(onset.baselineErrorRate).toBeCloseTo(0.01, 2)
    expect(onset.incidentErrorRate).toBeCloseTo(0.2, 1)
    expect(onset.confidence).toBeGreaterThan(0.9)
  })

  it('finds a burst that is already over', () => {
    const onset = detectOnset(series(120, [{from: 30, to: 50, rate: 0.3}]))!
    expect(onset.index).toBe(30)
    expect(onset.endIndex).toBe(50)
  })

  it('reports nothing for a steady noisy background', () => {
    expect(detectOnset(series(120, []))).toBeNull()
  })

  it('reports nothing without errors or with one bucket', () => {
    expect(detectOnset({starts: [0, MINUTE], totals: [10, 10], errors: [0, 0]})).toBeNull()
    expect(detectOnset({starts: [0], totals: [10], errors: [5]})).toBeNull()
  })

  it('uses the hint to choose between two incidents', () => {
    const twoIncidents = series(200, [
      {from: 40, to: 60, rate: 0.3},
      {from: 150, to: 170, rate: 0.25},
    ])
    expect(detectOnset(twoIncidents)!.index).toBe(40)
    expect(detectOnset(twoIncidents, {hint: 155 * MINUTE})!.index).toBe(150)
  })

  it('is not fooled by traffic volume changing while the error rate stays flat', () => {
    const flat = series(100, [])
    const totals = flat.totals.map((t, i) => (i >= 50 ? t * 5 : t))
    const errors = flat.errors.map((e, i) => (i >= 50 ? e * 5 : e))
    expect(detectOnset({starts: flat.starts, totals, errors})).toBeNull()
  })

  it('takes an escalation for the incident it escalates: the onset is where the errors began', () => {
    const escalating = series(120, [
      {from: 30, to: 60, rate: 0.15},
      {from: 60, to: 120, rate: 0.5},
    ])
    expect(detectOnset(escalating, {hint: 62 * MINUTE})!.index).toBe(30)
  })

  it('never places the onset in a gap of the log: the first error after it bounds it', () => {
    const starts = Array.from({length: 40}, (_, i) => i * MINUTE)
    // Steady traffic, a four-minute silence (a restart), then errors.
    const totals = starts.map((_, i) => (i >= 20 && i < 24 ? 0 : 100))
    const errors = starts.map((_, i) => (i >= 24 ? 30 : i % 10 === 5 ? 1 : 0))
    const onset = detectOnset({starts, totals, errors})!
    expect(onset.index).toBe(24)
    expect(onset.at).toBe(24 * MINUTE)
  })
})

/** Exact counts, no noise: `total` lines a minute, `base` errors a minute, `errors` in each [from, to). */
function steady(minutes: number, bursts: Array<{from: number; to: number; errors: number}>, base: number, total = 1000) {
  const starts = Array.from({length: minutes}, (_, i) => i * MINUTE)
  const totals = starts.map(() => total)
  const errors = starts.map((_, i) => bursts.find((burst) => i >= burst.from && i < burst.to)?.errors ?? base)
  return {starts, totals, errors}
}

describe('detectOnset at its edges', () => {
  it('scores two buckets by the binomial likelihood ratio, to the figure', () => {
    // 0 of 100, then 50 of 100: llr = 100·ln 0.5 − (50·ln 0.25 + 150·ln 0.75) = 43.15;
    // confidence = 1 − e^(−43.15/50) = 0.58 (the contrast of 50 points is full).
    expect(detectOnset({starts: [0, MINUTE], totals: [100, 100], errors: [0, 50]})).toEqual({
      index: 1,
      endIndex: 2,
      at: MINUTE,
      baselineErrorRate: 0,
      incidentErrorRate: 0.5,
      llr: expect.closeTo(43.152, 3),
      confidence: 0.58,
    })
  })

  it('needs the ratio to reach minLlr, not pass it', () => {
    const two = {starts: [0, MINUTE], totals: [100, 100], errors: [0, 50]}
    const {llr} = detectOnset(two)!
    expect(detectOnset(two, {minLlr: llr})?.index).toBe(1)
    expect(detectOnset(two, {minLlr: llr + 1e-9})).toBeNull()
  })

  it('takes a change-point for a peak only when nothing within three buckets either side beats it', () => {
    // 20 errors a minute in, then a burst of 200 in 1000 at minute 5: the window from minute 1
    // through the burst is a local peak two buckets either side, but the one from minute 4 beats it.
    const blipThenBurst = {starts: [0, 1, 2, 3, 4, 5, 6].map((i) => i * MINUTE), totals: [100, 100, 100, 100, 100, 1000, 100], errors: [0, 20, 0, 0, 0, 200, 0]}
    expect(detectOnset(blipThenBurst)).toMatchObject({index: 5, endIndex: 6, incidentErrorRate: 0.2})
  })

  it('scales confidence by the rise in error rate, full at 10 points', () => {
    // 2 % → 6 %: a 4-point rise is 0.4 of full contrast, however strong the evidence.
    expect(detectOnset(steady(200, [{from: 150, to: 200, errors: 60}], 20))).toMatchObject({index: 150, endIndex: 200, confidence: 0.4})
  })

  it('counts a rate that doubles, and not one just short of double', () => {
    expect(detectOnset(steady(200, [{from: 150, to: 170, errors: 100}], 50))).toMatchObject({index: 150, endIndex: 170, baselineErrorRate: 0.05, incidentErrorRate: 0.1, confidence: 0.5})
    expect(detectOnset(steady(200, [{from: 150, to: 170, errors: 99}], 50))).toBeNull()
  })

  it('over a clean baseline, needs at least one point of errors', () => {
    expect(detectOnset(steady(200, [{from: 150, to: 170, errors: 10}], 0))).toMatchObject({index: 150, baselineErrorRate: 0, incidentErrorRate: 0.01})
    expect(detectOnset(steady(200, [{from: 150, to: 170, errors: 5}], 0))).toBeNull()
  })

  it('finds an incident still going at the end of the log, over a baseline with no errors at all', () => {
    expect(detectOnset(steady(120, [{from: 80, to: 120, errors: 200}], 0))).toMatchObject({index: 80, endIndex: 120, baselineErrorRate: 0, incidentErrorRate: 0.2})
  })

  it('ends the incident at its last bucket with traffic, not across the silence after it', () => {
    const burst = steady(100, [{from: 30, to: 50, errors: 300}], 10)
    const silent = (i: number) => i >= 50 && i < 60
    const series = {starts: burst.starts, totals: burst.totals.map((t, i) => (silent(i) ? 0 : t)), errors: burst.errors.map((e, i) => (silent(i) ? 0 : e))}
    expect(detectOnset(series)).toMatchObject({index: 30, endIndex: 50})
  })

  describe('choosing among separate incidents', () => {
    // Five hours apart over a 3 % baseline: no window spanning both doubles the rate.
    const weakFirst = steady(400, [{from: 40, to: 60, errors: 120}, {from: 340, to: 360, errors: 400}], 30)
    const strongFirst = steady(400, [{from: 40, to: 60, errors: 400}, {from: 340, to: 360, errors: 120}], 30)

    it('takes the strongest without a hint, even when it came later', () => {
      expect(detectOnset(weakFirst)).toMatchObject({index: 340, endIndex: 360})
      expect(detectOnset(strongFirst)).toMatchObject({index: 40, endIndex: 60})
    })

    it('takes the one nearest the hint, even when it is the weaker', () => {
      expect(detectOnset(weakFirst, {hint: 170 * MINUTE})).toMatchObject({index: 40, endIndex: 60})
      expect(detectOnset(strongFirst, {hint: 210 * MINUTE})).toMatchObject({index: 340, endIndex: 360})
    })

    it('takes the stronger of two equally near the hint', () => {
      expect(detectOnset(weakFirst, {hint: 190 * MINUTE})?.index).toBe(340)
      expect(detectOnset(strongFirst, {hint: 190 * MINUTE})?.index).toBe(40)
    })

    it('takes the earlier of two equally strong ones, with no hint or one equally near both', () => {
      const twins = steady(400, [{from: 40, to: 60, errors: 400}, {from: 340, to: 360, errors: 400}], 30)
      expect(detectOnset(twins)).toMatchObject({index: 40, endIndex: 60})
      expect(detectOnset(twins, {hint: 190 * MINUTE})).toMatchObject({index: 40, endIndex: 60})
    })
  })
})

describe('incidentStart', () => {
  const t = (firstSeen: number, lastSeen = 20 * MINUTE) => ({firstSeen, lastSeen})
  it('is the first error line of a new kind in the onset bucket', () => {
    expect(incidentStart(10 * MINUTE, MINUTE, [t(10 * MINUTE + 40_000), t(10 * MINUTE + 12_000), t(11 * MINUTE)])).toBe(10 * MINUTE + 12_000)
  })

  it('moves back to new errors in the minutes before the change-point that carry on into it', () => {
    expect(incidentStart(10 * MINUTE, MINUTE, [t(9 * MINUTE + 37_000), t(10 * MINUTE + 5_000)])).toBe(9 * MINUTE + 37_000)
  })

  it('takes new errors that gave way to the surge just before it', () => {
    expect(incidentStart(10 * MINUTE, MINUTE, [t(7 * MINUTE, 9 * MINUTE + 59_000)])).toBe(7 * MINUTE)
  })

  it('ignores old errors and ones that stopped well before the incident', () => {
    expect(incidentStart(10 * MINUTE, MINUTE, [t(2 * MINUTE), t(6 * MINUTE, 7 * MINUTE + 1000)])).toBe(10 * MINUTE)
  })

  it('takes errors first seen exactly five minutes before, and ones last seen exactly a bucket before', () => {
    expect(incidentStart(10 * MINUTE, MINUTE, [t(5 * MINUTE, 10 * MINUTE)])).toBe(5 * MINUTE)
    expect(incidentStart(10 * MINUTE, MINUTE, [t(5 * MINUTE - 1, 10 * MINUTE)])).toBe(10 * MINUTE)
    expect(incidentStart(10 * MINUTE, MINUTE, [t(8 * MINUTE, 9 * MINUTE)])).toBe(8 * MINUTE)
    expect(incidentStart(10 * MINUTE, MINUTE, [t(8 * MINUTE, 9 * MINUTE - 1)])).toBe(10 * MINUTE)
  })

  it('ignores errors first seen after the onset bucket', () => {
    expect(incidentStart(10 * MINUTE, MINUTE, [t(11 * MINUTE)])).toBe(10 * MINUTE)
    expect(incidentStart(10 * MINUTE, MINUTE, [t(11 * MINUTE - 1)])).toBe(11 * MINUTE - 1)
  })
})
