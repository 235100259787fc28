import {describe, expect, it} from 'vitest'

import {median, nearestRankPercentile} from '../../src/stats/percentile.js'

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull()
    expect(median([7])).toBe(7)
    expect(median([1, 3, 100])).toBe(3)
    expect(median([1, 3, 5, 100])).toBe(4)
  })
})

describe('nearestRankPercentile', () => {
  it('is the smallest observed value with at least p % of the sample at or below it', () => {
    const tenToHundred = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    expect(nearestRankPercentile(tenToHundred, 90)).toBe(90)
    expect(nearestRankPercentile([...tenToHundred, 110], 90)).toBe(100) // rank ceil(9.9) = 10
    expect(nearestRankPercentile([5], 90)).toBe(5)
    expect(nearestRankPercentile([], 90)).toBeNull()
    expect(nearestRankPercentile([1, 2], 0)).toBe(1)
  })
})
