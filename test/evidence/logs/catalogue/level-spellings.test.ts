import {describe, expect, it} from 'vitest'

import {LEVEL_SPELLINGS, SYSLOG_PRIORITY_EXAMPLES, syslogPriorityLevel} from '../../../../src/evidence/logs/catalogue/level-spellings.js'
import {normalizeLevel, type LogRecord} from '../../../../src/evidence/logs/log-record.js'
import {SourceReader, type TimeReference} from '../../../../src/evidence/logs/source-reader.js'

// Year- and date-less layouts (Serilog's console `[10:00:02 FTL]`, klog) take their date from here.
const reference: TimeReference = {at: Date.parse('2024-06-12T12:00:00Z'), offsetMinutes: null, source: 'file-mtime'}

/** Reads `lines` as one file: each event's level, its first line and how many lines it carried. */
function read(lines: readonly string[]) {
  const events: Array<{level: LogRecord['level']; line: number; trace: number}> = []
  const sink = {
    add(record: LogRecord, _raw: string, _file: string, line: number, trace: readonly string[]) {
      events.push({level: record.level, line, trace: trace.length})
    },
  }
  const reader = new SourceReader('app.log', sink, {now: new Date('2024-06-13T00:00:00Z'), reference})
  lines.forEach((line, i) => reader.line(line, i + 1))
  reader.finish({lines: lines.length, bytes: 0})
  return events
}

describe('level spelling catalogue', () => {
  it('has unique ids, and every word in lower case', () => {
    expect(new Set(LEVEL_SPELLINGS.map((s) => s.id)).size).toBe(LEVEL_SPELLINGS.length)
    for (const spelling of LEVEL_SPELLINGS) for (const word of Object.keys(spelling.words)) expect(word, spelling.id).toBe(word.toLowerCase())
  })

  for (const spelling of LEVEL_SPELLINGS) {
    describe(spelling.id, () => {
      it('reads the level of each of its examples, alone in a file', () => {
        expect(spelling.examples.length).toBeGreaterThan(0)
        for (const {line, level} of spelling.examples) expect(read([line]).map((e) => e.level), line).toEqual([level])
      })

      it('reads them all as one file, one event per line', () => {
        const lines = spelling.examples.map((e) => e.line)
        expect(read(lines).map((e) => e.level)).toEqual(spelling.examples.map((e) => e.level))
      })

      it('names its words as level fields too (JSON, logfmt)', () => {
        for (const [word, level] of Object.entries(spelling.words)) {
          expect(normalizeLevel(word), word).toBe(level)
          expect(normalizeLevel(word.toUpperCase()), word).toBe(level)
        }
      })
    })
  }
})

describe('dotnet-console events', () => {
  // The shape of a Kestrel failure in a container's output: level and category, then the message,
  // the exception and its frames indented under it.
  const output = [
    'info: Microsoft.Hosting.Lifetime[14]',
    '      Now listening on: http://[::]:8080',
    'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
    '      Connection id "0HN4PV7A1B2C3", Request id "0HN4PV7A1B2C3:00000001": An unhandled exception was thrown by the application.',
    '      System.InvalidOperationException: Could not connect to the library instance',
    '         at Shop.Library.Client.GetToken(String baseUrl) in /src/Shop/Library/Client.cs:line 36',
    'warn: Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionMiddleware[3]',
    '      Failed to determine the https port for redirect.',
  ]

  it('starts an event at each level line, with the indented lines under it as its own', () => {
    expect(read(output)).toEqual([
      {level: 'info', line: 1, trace: 1},
      {level: 'error', line: 3, trace: 3},
      {level: 'warn', line: 7, trace: 1},
    ])
  })
})

describe('syslog priorities', () => {
  it('reads the severity of a <PRI> in front of the line', () => {
    for (const {line, level} of SYSLOG_PRIORITY_EXAMPLES) expect(read([line]).map((e) => e.level), line).toEqual([level])
  })

  it('takes facility × 8 + severity, and nothing from a number that is no priority', () => {
    expect([0, 3, 4, 5, 6, 7, 11, 12, 189, 191].map((pri) => syslogPriorityLevel(`<${pri}>x`))).toEqual(['error', 'error', 'warn', 'info', 'info', 'debug', 'error', 'warn', 'info', 'debug'])
    expect(['<192>x', '<1234>x', '<>x', '<3 x', 'x <3>'].map(syslogPriorityLevel)).toEqual([null, null, null, null, null])
  })

  it('reads a priority only between < and >, of one to three digits', () => {
    expect(['(3>x', '<1/>x', '<0001>x'].map(syslogPriorityLevel)).toEqual([null, null, null])
    expect(syslogPriorityLevel('<001>x')).toBe('error')
  })
})

describe('loggers whose levels the common words already read', () => {
  it.each([
    ['Ruby Logger', 'E, [2024-06-12T10:00:01.123456 #4242] ERROR -- : Order 42 could not be saved', 'error'],
    ['Ruby Logger', 'F, [2024-06-12T10:00:02.123456 #4242] FATAL -- : Puma worker terminated', 'error'],
    ['klog', 'E0612 10:00:01.123456    4242 controller.go:123] Order 42 could not be synced', 'error'],
    ['klog', 'F0612 10:00:02.123456    4242 main.go:99] Cannot continue', 'error'],
    ['Python logging', '2024-06-12 10:00:01,123 - shop - CRITICAL - order 42 could not be saved', 'error'],
    ['Python basicConfig', 'CRITICAL:root:database unreachable', 'error'],
    ['journald JSON', '{"__REALTIME_TIMESTAMP":"1718186401123456","PRIORITY":"3","SYSLOG_IDENTIFIER":"shop","MESSAGE":"order 42 could not be saved"}', 'error'],
  ])('%s: %s', (_logger, line, level) => {
    expect(read([line]).map((e) => e.level)).toEqual([level])
  })
})
