import {describe, expect, it} from 'vitest'

import type {FileReading, LogFileSummary} from '../../../src/evidence/logs/log-digest.js'
import {readingNotes} from '../../../src/evidence/logs/reading-notes.js'

const reading = (patch: Partial<FileReading>): FileReading => ({
  timestampLayout: 'iso8601',
  timestampPlace: 'line start',
  levelField: null,
  events: 100,
  timing: {own: 100, interpolated: 0, carried: 0, none: 0},
  levels: {error: 3, warn: 1, info: 96, debug: 0, unknown: 0, fromContent: 0},
  yearFrom: 'lines',
  zoneFrom: 'lines',
  anchor: null,
  adjusted: [],
  ...patch,
})
const file = (path: string, patch: Partial<FileReading>, skipped: LogFileSummary['skipped'] = []): LogFileSummary => ({path, format: 'plain', lines: 100, bytes: 1000, skipped, reading: reading(patch)})

describe('readingNotes', () => {
  it('says nothing of a file read whole', () => {
    expect(readingNotes([file('app.log', {})])).toEqual({warnings: [], limitations: []})
  })

  it('warns of a file with no times, anchored or not', () => {
    const anchored = readingNotes([file('pod.log', {timestampLayout: null, yearFrom: null, zoneFrom: null, timing: {own: 0, interpolated: 0, carried: 0, none: 100}, anchor: {at: '2025-06-20T13:10:00.000Z', source: 'alert'}})])
    expect(anchored.warnings).toEqual([
      "pod.log: no line carried a time that could be read; its 100 events are kept in order and counted, anchored on the alert (2025-06-20 13:10 UTC), so their times are approximate and they are left out of the error-rate timeline.",
    ])
    const stdin = readingNotes([file('-', {timestampLayout: null, timing: {own: 0, interpolated: 0, carried: 0, none: 100}})])
    expect(stdin.warnings[0]).toMatch(/^-: no line carried a time that could be read and nothing gave one/)
  })

  it('calls times approximate when many events borrowed them, and names assumed years and zones', () => {
    const notes = readingNotes([file('mixed.log', {timestampLayout: 'syslog-rfc3164', yearFrom: 'file-mtime', zoneFrom: 'utc-assumed', timing: {own: 60, interpolated: 30, carried: 10, none: 0}})])
    expect(notes.warnings).toEqual(["mixed.log: 40 of 100 events had no time of their own and were given their neighbours' (interpolated or carried), so their times are approximate."])
    expect(notes.limitations).toContain("mixed.log: its timestamps (syslog-rfc3164) carry no year or zone; read with the year from the file's modification time and the zone as UTC (none was given).")
  })

  it('warns when nothing in a file was recognised as an error or warning, not when the file says info', () => {
    const unclassified = readingNotes([file('stdout.log', {levels: {error: 0, warn: 0, info: 0, debug: 0, unknown: 100, fromContent: 0}})])
    expect(unclassified.warnings).toEqual(['stdout.log: no line was recognised as an error or a warning (100 of 100 events carry no level field or word and no known error marker), so errors written there in other words are not counted.'])
    expect(readingNotes([file('quiet.log', {levels: {error: 0, warn: 0, info: 100, debug: 0, unknown: 0, fromContent: 0}})]).warnings).toEqual([])
  })

  it('lists skipped and re-timed lines as limitations', () => {
    const notes = readingNotes([file('app.log', {adjusted: [{reason: 'timestamp in the future (time taken from the neighbouring lines)', count: 2}]}, [{reason: 'blank line', count: 3}])])
    expect(notes.limitations).toEqual(['app.log: 3 line(s) skipped (blank line).', 'app.log: 2 line(s) kept with another time (timestamp in the future (time taken from the neighbouring lines)).'])
  })
})
