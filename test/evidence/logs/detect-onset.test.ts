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
})
