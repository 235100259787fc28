import {describe, expect, it} from 'vitest'

import {UsageError} from '../../src/errors/errors.js'
import {parseDuration} from '../../src/evidence/duration.js'

describe('parseDuration', () => {
  it.each([
    ['48h', 48 * 3_600_000],
    ['30m', 30 * 60_000],
    ['2d', 2 * 86_400_000],
    ['90s', 90_000],
    ['250ms', 250],
    ['1w', 7 * 86_400_000],
    ['1h30m', 90 * 60_000],
    [' 1.5h ', 90 * 60_000],
    ['2H', 2 * 3_600_000],
  ])('parses %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['', '48', 'h', 'abc', '10x', '-5m', '5m junk', '0s', 'm30'])('rejects %j with a UsageError', (text) => {
    expect(() => parseDuration(text)).toThrow(UsageError)
  })
})
