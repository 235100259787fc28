import type {Readable} from 'node:stream'

import {SecretBlockFilter} from '../../redact/secret-blocks.js'
import {DEFAULT_MAX_LINE_CHARS, type SourceLimits} from './line-reader.js'
import {parseLine, type LogFormat} from './line-parsers.js'
import type {LogAggregator} from './log-aggregator.js'
import type {LogFileSummary} from './log-digest.js'
import type {LogRecord} from './log-record.js'
import {readFormattedLines} from './read-formatted-lines.js'
import {continuesEvent, startsPanic} from './stack-trace.js'

/**
 * One log source (a file, a byte range of one, or stdin) streamed into an aggregator: format
 * detection on the first lines, multi-line traces attached to the event that started them, and
 * timestamps that cannot be trusted replaced by the previous line's, each case counted.
 */
const MAX_TRACE_LINES = 100
const FUTURE_SLACK_MS = 3_600_000
const EARLIEST_PLAUSIBLE_MS = Date.UTC(2000, 0, 1)
const BLANK = /^\s*$/
const NO_TRACE: readonly string[] = Object.freeze([])
const BINARY_LINES_TO_JUDGE = 2000
const BINARY_SHARE_TO_STOP = 0.9

export interface SourceAnalysisOptions {
  maxLineChars?: number
  stdin?: Readable
  range?: {start: number; end: number}
  sourceLimits?: Partial<SourceLimits>
}

/** Streams one source (or one byte range of it) into `aggregator`; the summary's line numbers are range-relative. */
export async function analyzeSource(source: string, aggregator: LogAggregator, now: Date, options: SourceAnalysisOptions): Promise<LogFileSummary> {
  const skipped = new Map<string, number>()
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1)
  const latestTrusted = now.getTime() + FUTURE_SLACK_MS
  const maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS

  // The event waiting for possible trace lines, in plain variables rather than an object per line.
  // Its trace stays null until a continuation line arrives: most events have none.
  let pending: LogRecord | null = null
  let pendingRaw = ''
  let pendingLine = 0
  let pendingTrace: string[] | null = null
  let pendingAccess = false
  let inTrace = false
  let lastTs = Number.NaN
  let binaryLines = 0
  let binaryStop = false
  // Key material over several lines is dropped before anything splits it into events.
  const secretBlocks = new SecretBlockFilter()

  const flush = () => {
    if (!pending) return
    aggregator.add(pending, pendingRaw, source, pendingLine, pendingTrace ?? NO_TRACE, pendingAccess)
    pending = null
  }

  const handle = (rawLine: string, lineNumber: number, format: LogFormat) => {
    const line = secretBlocks.filter(rawLine)
    if (line === null) {
      skip('private key material (dropped, not read)')
      return
    }
    const c = line.charCodeAt(0)
    if (line.length === 0 || ((c === 32 || c === 9) && BLANK.test(line))) {
      skip('blank line')
      return
    }
    if (line.includes('\u0000') || mostlyReplacement(line)) {
      skip('binary content')
      // Random bytes (`--logs /dev/urandom`) have line breaks but are no log: stop reading them.
      if (++binaryLines >= BINARY_LINES_TO_JUDGE * BINARY_SHARE_TO_STOP && lineNumber <= BINARY_LINES_TO_JUDGE) {
        binaryStop = true
        return false
      }
      return
    }
    if (pending && continuesEvent(line, inTrace)) {
      pendingTrace ??= []
      if (pendingTrace.length < MAX_TRACE_LINES) pendingTrace.push(line.slice(0, 500))
      else skip('stack trace lines beyond 100 per event (counted, not kept)')
      inTrace = true
      return
    }
    const record = parseLine(line, format, now)
    flush()
    inTrace = startsPanic(line)
    if (inTrace) record.level = 'error'
    if (Number.isNaN(record.ts)) {
      skip('no timestamp (took the previous line\'s)')
      record.ts = lastTs
    } else if (record.ts > latestTrusted) {
      skip('timestamp in the future (took the previous line\'s)')
      record.ts = lastTs
    } else if (record.ts < EARLIEST_PLAUSIBLE_MS) {
      skip('timestamp before 2000 (took the previous line\'s)')
      record.ts = lastTs
    } else {
      if (record.ts < lastTs) skip('timestamp out of order (kept)')
      lastTs = record.ts
    }
    pending = record
    pendingRaw = line
    pendingLine = lineNumber
    pendingTrace = null
    pendingAccess = format === 'access'
  }

  const {stats, format} = await readFormattedLines(source, handle, {maxLineChars, stdin: options.stdin, range: options.range, now, sourceLimits: options.sourceLimits})
  flush()
  if (stats.truncatedLines > 0) skipped.set(`line longer than ${maxLineChars} chars (truncated)`, stats.truncatedLines)
  if (stats.invalidUtf8Lines > 0) skipped.set('invalid UTF-8 (kept with replacement characters)', stats.invalidUtf8Lines)
  if (stats.streamError !== null) skipped.set(`read stopped early: ${stats.streamError}`, 1)
  if (stats.limitReached !== null) skipped.set(stats.limitReached, 1)
  if (binaryStop) skipped.set(`read stopped: ${BINARY_SHARE_TO_STOP * 100}% of the first ${BINARY_LINES_TO_JUDGE.toLocaleString('en-US')} lines were binary, not a text log`, 1)
  return {
    path: source,
    format: stats.lines === 0 ? 'empty' : format,
    lines: stats.lines,
    bytes: stats.bytes,
    skipped: [...skipped.entries()].map(([reason, count]) => ({reason, count})),
  }
}

/** Invalid UTF-8 in a few places is a text line; mostly replacement characters is binary. */
function mostlyReplacement(line: string): boolean {
  if (!line.includes('\uFFFD')) return false
  let bad = 0
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 0xfffd) bad++
  return bad * 4 > line.length
}
