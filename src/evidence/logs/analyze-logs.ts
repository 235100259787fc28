import {availableParallelism} from 'node:os'
import type {Readable} from 'node:stream'

import type {EvidenceItem} from '../../incident/evidence-item.js'
import {buildDigest} from './build-digest.js'
import {analyzeInWorkers, splitForWorkers} from './parallel-analysis.js'
import {readLines, DEFAULT_MAX_LINE_CHARS} from './line-reader.js'
import {detectFormat, parseLine, type LogFormat} from './line-parsers.js'
import {LogAggregator, type AggregatorLimits} from './log-aggregator.js'
import type {LogDigest, LogFileSummary} from './log-digest.js'
import type {LogRecord} from './log-record.js'
import {isTraceContinuation, startsPanic} from './stack-trace.js'
import type {MinerSettings} from './template-miner.js'

/**
 * Streams log files (plain, gzip, or `-` for stdin) once and returns a bounded digest plus
 * citable evidence items. Bad input never throws: what could not be used is counted per file
 * under `skipped` with the reason.
 */
export interface LogAnalysisOptions {
  /** When the incident was declared, if known: picks the change-point nearest to it. */
  onsetHint?: Date | null
  redactIps?: boolean
  /** Templates reported in the digest (default 200). */
  maxTemplates?: number
  miner?: Partial<MinerSettings>
  limits?: Partial<AggregatorLimits>
  maxLineChars?: number
  /** The clock: timestamps beyond now + 1 h are distrusted; syslog lines take its year. */
  now?: () => Date
  stdin?: Readable
  /**
   * Worker threads for one large (≥ 64 MB) plain file; default 1 (in process). On a busy 2-core
   * machine two workers measured slower than one (startup and merge cost) and took peak RSS on
   * 1 GB from 170 to 255 MB, so it is opt-in.
   */
  workers?: number
}

export interface LogAnalysis {
  digest: LogDigest
  items: EvidenceItem[]
}

const DETECT_SAMPLE_LINES = 50
const MAX_TRACE_LINES = 100
const FUTURE_SLACK_MS = 3_600_000
const EARLIEST_PLAUSIBLE_MS = Date.UTC(2000, 0, 1)
const BLANK = /^\s*$/
const NO_TRACE: readonly string[] = Object.freeze([])

export async function analyzeLogs(sources: string[], options: LogAnalysisOptions = {}): Promise<LogAnalysis> {
  const now = options.now?.() ?? new Date()
  const aggregator = new LogAggregator(options.miner, options.limits)
  const files: LogFileSummary[] = []
  const workers = Math.min(options.workers ?? 1, availableParallelism())
  for (const source of sources) {
    const ranges = workers > 1 ? await splitForWorkers(source, workers) : null
    files.push(ranges ? await analyzeInWorkers(source, ranges, aggregator, now, options) : await analyzeSource(source, aggregator, now, options))
  }
  aggregator.totals.lines = files.reduce((sum, file) => sum + file.lines, 0)
  return buildDigest(aggregator, files, {
    onsetHint: options.onsetHint ? options.onsetHint.getTime() : null,
    redactIps: options.redactIps ?? false,
    maxTemplates: options.maxTemplates ?? 200,
    maxBucketsOut: aggregator.limits.maxBuckets,
    maxEndpoints: 50,
    maxExceptions: 50,
    maxTopUsers: 10,
  })
}

export type SourceAnalysisOptions = Pick<LogAnalysisOptions, 'maxLineChars' | 'stdin'> & {range?: {start: number; end: number}}

/** Streams one source (or one byte range of it) into `aggregator`; the summary's line numbers are range-relative. */
export async function analyzeSource(source: string, aggregator: LogAggregator, now: Date, options: SourceAnalysisOptions): Promise<LogFileSummary> {
  const skipped = new Map<string, number>()
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1)
  const latestTrusted = now.getTime() + FUTURE_SLACK_MS
  const maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS

  let format: LogFormat | null = null
  const head: Array<[string, number]> = []
  // `trace` stays null until a continuation line arrives: most events have none, and an empty
  // array per line was garbage for nothing.
  let pending: {record: LogRecord; raw: string; line: number; trace: string[] | null} | null = null
  let inTrace = false
  let lastTs = Number.NaN

  const flush = () => {
    if (!pending) return
    aggregator.add(pending.record, pending.raw, source, pending.line, pending.trace ?? NO_TRACE)
    pending = null
  }

  const handle = (line: string, lineNumber: number) => {
    const c = line.charCodeAt(0)
    if (line.length === 0 || ((c === 32 || c === 9) && BLANK.test(line))) {
      skip('blank line')
      return
    }
    if (line.includes('\u0000') || mostlyReplacement(line)) {
      skip('binary content')
      return
    }
    const mayContinue = c === 32 || c === 9 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    if (pending && mayContinue && !startsPanic(line) && isTraceContinuation(line, inTrace)) {
      pending.trace ??= []
      if (pending.trace.length < MAX_TRACE_LINES) pending.trace.push(line.slice(0, 500))
      else skip('stack trace lines beyond 100 per event (counted, not kept)')
      inTrace = true
      return
    }
    const record = parseLine(line, format!, now)
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
    pending = {record, raw: line, line: lineNumber, trace: null}
  }

  const stats = await readLines(
    source,
    (line, lineNumber) => {
      if (format === null) {
        head.push([line, lineNumber])
        if (head.length < DETECT_SAMPLE_LINES) return
        format = detectFormat(head.map(([text]) => text), now)
        for (const [text, n] of head) handle(text, n)
        head.length = 0
        return
      }
      handle(line, lineNumber)
    },
    {maxLineChars, stdin: options.stdin, range: options.range},
  )
  if (format === null) {
    format = detectFormat(head.map(([text]) => text), now)
    for (const [text, n] of head) handle(text, n)
  }
  flush()
  if (stats.truncatedLines > 0) skipped.set(`line longer than ${maxLineChars} chars (truncated)`, stats.truncatedLines)
  if (stats.invalidUtf8Lines > 0) skipped.set('invalid UTF-8 (kept with replacement characters)', stats.invalidUtf8Lines)
  if (stats.streamError !== null) skipped.set(`read stopped early: ${stats.streamError}`, 1)
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
