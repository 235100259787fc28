import {describe, expect, it} from 'vitest'

import {coarsenCounts, MINUTE_MS, TimeGrid} from '../../../src/evidence/logs/time-grid.js'

describe('TimeGrid', () => {
  it('doubles the bucket width instead of exceeding the bucket cap, keeping every count', () => {
    let coarsened = 0
    const grid = new TimeGrid<{n: number}>(4, () => ({n: 0}), (into, from) => void (into.n += from.n))
    grid.onCoarsen(() => coarsened++)
    for (let minute = 0; minute < 10; minute++) grid.at(minute * MINUTE_MS + 5).n++
    expect(grid.buckets.size).toBeLessThanOrEqual(4)
    expect(grid.widthMs).toBe(4 * MINUTE_MS)
    expect(coarsened).toBe(2)
    expect([...grid.buckets.values()].reduce((sum, b) => sum + b.n, 0)).toBe(10)
    expect(grid.sortedKeys()).toEqual([0, 1, 2])
  })

  it('returns the same bucket for out-of-order timestamps of one minute', () => {
    const grid = new TimeGrid<{n: number}>(10, () => ({n: 0}), () => {})
    const a = grid.at(MINUTE_MS + 1)
    grid.at(5 * MINUTE_MS)
    expect(grid.at(MINUTE_MS + 59_000)).toBe(a)
  })
})

describe('coarsenCounts', () => {
  it('sums neighbours into half as many keys', () => {
    expect([...coarsenCounts(new Map([[0, 1], [1, 2], [5, 3]]))]).toEqual([[0, 3], [2, 3]])
  })
})
