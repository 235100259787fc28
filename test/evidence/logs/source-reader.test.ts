import {describe, expect, it} from 'vitest'

import type {LogRecord} from '../../../src/evidence/logs/log-record.js'
import {emptyRecord} from '../../../src/evidence/logs/log-record.js'
import {SourceReader, type TimeReference} from '../../../src/evidence/logs/source-reader.js'

interface Seen {
  line: number
  ts: string | null
  level: LogRecord['level']
  message: string
  trace: number
}

function read(lines: string[], reference: TimeReference | null = null) {
  const seen: Seen[] = []
  const sink = {
    add(record: LogRecord, _raw: string, _file: string, line: number, trace: readonly string[]) {
      seen.push({line, ts: Number.isNaN(record.ts) ? null : new Date(record.ts).toISOString(), level: record.level, message: record.message, trace: trace.length})
    },
  }
  const reader = new SourceReader('app.log', sink, {now: new Date('2026-01-01T00:00:00Z'), reference})
  lines.forEach((line, i) => reader.line(line, i + 1))
  const summary = reader.finish({lines: lines.length, bytes: 0})
  return {seen, summary, reading: summary.reading!}
}

const mtime: TimeReference = {at: Date.parse('2025-12-11T08:00:00Z'), offsetMinutes: null, source: 'file-mtime'}

describe('SourceReader', () => {
  it('interpolates untimed events between timed neighbours and carries the ones before the first and after the last', () => {
    const {seen, reading} = read(['starting', '2025-03-01T10:00:00Z INFO a', 'b', 'c', 'd', '2025-03-01T10:00:04Z INFO e', 'f'])
    expect(seen.map((s) => s.ts)).toEqual([
      '2025-03-01T10:00:00.000Z',
      '2025-03-01T10:00:00.000Z',
      '2025-03-01T10:00:01.000Z',
      '2025-03-01T10:00:02.000Z',
      '2025-03-01T10:00:03.000Z',
      '2025-03-01T10:00:04.000Z',
      '2025-03-01T10:00:04.000Z',
    ])
    expect(reading.timing).toEqual({own: 2, interpolated: 3, carried: 2, none: 0})
  })

  it('leaves a file with no times untimed, in order, and anchors it on the reference', () => {
    const {seen, reading} = read(['Starting server on :8080', 'java.lang.OutOfMemoryError: Java heap space', '\tat com.shop.Cart.load(Cart.java:88)', 'Shutting down'], mtime)
    expect(seen.map((s) => s.ts)).toEqual([null, null, null])
    expect(reading.timing).toEqual({own: 0, interpolated: 0, carried: 0, none: 3})
    expect(reading.anchor).toEqual({at: '2025-12-11T08:00:00.000Z', source: 'file-mtime'})
    expect(reading.timestampLayout).toBeNull()
    // Without timestamps, the exception after a line that said no error is an event of its own, with its frame.
    expect(seen.map((s) => [s.message, s.level, s.trace])).toEqual([
      ['Starting server on :8080', null, 0],
      ['java.lang.OutOfMemoryError: Java heap space', 'error', 1],
      ['Shutting down', null, 0],
    ])
    expect(reading.levels).toMatchObject({error: 1, unknown: 2, fromContent: 1})
  })

  it('keeps an exception after a timed line as its trace, and makes one after an untimed line an event of its own', () => {
    const timed = read(['2025-03-01T10:00:00Z loading cart', 'java.lang.IllegalStateException: cart 7 is locked', '\tat com.shop.Cart.load(Cart.java:88)'], mtime)
    expect(timed.seen.map((s) => [s.level, s.trace])).toEqual([['error', 2]])
    const untimed = read(['ERROR loading cart', 'java.lang.IllegalStateException: cart 7 is locked', '\tat com.shop.Cart.load(Cart.java:88)'], mtime)
    expect(untimed.seen.map((s) => [s.message, s.level, s.trace])).toEqual([
      ['ERROR loading cart', 'error', 0],
      ['java.lang.IllegalStateException: cart 7 is locked', 'error', 1],
    ])
  })

  it('takes the level from content when no level word says it, and never over one that does', () => {
    const {seen, reading} = read(
      [
        'Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186',
        'Dec 10 07:08:28 LabSZ sshd[24208]: error: Received disconnect from 112.95.230.3: 14: No more user authentication methods available. [preauth]',
        'Dec 10 07:08:30 LabSZ sshd[24210]: Accepted password for fztu from 119.137.62.142 port 49116 ssh2',
      ],
      mtime,
    )
    expect(seen.map((s) => s.level)).toEqual(['warn', 'error', null])
    expect(seen[0].ts).toBe('2025-12-10T06:55:46.000Z')
    expect(reading).toMatchObject({timestampLayout: 'syslog-rfc3164', yearFrom: 'file-mtime', zoneFrom: 'utc-assumed', levels: {error: 1, warn: 1, unknown: 1, fromContent: 2}})
    const stated = read(['2025-03-01T10:00:00Z INFO instruction cache parity error corrected, error: none pending'])
    expect(stated.seen[0].level).toBe('info')
  })

  it('counts as errors the lines the issue found counted as none, untimed, with no level word', () => {
    const {seen} = read(
      [
        'Starting payments-worker',
        'java.lang.OutOfMemoryError: Java heap space',
        '/bin/sh: syntax error: unexpected "fi"',
        "urllib3.exceptions.NameResolutionError: <urllib3.connection.HTTPSConnection object at 0x7f3c2a1b4d90>: Failed to resolve 'api.example.com' ([Errno -2] Name or service not known)",
        'Caught Java Network Exception while calling the ledger',
        'Payment retried - Time: 2025-06-20 13:14:40',
      ],
      mtime,
    )
    expect(seen.map((s) => s.level)).toEqual([null, 'error', 'error', 'error', 'error', null])
    expect(seen.at(-1)!.ts).toBe('2025-06-20T13:14:40.000Z')
  })

  it('reads a logcat level column of single letters, and the level klog writes before its date', () => {
    const logcat = read(
      [
        '03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogsopening app wtoken',
        '03-17 16:13:38.819  1702  8671 E PowerManagerService: Exception while waking: java.lang.SecurityException',
        '03-17 16:13:38.820  1702  8671 W ActivityManager: Slow operation: 62ms so far, now at startProcess: done updating battery stats',
      ],
      mtime,
    )
    expect(logcat.seen.map((s) => s.level)).toEqual(['debug', 'error', 'warn'])
    expect(logcat.reading.levelField).toBe(4)
    const klog = read(['I1120 10:00:00.000000       1 main.go:10] Starting controller', 'E1120 10:00:01.000000       1 main.go:12] sync failed'], mtime)
    expect(klog.seen.map((s) => [s.ts, s.level])).toEqual([
      ['2025-11-20T10:00:00.000Z', 'info'],
      ['2025-11-20T10:00:01.000Z', 'error'],
    ])
  })

  it('reads year-less stamps in the zone --started-at was written in, and says so', () => {
    const reference: TimeReference = {at: Date.parse('2025-06-20T12:00:00Z'), offsetMinutes: 120, source: 'started-at'}
    const {seen, reading} = read(['Jun 20 13:14:40 web-1 app[7]: payment failed'], reference)
    expect(seen[0].ts).toBe('2025-06-20T11:14:40.000Z')
    expect(reading).toMatchObject({yearFrom: 'started-at', zoneFrom: 'started-at'})
  })

  it('does not read year-less stamps when nothing gives a year (stdin without --started-at)', () => {
    const {seen, reading} = read(['Jun 20 13:14:40 web-1 app[7]: payment failed'], null)
    expect(seen[0].ts).toBeNull()
    expect(reading.timing.none).toBe(1)
    expect(reading.anchor).toBeNull()
  })

  it('takes records parsed elsewhere through the same levels and timing', () => {
    const seen: Array<[number, string | null]> = []
    const reader = new SourceReader('events.json', {add: (record) => void seen.push([record.ts, record.level])}, {now: new Date('2026-01-01T00:00:00Z'), reference: null})
    const crash = emptyRecord()
    crash.ts = Date.parse('2025-03-01T10:00:00Z')
    crash.message = 'Back-off restarting failed container api in pod checkout-7d9f8b6c5-x2x9q'
    reader.record(crash, crash.message, 1)
    const summary = reader.finish({lines: 1, bytes: 10}, {format: 'kubernetes'})
    expect(seen).toEqual([[Date.parse('2025-03-01T10:00:00Z'), 'error']])
    expect(summary).toMatchObject({format: 'kubernetes', reading: {events: 1, levels: {error: 1, fromContent: 1}}})
  })
})
