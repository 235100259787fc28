import {describe, expect, it} from 'vitest'

import {backoffDelayMs, isRetryableStatus, serverRequestedDelayMs} from '../../src/integrations/http/retry-policy.js'

const NOW = new Date('2026-11-30T14:10:00.000Z')
const delayOf = (headers: Record<string, string>) => serverRequestedDelayMs(new Headers(headers), NOW)

describe('isRetryableStatus', () => {
  it.each([
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [599, true],
    [499, false],
    [409, false],
    [400, false],
    [404, false],
    [200, false],
  ])('%i → %s', (status, retryable) => {
    expect(isRetryableStatus(status)).toBe(retryable)
  })
})

describe('serverRequestedDelayMs', () => {
  it('reads retry-after-ms as milliseconds, zero included', () => {
    expect(delayOf({'retry-after-ms': '250'})).toBe(250)
    expect(delayOf({'retry-after-ms': '0'})).toBe(0)
  })

  it('reads Retry-After as seconds (trimmed, zero included) or as an HTTP date', () => {
    expect(delayOf({'retry-after': '120'})).toBe(120_000)
    expect(delayOf({'retry-after': ' 7 '})).toBe(7_000)
    expect(delayOf({'retry-after': '0'})).toBe(0)
    expect(delayOf({'retry-after': 'Mon, 30 Nov 2026 14:10:30 GMT'})).toBe(30_000)
  })

  it('asks for no wait when the date it names has passed', () => {
    expect(delayOf({'retry-after': 'Mon, 30 Nov 2026 14:09:00 GMT'})).toBe(0)
    expect(delayOf({'x-ratelimit-reset': '2026-11-30T14:00:00Z'})).toBe(0)
  })

  it("reads PagerDuty's ratelimit-reset (seconds) and Jira's x-ratelimit-reset (an ISO time)", () => {
    expect(delayOf({'ratelimit-reset': '30'})).toBe(30_000)
    expect(delayOf({'ratelimit-reset': '0'})).toBe(0)
    expect(delayOf({'x-ratelimit-reset': '2026-11-30T14:11:00Z'})).toBe(60_000)
  })

  it('prefers retry-after-ms, then Retry-After, then ratelimit-reset, then x-ratelimit-reset', () => {
    const all = {'retry-after-ms': '250', 'retry-after': '2', 'ratelimit-reset': '3', 'x-ratelimit-reset': '2026-11-30T14:10:04Z'}
    expect(delayOf(all)).toBe(250)
    const {'retry-after-ms': _ms, ...withoutMs} = all
    expect(delayOf(withoutMs)).toBe(2_000)
    const {'retry-after': _after, ...resets} = withoutMs
    expect(delayOf(resets)).toBe(3_000)
    expect(delayOf({'x-ratelimit-reset': all['x-ratelimit-reset']})).toBe(4_000)
  })

  it('passes over values it cannot use to the next header', () => {
    expect(delayOf({'retry-after-ms': '-5', 'retry-after': '2'})).toBe(2_000)
    expect(delayOf({'retry-after-ms': 'soon', 'retry-after': '2'})).toBe(2_000)
    expect(delayOf({'retry-after': '', 'ratelimit-reset': '3'})).toBe(3_000)
    expect(delayOf({'retry-after': 'later', 'ratelimit-reset': '3'})).toBe(3_000)
    expect(delayOf({'ratelimit-reset': '-1', 'x-ratelimit-reset': '2026-11-30T14:10:04Z'})).toBe(4_000)
    expect(delayOf({'ratelimit-reset': 'x', 'x-ratelimit-reset': '2026-11-30T14:10:04Z'})).toBe(4_000)
  })

  it('never reads a number as a date: a negative Retry-After is no wait of its own, a bare reset number no time', () => {
    // Date.parse would take "-5" for a day in 2001, long past: no wait at all instead of the next header's.
    expect(delayOf({'retry-after': '-5', 'ratelimit-reset': '3'})).toBe(3_000)
    expect(delayOf({'retry-after': '-5'})).toBeNull()
    expect(delayOf({'x-ratelimit-reset': '12'})).toBeNull()
  })

  it('is null when the server asked for nothing usable', () => {
    expect(delayOf({})).toBeNull()
    expect(delayOf({'retry-after-ms': '-5', 'ratelimit-reset': '-1', 'x-ratelimit-reset': 'tomorrow'})).toBeNull()
  })
})

describe('backoffDelayMs', () => {
  it('starts at 0.5 s and doubles per retry up to 8 s', () => {
    const noJitter = () => 0
    expect([0, 1, 2, 3, 4, 5, 9].map((retries) => backoffDelayMs(retries, noJitter))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000])
  })

  it('takes up to a quarter off, in proportion to the random draw', () => {
    expect(backoffDelayMs(0, () => 1)).toBe(375)
    expect(backoffDelayMs(2, () => 0.5)).toBe(1750)
    expect(backoffDelayMs(6, () => 1)).toBe(6000)
  })
})
