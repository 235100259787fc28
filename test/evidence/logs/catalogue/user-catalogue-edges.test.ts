import {describe, expect, it} from 'vitest'

import {EXAMPLE_CONTEXT} from '../../../../src/evidence/logs/catalogue/timestamp-layouts.js'
import {timestampLayoutOf, UserSeverityMarkerSchema, UserTimestampLayoutSchema} from '../../../../src/evidence/logs/catalogue/user-catalogue.js'
import type {TimeContext} from '../../../../src/evidence/logs/timestamp.js'

const DOTTED = String.raw`(?<day>\d{2})\.(?<month>\d{2})\.(?<year>\d{4}) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})`
const EXAMPLE = {line: '14.03.2024 09:15:02 x', iso: '2024-03-14T09:15:02.000Z'}

/** A user's layout as the config file's schema leaves it, without the example check. */
const layoutOf = (pattern: string) => timestampLayoutOf({id: 'user-layout', description: '', pattern, anywhere: false, examples: [EXAMPLE]})

/** What a user's layout reads at `at` of `line`, as ISO text, or null. */
function read(pattern: string, line: string, at = 0, context: TimeContext = EXAMPLE_CONTEXT): string | null {
  const stamp = layoutOf(pattern).parse(line, at, context)
  return stamp && new Date(stamp.ms).toISOString()
}

describe("a user's timestamp layout at the edges of its fields", () => {
  it.each([
    ['01.01.2024 00:00:00', '2024-01-01T00:00:00.000Z'],
    ['31.12.2024 23:59:59', '2024-12-31T23:59:59.000Z'],
    ['31.12.2024 23:59:60', '2025-01-01T00:00:00.000Z'], // a leap second
    ['00.01.2024 10:00:00', null],
    ['32.01.2024 10:00:00', null],
    ['01.00.2024 10:00:00', null],
    ['01.13.2024 10:00:00', null],
    ['01.01.2024 24:00:00', null],
    ['01.01.2024 10:60:00', null],
    ['01.01.2024 10:00:61', null],
  ])('reads %j as %s', (line, iso) => {
    expect(read(DOTTED, line)).toBe(iso)
  })

  it('reads the stamp only where it is asked to, not further on', () => {
    expect(read(DOTTED, 'at 14.03.2024 09:15:02', 0)).toBeNull()
    expect(read(DOTTED, 'at 14.03.2024 09:15:02', 3)).toBe('2024-03-14T09:15:02.000Z')
  })

  it('takes no second for 0, a two-digit year for 20yy, and a fraction for milliseconds', () => {
    expect(read(String.raw`(?<day>\d{2})\.(?<month>\d{2})\.(?<year>\d{2}) (?<hour>\d{2}):(?<minute>\d{2})`, '14.03.24 09:15 x')).toBe('2024-03-14T09:15:00.000Z')
    expect(read(String.raw`${DOTTED}\.(?<fraction>\d+)`, '14.03.2024 09:15:02.25 x')).toBe('2024-03-14T09:15:02.250Z')
  })

  it('applies the zone a stamp carries', () => {
    expect(read(String.raw`${DOTTED} ?(?<zone>Z|[+-]\d{2}:\d{2})`, '14.03.2024 09:15:02 +02:00 x')).toBe('2024-03-14T07:15:02.000Z')
  })

  it('takes a year-less stamp\u2019s year from the reference, and reads nothing without one', () => {
    const yearless = String.raw`(?<day>\d{2})\.(?<month>\d{2}) (?<hour>\d{2}):(?<minute>\d{2})`
    expect(read(yearless, '14.03 09:15 x')).toBe('2024-03-14T09:15:00.000Z')
    expect(read(yearless, '14.03 09:15 x', 0, {referenceMs: null, offsetMinutes: 0})).toBeNull()
  })

  it('reads month names in any case, and nothing for a word that is no month', () => {
    const named = String.raw`(?<day>\d{2}) (?<month>[A-Za-z]+) (?<year>\d{4}) (?<hour>\d{2}):(?<minute>\d{2})`
    expect(read(named, '14 jan 2024 09:15 x')).toBe('2024-01-14T09:15:00.000Z')
    expect(read(named, '14 FEB 2024 09:15 x')).toBe('2024-02-14T09:15:00.000Z')
    expect(read(named, '14 March 2024 09:15 x')).toBe('2024-03-14T09:15:00.000Z')
    expect(read(named, '14 Xyz 2024 09:15 x')).toBeNull()
  })

  it('describes itself from its pattern: year, zone, a date always, its examples', () => {
    const dotted = layoutOf(DOTTED)
    expect(dotted).toMatchObject({year: true, date: true, zone: 'never', examples: {match: [EXAMPLE], nonMatch: []}})
    expect(layoutOf(String.raw`(?<day>\d{2})\.(?<month>\d{2}) (?<hour>\d{2}):(?<minute>\d{2})(?<zone>Z)`)).toMatchObject({year: false, zone: 'sometimes'})
  })
})

describe("a user's timestamp layout is refused naming its field", () => {
  const issues = (entry: Record<string, unknown>) =>
    UserTimestampLayoutSchema.safeParse({id: 'user-layout', pattern: DOTTED, examples: [EXAMPLE], ...entry}).error?.issues.map(({code, path, message}) => ({code, path, message}))

  it('a pattern that does not compile', () => {
    expect(issues({pattern: '(?<day>\\d{2}'})).toEqual([{code: 'custom', path: ['pattern'], message: expect.stringMatching(/^does not compile: /)}])
  })

  it('a pattern without the groups it needs', () => {
    expect(issues({pattern: String.raw`(?<day>\d{2})`})).toEqual([{code: 'custom', path: ['pattern'], message: 'needs the named groups month, hour, minute'}])
  })

  it('an example it reads no time in, or another time', () => {
    expect(issues({examples: [{line: 'nothing here', iso: EXAMPLE.iso}]})).toEqual([
      {code: 'custom', path: ['examples'], message: `reads "nothing here" as no time, not ${EXAMPLE.iso} (year-less stamps take the year of 2024-06-15)`},
    ])
  })

  it('finds its example stamp at the start of any field of the line, not inside a word', () => {
    expect(issues({examples: [{line: 'app 14.03.2024 09:15:02 x', iso: EXAMPLE.iso}]})).toBeUndefined()
    expect(issues({examples: [{line: 'app-14.03.2024 09:15:02 x', iso: EXAMPLE.iso}]})?.[0].path).toEqual(['examples'])
  })
})

describe("a user's severity marker is refused naming its field", () => {
  const marker = {id: 'billing-declined', level: 'error', pattern: 'charge declined', keywords: ['declined'], examples: {match: ['charge declined for order 7'], nonMatch: ['charge accepted']}}
  const issues = (entry: Record<string, unknown>) => UserSeverityMarkerSchema.safeParse({...marker, ...entry}).error?.issues.map(({code, path, message}) => ({code, path, message}))

  it('an example the pattern does not match, or a non-example it does', () => {
    expect(issues({examples: {match: ['refund issued'], nonMatch: ['charge declined twice']}})).toEqual([
      {code: 'custom', path: ['examples', 'match'], message: 'the pattern does not match its example "refund issued"'},
      {code: 'custom', path: ['examples', 'nonMatch'], message: 'the pattern matches its non-example "charge declined twice"'},
    ])
  })

  it('an example none of its keywords occurs in', () => {
    expect(issues({keywords: ['refused']})).toEqual([{code: 'custom', path: ['keywords'], message: 'no keyword occurs in the example "charge declined for order 7"'}])
  })

  it('is accepted without keywords, or with any one of several in each example', () => {
    const {keywords: _keywords, ...noKeywords} = marker
    expect(UserSeverityMarkerSchema.safeParse(noKeywords).success).toBe(true)
    expect(issues({keywords: ['declined', 'refused']})).toBeUndefined()
  })
})
