import {DEFAULT_SEVERITY_MARKERS, SeverityMarkers} from './content-severity.js'
import {DEFAULT_LAYOUTS, type TimestampLayouts} from './line-layout.js'
import {learnLineLayout, parseLine, type LineLayout, type ParseContext} from './line-parsers.js'
import type {EntryKind, FileReading, LogFileSummary, TimeSource} from './log-digest.js'
import {emptyRecord, normalizeLevel, type LogRecord} from './log-record.js'
import {recordFromFields} from './structured-fields.js'
import {continuesEvent, startsPanic} from './stack-trace.js'

/**
 * One log source read event by event, with no I/O of its own: lines are pushed in (from a file,
 * a stream, a log store's answer), or records already parsed (an export, Kubernetes events), and
 * finished events go to the sink in order. It learns the source's layout from its first lines,
 * attaches multi-line traces to the event that started them, takes the level from content when
 * nothing else says it, and gives untimed events a time from their timed neighbours (interpolated
 * between two, carried from one), or leaves them untimed when the source has none; every case is
 * counted in the summary's `reading`.
 */
export interface EventSink {
  /** `access`: the event is a line of an access log (its requests are counted apart from the application's). */
  add(record: LogRecord, rawLine: string, file: string, line: number, continuation: readonly string[], access: boolean): void
}

/** What the year and zone of stamps that lack them are taken from: never the clock. */
export interface TimeReference {
  at: number
  /** Minutes east of UTC when the reference said its zone (an offset in --started-at), else null: UTC assumed. */
  offsetMinutes: number | null
  source: Extract<TimeSource, 'started-at' | 'alert' | 'file-mtime'>
}

export interface ReaderOptions {
  /** Only to distrust stamps more than an hour ahead of it. */
  now: Date
  reference: TimeReference | null
  markers?: SeverityMarkers
  layouts?: TimestampLayouts
}

const DETECT_SAMPLE_LINES = 50
const MAX_TRACE_LINES = 100
const FUTURE_SLACK_MS = 3_600_000
const EARLIEST_PLAUSIBLE_MS = Date.UTC(2000, 0, 1)
/** Untimed events held while waiting for the next timed one; past this they are carried from the last. */
const MAX_HELD_EVENTS = 1000
const BLANK = /^\s*$/
/** The first line of a Java/Node/Python exception or a Python traceback ("Caused by:" continues one). */
const EXCEPTION_START = /^(?:Traceback \(most recent call last\)|(?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(?:Exception|Error|Throwable)(?::|$))/
const NO_TRACE: readonly string[] = Object.freeze([])

/**
 * One entry of a log store's answer or export: the text of a log line as the store kept it, the
 * store's own time for it, and what else it knows (a level label, stream labels, structured
 * attributes). The text is read like a file's line (layout, level words, JSON); the store's time
 * and level win over what the text says, and its fields fill what the text does not.
 */
export interface LogEntry {
  text: string
  /** Epoch ms, or NaN when the store gave none. */
  ts: number
  level?: unknown
  fields?: Record<string, unknown>
  /** Where it is cited in its source (a line or object number); default its position in the answer. */
  line?: number
}

interface Held {
  record: LogRecord
  raw: string
  line: number
  trace: readonly string[]
  index: number
}

export class SourceReader {
  private layout: LineLayout | null = null
  /** Whether the source is an access log (its requests are counted apart from the application's). */
  private accessLog = false
  private head: Array<[string, number, LogEntry | null]> = []
  private readonly context: ParseContext
  private readonly markers: SeverityMarkers
  private readonly latestTrusted: number
  private readonly skipped = new Map<string, number>()
  private readonly adjusted = new Map<string, number>()

  // The event waiting for possible trace lines, in fields rather than an object per line; its
  // trace stays null until a continuation line arrives, since most events have none.
  private pending: LogRecord | null = null
  private pendingRaw = ''
  private pendingLine = 0
  private pendingTrace: string[] | null = null
  private inTrace = false

  private held: Held[] = []
  private lastTs = Number.NaN
  private lastTimedIndex = -1
  private readonly reading: FileReading = {
    timestampLayout: null,
    timestampPlace: null,
    levelField: null,
    events: 0,
    timing: {own: 0, interpolated: 0, carried: 0, none: 0},
    levels: {error: 0, warn: 0, info: 0, debug: 0, unknown: 0, fromContent: 0},
    yearFrom: null,
    zoneFrom: null,
    anchor: null,
    adjusted: [],
  }

  constructor(
    readonly source: string,
    private readonly sink: EventSink,
    private readonly options: ReaderOptions,
  ) {
    const reference = options.reference
    this.context = {time: {referenceMs: reference?.at ?? null, offsetMinutes: reference?.offsetMinutes ?? 0}, layouts: options.layouts ?? DEFAULT_LAYOUTS}
    this.markers = options.markers ?? DEFAULT_SEVERITY_MARKERS
    this.latestTrusted = options.now.getTime() + FUTURE_SLACK_MS
  }

  /** One raw line (numbered from 1 in its source). */
  line(text: string, lineNumber: number): void {
    if (this.layout !== null) {
      this.handle(text, lineNumber)
      return
    }
    this.head.push([text, lineNumber, null])
    if (this.head.length >= DETECT_SAMPLE_LINES) this.learn()
  }

  /** One entry of a log store's answer (see LogEntry), cited as `lineNumber` (its position in the answer). */
  entry(entry: LogEntry, lineNumber: number): void {
    if (this.layout !== null) {
      this.handleEntry(entry, lineNumber)
      return
    }
    this.head.push([firstLine(entry.text), lineNumber, entry])
    if (this.head.length >= DETECT_SAMPLE_LINES) this.learn()
  }

  /**
   * One event parsed elsewhere (an export's entry, a Kubernetes event), cited as `lineNumber`.
   * An event whose level is null gets one from its content like any line.
   */
  record(record: LogRecord, raw: string, lineNumber: number, trace: readonly string[] = NO_TRACE): void {
    this.flush()
    if (record.level === null) this.levelFromContent(record, trace.length > 0 ? `${record.message}\n${trace.slice(0, 3).join('\n')}` : record.message)
    this.time(record, raw, lineNumber, trace)
  }

  /**
   * Ends the source: what is still held is timed from the last timed event (or stays untimed).
   * `skipped` adds what the caller's reading lost (truncated lines, a broken stream).
   */
  finish(stats: {lines: number; bytes: number}, extra: {format?: EntryKind; skipped?: ReadonlyArray<{reason: string; count: number}>} = {}): LogFileSummary {
    if (this.layout === null && this.head.length > 0) this.learn()
    this.flush()
    this.release(this.held.length, Number.NaN)
    for (const {reason, count} of extra.skipped ?? []) if (count > 0) this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + count)
    this.describeTime()
    this.reading.adjusted = [...this.adjusted].map(([reason, count]) => ({reason, count}))
    return {
      path: this.source,
      format: stats.lines === 0 && this.reading.events === 0 ? 'empty' : (extra.format ?? this.layout?.format ?? 'plain'),
      lines: stats.lines,
      bytes: stats.bytes,
      skipped: [...this.skipped].map(([reason, count]) => ({reason, count})),
      reading: this.reading,
    }
  }

  private learn(): void {
    this.layout = learnLineLayout(
      this.head.map(([text]) => text),
      this.context,
      this.options.now.getTime(),
    )
    const stamp = this.layout.timestamp
    if (stamp) {
      this.reading.timestampLayout = stamp.layout.id
      this.reading.timestampPlace = stamp.from === 'start' ? (stamp.field === 0 ? 'line start' : `field ${stamp.field + 1}`) : stamp.field === 1 ? 'last field' : `field ${stamp.field} from the end`
    }
    this.reading.levelField = this.layout.level?.field ?? null
    this.accessLog = this.layout.format === 'access'
    const head = this.head
    this.head = []
    for (const [text, n, entry] of head) {
      if (entry) this.handleEntry(entry, n)
      else this.handle(text, n)
    }
  }

  private skip(reason: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1)
  }

  private adjust(reason: string): void {
    this.adjusted.set(reason, (this.adjusted.get(reason) ?? 0) + 1)
  }

  private handle(line: string, lineNumber: number): void {
    const c = line.charCodeAt(0)
    if (line.length === 0 || ((c === 32 || c === 9) && BLANK.test(line))) {
      this.skip('blank line')
      return
    }
    if (isBinaryLine(line)) {
      this.skip('binary content')
      return
    }
    if (this.pending && continuesEvent(line, this.inTrace) && !this.startsUntimedException(line)) {
      this.pendingTrace ??= []
      if (this.pendingTrace.length < MAX_TRACE_LINES) this.pendingTrace.push(line.slice(0, 500))
      else this.skip('stack trace lines beyond 100 per event (counted, not kept)')
      this.inTrace = true
      return
    }
    const record = parseLine(line, this.layout!, this.context)
    this.flush()
    this.inTrace = startsPanic(line)
    if (this.inTrace) record.level = 'error'
    else if (record.level === null) this.levelFromContent(record, record.stack === null ? record.message : `${record.message}\n${record.stack.slice(0, 500)}`)
    this.pending = record
    this.pendingRaw = line
    this.pendingLine = lineNumber
    this.pendingTrace = null
  }

  private handleEntry(entry: LogEntry, lineNumber: number): void {
    this.flush()
    const lines = entry.text.split('\n')
    const first = lines[0].replace(/\r$/, '')
    const trace = lines.slice(1, 1 + MAX_TRACE_LINES).filter((line) => line.trim() !== '').map((line) => line.slice(0, 500))
    const record = first.trim() === '' ? emptyRecord() : parseLine(first, this.layout!, this.context)
    if (entry.fields) fillFrom(record, recordFromFields(entry.fields, first))
    if (!Number.isNaN(entry.ts)) record.ts = entry.ts
    const stated = normalizeLevel(entry.level)
    if (stated !== null) record.level = stated
    if (record.message === '') record.message = first
    if (record.level === null) this.levelFromContent(record, trace.length > 0 ? `${record.message}\n${trace.slice(0, 3).join('\n')}` : record.message)
    this.time(record, first, lineNumber, trace)
  }

  /**
   * After a line with no time of its own (container stdout, untimed output), an exception or a
   * traceback is an event of its own ("Connecting to db" then "java.lang.OutOfMemoryError"), not
   * that line's trace: nothing says they belong together. Inside a trace, or after a timed line
   * (a logger's "ERROR msg" then its exception), it still continues the event.
   */
  private startsUntimedException(line: string): boolean {
    if (this.inTrace || this.pending === null || !Number.isNaN(this.pending.ts)) return false
    return EXCEPTION_START.test(line)
  }

  private levelFromContent(record: LogRecord, text: string): void {
    const marker = this.markers.markerOf(text)
    if (marker === null) return
    record.level = marker.level
    this.reading.levels.fromContent++
    // A failed login's source, so plain-text auth logs are counted by client like JSON ones.
    if (record.ip === null) record.ip = SeverityMarkers.clientOf(marker, text)
    if (marker.login === 'attempt' || marker.login === 'pam') record.loginFailure = marker.login
  }

  private flush(): void {
    const record = this.pending
    if (!record) return
    this.pending = null
    // A line that said nothing of its level, followed by an exception or traceback, was an error.
    if (record.level === null && this.pendingTrace !== null) this.levelFromContent(record, this.pendingTrace.slice(0, 3).join('\n'))
    this.time(record, this.pendingRaw, this.pendingLine, this.pendingTrace ?? NO_TRACE)
  }

  /** Gives the event its time (its own, or later from its neighbours) and passes it on in order. */
  private time(record: LogRecord, raw: string, line: number, trace: readonly string[]): void {
    const index = this.reading.events++
    let ts = record.ts
    if (ts > this.latestTrusted) {
      this.adjust('timestamp in the future (time taken from the neighbouring lines)')
      ts = Number.NaN
    } else if (ts < EARLIEST_PLAUSIBLE_MS) {
      this.adjust('timestamp before 2000 (time taken from the neighbouring lines)')
      ts = Number.NaN
    }
    if (Number.isNaN(ts)) {
      record.ts = Number.NaN
      this.held.push({record, raw, line, trace, index})
      if (this.held.length >= MAX_HELD_EVENTS) this.release(this.held.length, Number.NaN)
      return
    }
    if (ts < this.lastTs) this.adjust('timestamp out of order (kept)')
    if (this.held.length > 0) this.release(this.held.length, ts, index)
    this.reading.timing.own++
    this.emit(record, raw, line, trace)
    this.lastTs = ts
    this.lastTimedIndex = index
  }

  /**
   * Passes on the first `count` held events: interpolated between the last timed event and one at
   * `nextTs` (event `nextIndex`), carried from whichever of the two exists, or untimed.
   */
  private release(count: number, nextTs: number, nextIndex = -1): void {
    const held = this.held.splice(0, count)
    const t0 = this.lastTs
    for (const event of held) {
      let ts = Number.NaN
      if (!Number.isNaN(t0) && !Number.isNaN(nextTs) && nextTs >= t0) {
        ts = t0 + Math.round(((nextTs - t0) * (event.index - this.lastTimedIndex)) / (nextIndex - this.lastTimedIndex))
        this.reading.timing.interpolated++
      } else if (!Number.isNaN(t0) || !Number.isNaN(nextTs)) {
        ts = Number.isNaN(t0) ? nextTs : t0
        this.reading.timing.carried++
      } else {
        this.reading.timing.none++
      }
      event.record.ts = ts
      this.emit(event.record, event.raw, event.line, event.trace)
    }
  }

  private emit(record: LogRecord, raw: string, line: number, trace: readonly string[]): void {
    // A switch with a property each, not levels[record.level]: this runs on every event.
    const levels = this.reading.levels
    if (record.status !== null && record.status >= 500) levels.error++
    else {
      switch (record.level) {
        case 'error':
          levels.error++
          break
        case 'warn':
          levels.warn++
          break
        case 'info':
          levels.info++
          break
        case 'debug':
          levels.debug++
          break
        default:
          levels.unknown++
      }
    }
    this.sink.add(record, raw, this.source, line, trace, this.accessLog)
  }

  private describeTime(): void {
    const reference = this.options.reference
    const stamp = this.layout?.timestamp ?? null
    const {timing} = this.reading
    if (stamp) {
      this.reading.yearFrom = stamp.layout.year ? 'lines' : (reference?.source ?? 'unknown')
      this.reading.zoneFrom = stamp.zoned ? 'lines' : reference?.offsetMinutes !== null && reference ? reference.source : 'utc-assumed'
    }
    if (this.reading.events > 0 && timing.none === this.reading.events && reference) {
      this.reading.anchor = {at: new Date(reference.at).toISOString(), source: reference.source}
    }
  }
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n')
  return newline < 0 ? text : text.slice(0, newline)
}

/** Fills what the text did not say from what the entry's fields say; the fields' time and level win. */
function fillFrom(record: LogRecord, fields: LogRecord): void {
  if (!Number.isNaN(fields.ts)) record.ts = fields.ts
  if (fields.level !== null) record.level = fields.level
  record.status ??= fields.status
  record.method ??= fields.method
  record.path ??= fields.path
  record.latencyMs ??= fields.latencyMs
  record.user ??= fields.user
  record.ip ??= fields.ip
  record.stack ??= fields.stack
  if (record.message === '' || record.message === fields.message) record.message = fields.message
}

/** A NUL byte, or mostly replacement characters: binary. (Invalid UTF-8 in a few places is a text line.) */
export function isBinaryLine(line: string): boolean {
  if (line.includes('\u0000')) return true
  if (!line.includes('\uFFFD')) return false
  let bad = 0
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 0xfffd) bad++
  return bad * 4 > line.length
}
