import {describe, expect, it} from 'vitest'

import {DEFAULT_LAYOUTS, scanForTimestamp} from '../../../src/evidence/logs/line-layout.js'
import {parseAccessTimestamp, parseTimestampValue, type TimeContext} from '../../../src/evidence/logs/timestamp.js'

const context: TimeContext = {referenceMs: Date.parse('2024-06-15T00:00:00Z'), offsetMinutes: 0}
const parseLeadingTimestamp = (line: string, reference: TimeContext) => {
  const found = scanForTimestamp(line, DEFAULT_LAYOUTS, reference)
  return found && found.fieldAt === 0 ? found : null
}
const reference = context
const at = (line: string) => {
  const parsed = parseLeadingTimestamp(line, reference)
  return parsed ? new Date(parsed.ms).toISOString() : null
}

describe('a timestamp at the start of a line', () => {
  it('reads ISO 8601 / RFC 3339 and normalises offsets to UTC', () => {
    expect(at('2024-03-01T14:02:11Z ERROR x')).toBe('2024-03-01T14:02:11.000Z')
    expect(at('2024-03-01T16:02:11.250+02:00 x')).toBe('2024-03-01T14:02:11.250Z')
    expect(at('2024-03-01 09:02:11,5-0500 x')).toBe('2024-03-01T14:02:11.500Z')
    expect(at('2024-03-01T14:02:11.123456789+0000 x')).toBe('2024-03-01T14:02:11.123Z')
    expect(at('[2024-03-01 14:02:11] x')).toBe('2024-03-01T14:02:11.000Z')
  })

  it('agrees with Date.parse on random stamps, across days, in and out of order', () => {
    let seed = 11
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0)
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(2020, 0, 1) + (next() % 2000) * 86_400_000 + (next() % 86_400_000)
      const offset = (next() % 27) - 13
      const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${String(Math.abs(offset)).padStart(2, '0')}:30`
      const local = new Date(ms + (offset === 0 ? 0 : Math.sign(offset) * (Math.abs(offset) * 60 + 30) * 60_000)).toISOString().slice(0, 23)
      const text = `${local}${zone} request done`
      expect(parseLeadingTimestamp(text, reference)?.ms, text).toBe(Date.parse(`${local}${zone}`))
    }
  })

  it('reads a timestamp without offset in the context\'s zone (UTC by default)', () => {
    expect(at('2024-03-01 14:02:11 INFO x')).toBe('2024-03-01T14:02:11.000Z')
    const east = parseLeadingTimestamp('2024-03-01 14:02:11 INFO x', {...context, offsetMinutes: 60})
    expect(new Date(east!.ms).toISOString()).toBe('2024-03-01T13:02:11.000Z')
    expect(east!.zoned).toBe(false)
  })

  it('does not read year-less stamps without a reference', () => {
    expect(parseLeadingTimestamp('Mar  1 14:02:11 host app[1]: x', {referenceMs: null, offsetMinutes: 0})).toBeNull()
  })

  it('reads syslog stamps with the reference year, one back if that is in the future', () => {
    expect(at('Mar  1 14:02:11 host app[1]: x')).toBe('2024-03-01T14:02:11.000Z')
    expect(at('Dec 31 23:59:59 host x')).toBe('2023-12-31T23:59:59.000Z')
  })

  it('reads Apache error-log ctime stamps', () => {
    expect(at('[Sun Dec 04 04:47:44 2005] [error] mod_jk child')).toBe('2005-12-04T04:47:44.000Z')
  })

  it('returns null for text without a leading timestamp', () => {
    expect(at('hello world')).toBeNull()
    expect(at('\tat com.x.Y(Y.java:1)')).toBeNull()
    expect(at('2024-13-01 bad month')).toBeNull()
  })

  it('reports where the timestamp ends', () => {
    expect(parseLeadingTimestamp('[2024-03-01T14:02:11Z] rest', reference)?.end).toBe(21)
  })
})

describe('parseAccessTimestamp', () => {
  it('reads nginx time with its offset', () => {
    expect(new Date(parseAccessTimestamp('10/Oct/2024:13:55:36 -0700')!).toISOString()).toBe('2024-10-10T20:55:36.000Z')
  })
})

describe('parseTimestampValue', () => {
  it('reads ISO strings and epoch seconds, milliseconds, microseconds and nanoseconds', () => {
    expect(parseTimestampValue('2024-03-01T14:02:11Z')).toBe(Date.UTC(2024, 2, 1, 14, 2, 11))
    expect(parseTimestampValue('2024-03-01')).toBe(Date.UTC(2024, 2, 1))
    expect(parseTimestampValue(1709301731)).toBe(1709301731000)
    expect(parseTimestampValue(1709301731123)).toBe(1709301731123)
    expect(parseTimestampValue('1709301731.5')).toBe(1709301731500)
    // journald's __REALTIME_TIMESTAMP, a string of microseconds
    expect(parseTimestampValue('1709301731123456')).toBe(1709301731123)
    expect(parseTimestampValue(1709301731123456789)).toBe(1709301731123)
    expect(parseTimestampValue('yesterday')).toBeNull()
    expect(parseTimestampValue(42)).toBeNull()
  })
})
