import {stat} from 'node:fs/promises'
import type {Readable} from 'node:stream'

import {SecretBlockFilter} from '../../redact/secret-blocks.js'
import {severityMarkersWith, timestampLayoutsWith, type UserSeverityMarker, type UserTimestampLayout} from './catalogue/user-catalogue.js'
import {SeverityMarkers} from './content-severity.js'
import {DEFAULT_MAX_LINE_CHARS, readLines, type ReadStats, type SourceLimits} from './line-reader.js'
import {TimestampLayouts} from './line-layout.js'
import type {LogAggregator} from './log-aggregator.js'
import {isLogDocument, LogDocumentError, readLogDocument} from './exports/read-log-document.js'
import type {EntryKind, LogFileSummary} from './log-digest.js'
import {isBinaryLine, SourceReader, type LogEntry, type TimeReference} from './source-reader.js'

/**
 * One log source (a file, a byte range of one, or stdin) streamed through a SourceReader into an
 * aggregator. This is the I/O side: the reading itself (layout, traces, levels, times) is the
 * reader's. The year and zone of stamps that lack them come from the reference the caller gives
 * (--started-at, the alert), else from the file's modification time; stdin has none.
 */
export interface SourceAnalysisOptions {
  maxLineChars?: number
  stdin?: Readable
  range?: {start: number; end: number}
  reading?: ReadingOptions
  sourceLimits?: Partial<SourceLimits>
}

const BINARY_LINES_TO_JUDGE = 2000
const BINARY_SHARE_TO_STOP = 0.9

/**
 * What the readers take from the incident: the time reference, and the user's entries for the
 * catalogues (from the config file). Plain data, so it travels to worker threads as it is.
 */
export interface ReadingOptions {
  reference?: TimeReference | null
  severityMarkers?: UserSeverityMarker[]
  timestampLayouts?: UserTimestampLayout[]
}

/** Streams one source (or one byte range of it) into `aggregator`; the summary's line numbers are range-relative. */
export async function analyzeSource(source: string, aggregator: LogAggregator, now: Date, options: SourceAnalysisOptions): Promise<LogFileSummary> {
  const maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS
  const reading = options.reading ?? {}
  const reference = reading.reference ?? (await modificationTime(source))
  const reader = new SourceReader(source, aggregator, {now, reference, ...compiledCatalogues(reading)})
  // An export of a log store (one JSON document) is read whole, entry by entry.
  if (options.range === undefined && (await isLogDocument(source))) {
    try {
      const exported = await readLogDocument(source)
      exported.entries.forEach((entry, i) => reader.entry(entry, i + 1))
      return reader.finish({lines: exported.entries.length, bytes: exported.bytes}, {format: exported.kind})
    } catch (error) {
      if (!(error instanceof LogDocumentError)) throw error
      return reader.finish({lines: 0, bytes: 0}, {skipped: [{reason: `not read: the file ${error.message}`, count: 1}]})
    }
  }
  // Key material over several lines is dropped before anything splits it into events.
  const secretBlocks = new SecretBlockFilter()
  let keyLines = 0
  let binaryLines = 0
  let binaryStop = false
  const stats = await readLines(
    source,
    (line, lineNumber) => {
      const kept = secretBlocks.filter(line)
      if (kept === null) {
        keyLines++
        return true
      }
      // Random bytes (`--logs /dev/urandom`) have line breaks but are no log: stop reading them.
      if (isBinaryLine(kept) && ++binaryLines >= BINARY_LINES_TO_JUDGE * BINARY_SHARE_TO_STOP && lineNumber <= BINARY_LINES_TO_JUDGE) binaryStop = true
      reader.line(kept, lineNumber)
      return !binaryStop
    },
    {maxLineChars, stdin: options.stdin, range: options.range, sourceLimits: options.sourceLimits},
  )
  const stopped = binaryStop ? [{reason: `read stopped: ${BINARY_SHARE_TO_STOP * 100}% of the first ${BINARY_LINES_TO_JUDGE.toLocaleString('en-US')} lines were binary, not a text log`, count: 1}] : []
  return reader.finish(stats, {skipped: [...readProblems(stats, maxLineChars), {reason: 'private key material (dropped, not read)', count: keyLines}, ...stopped]})
}

// Compiled once per options object: every file of one analysis shares it.
const compiled = new WeakMap<ReadingOptions, {markers?: SeverityMarkers; layouts?: TimestampLayouts}>()

/** The catalogues extended with the user's entries; undefined (the built-in ones) when there are none. */
export function compiledCatalogues(reading: ReadingOptions): {markers?: SeverityMarkers; layouts?: TimestampLayouts} {
  let result = compiled.get(reading)
  if (!result) {
    result = {
      markers: reading.severityMarkers?.length ? new SeverityMarkers(severityMarkersWith(reading.severityMarkers)) : undefined,
      layouts: reading.timestampLayouts?.length ? new TimestampLayouts(timestampLayoutsWith(reading.timestampLayouts)) : undefined,
    }
    compiled.set(reading, result)
  }
  return result
}

/**
 * Entries that did not come from a log file (Kubernetes events and terminations, a live log
 * store's answer), analysed like one source named `label`: the entry point for pushing records
 * with labels into the same analysis as the files.
 */
export interface EntrySource {
  label: string
  kind: EntryKind
  entries: readonly LogEntry[]
}

export function analyzeEntries(source: EntrySource, aggregator: LogAggregator, now: Date, reading: ReadingOptions = {}): LogFileSummary {
  const reader = new SourceReader(source.label, aggregator, {now, reference: reading.reference ?? null, ...compiledCatalogues(reading)})
  source.entries.forEach((entry, i) => reader.entry(entry, entry.line ?? i + 1))
  return reader.finish({lines: source.entries.length, bytes: 0}, {format: source.kind})
}

/** The file's modification time as the reference for year-less stamps; none for stdin. */
export async function modificationTime(source: string): Promise<TimeReference | null> {
  if (source === '-') return null
  const info = await stat(source).catch(() => null)
  return info ? {at: info.mtimeMs, offsetMinutes: null, source: 'file-mtime'} : null
}

function readProblems(stats: ReadStats, maxLineChars: number): Array<{reason: string; count: number}> {
  return [
    {reason: `line longer than ${maxLineChars} chars (truncated)`, count: stats.truncatedLines},
    {reason: 'invalid UTF-8 (kept with replacement characters)', count: stats.invalidUtf8Lines},
    ...(stats.streamError !== null ? [{reason: `read stopped early: ${stats.streamError}`, count: 1}] : []),
    ...(stats.limitReached !== null ? [{reason: stats.limitReached, count: 1}] : []),
  ]
}
