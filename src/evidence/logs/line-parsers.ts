import {fieldsBetween, learnLevelField, learnTimestamp, levelAt, levelAtField, scanForTimestamp, timestampAt, type LearnedLevel, type LearnedTimestamp, type TimestampLayouts} from './line-layout.js'
import {syslogPriorityLevel} from './catalogue/level-spellings.js'
import {requestIdOf} from './field-roles.js'
import {emptyRecord, findLevelWord, type LogRecord} from './log-record.js'
import {recordFromFields, recordFromFlatJson, recordFromLogfmt} from './structured-fields.js'
import {parseAccessTimestamp, type TimeContext} from './timestamp.js'

/**
 * Per-line parsers for the formats we read, and the per-file learning that picks a format and,
 * for plain text, the place of the timestamp and level from the first lines. A line that does not
 * fit the file's format falls back to plain text, so nothing is dropped because a file mixes formats.
 */
export const LOG_FORMATS = ['json', 'logfmt', 'access', 'plain'] as const
export type LogFormat = (typeof LOG_FORMATS)[number]

// nginx/Apache "combined" (and "common"): ip ident user [time] "request" status bytes "referer" "agent" [extras]
const ACCESS_LINE =
  /^(\S+) \S+ (\S+) \[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{3}) (\S+)(?: "(?:[^"\\]|\\.)*" "(?:[^"\\]|\\.)*")?(.*)$/

export function parseJsonLine(line: string): LogRecord | null {
  if (line.charCodeAt(0) !== 123) return null
  const flat = recordFromFlatJson(line)
  if (flat) return flat
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return null
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  return recordFromFields(value as Record<string, unknown>, line)
}

export function parseLogfmtLine(line: string): LogRecord | null {
  const record = recordFromLogfmt(line)
  if (!record) return null
  // Without a time, level or message key this is prose that happens to contain `=`.
  return Number.isNaN(record.ts) && record.level === null && record.message === line ? null : record
}

export function parseAccessLine(line: string): LogRecord | null {
  const match = ACCESS_LINE.exec(line)
  if (!match) return null
  const record = emptyRecord()
  const [, ip, user, time, request, status, , extras] = match
  record.ts = parseAccessTimestamp(time) ?? Number.NaN
  record.ip = ip
  record.user = user === '-' ? null : user
  const space = request.indexOf(' ')
  record.method = space > 0 ? request.slice(0, space) : null
  const pathEnd = request.indexOf(' ', space + 1)
  record.path = space > 0 ? request.slice(space + 1, pathEnd > 0 ? pathEnd : undefined) : null
  record.status = Number(status)
  record.level = record.status >= 500 ? 'error' : record.status >= 400 ? 'warn' : 'info'
  record.latencyMs = accessLatency(extras)
  record.requestId = accessRequestId(extras)
  record.message = `${record.method ?? '-'} ${record.path ?? request} ${status}`
  return record
}

/** Trailing latency in access logs: `rt=0.123`, `request_time=0.123`, a bare `0.123` (seconds), `123ms`. */
function accessLatency(extras: string): number | null {
  if (!extras) return null
  const ms = /\b(\d+(?:\.\d+)?)ms\b/.exec(extras)
  if (ms) return Number(ms[1])
  const seconds = /(?:^|\s)(?:rt=|request_time=|urt=)?"?(\d+\.\d+)"?(?:\s|$)/.exec(extras)
  return seconds ? Number(seconds[1]) * 1000 : null
}

/**
 * A request id after the standard fields: nginx's `$request_id` (32 hex digits) or a UUID (an
 * `X-Request-ID` header), bare, quoted or labelled (`rid=…`, `request_id="…"`). The application
 * behind the server gets the same id in its header and logs it, so the two can be matched.
 */
const ACCESS_REQUEST_ID = /(?:^|\s)(?:[A-Za-z_]+=)?"?([0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"?(?=\s|$)/

function accessRequestId(extras: string): string | null {
  if (!extras) return null
  return requestIdOf(ACCESS_REQUEST_ID.exec(extras)?.[1])
}

/** What reading a line needs besides the line: the file's learned layout, the time context, the catalogue. */
export interface LineLayout {
  format: LogFormat
  timestamp: LearnedTimestamp | null
  level: LearnedLevel | null
}

export interface ParseContext {
  time: TimeContext
  layouts: TimestampLayouts
}

export const PLAIN_LAYOUT: LineLayout = {format: 'plain', timestamp: null, level: null}

const isOpener = (c: number) => c === 91 || c === 40 || c === 123 || c === 34 || c === 39
const isCloser = (c: number) => c === 93 || c === 41 || c === 125 || c === 34 || c === 39

/**
 * Plain text: the timestamp where the file keeps it (else wherever a distinctive one is), the
 * level from the file's level column, the stamp (klog) or a level word; the message is the line
 * without its stamp.
 */
export function parsePlainLine(line: string, layout: LineLayout, context: ParseContext): LogRecord {
  const record = emptyRecord()
  const stamp = (layout.timestamp ? timestampAt(line, layout.timestamp, context.time) : null) ?? scanForTimestamp(line, context.layouts, context.time)
  let message = line
  if (stamp) {
    record.ts = stamp.ms
    const bracketed = stamp.start > stamp.fieldAt && isOpener(line.charCodeAt(stamp.fieldAt))
    const cutEnd = bracketed && isCloser(line.charCodeAt(stamp.end)) ? stamp.end + 1 : stamp.end
    const tail = line.slice(cutEnd).trimStart()
    if (stamp.fieldAt === 0) message = tail
    else {
      const head = line.slice(0, stamp.fieldAt).trimEnd()
      message = tail === '' ? head : `${head} ${tail}`
    }
  }
  let level = stamp?.level ?? syslogPriorityLevel(line)
  const column = layout.level
  if (level === null && column !== null) {
    // From the stamp's end when the sample showed the level a fixed number of fields after it.
    level = stamp !== null && stamp.fieldAt === 0 && column.afterStamp !== null ? levelAt(line, stamp.end, column.afterStamp, column.letters) : levelAtField(line, column.field, column.letters)
  }
  record.level = level ?? findLevelWord(message)?.level ?? null
  record.message = message
  return record
}

export function parseLine(line: string, layout: LineLayout, context: ParseContext): LogRecord {
  if (line.charCodeAt(0) === 123) {
    const json = parseJsonLine(line)
    if (json) return json
  }
  if (layout.format === 'access') {
    const access = parseAccessLine(line)
    if (access) return access
  } else if (layout.format === 'logfmt') {
    const logfmt = parseLogfmtLine(line)
    if (logfmt) return logfmt
  }
  return parsePlainLine(line, layout, context)
}

/** The number of fields between a leading stamp and the level field, when at least 90 % of the sample agree. */
function commonGap(sample: readonly string[], timestamp: LearnedTimestamp, field: number, context: ParseContext): number | null {
  const gaps = new Map<number, number>()
  let seen = 0
  for (const line of sample) {
    const stamp = timestampAt(line, timestamp, context.time)
    if (!stamp || stamp.fieldAt !== 0) continue
    seen++
    const gap = fieldsBetween(line, stamp.end, field)
    if (gap >= 0) gaps.set(gap, (gaps.get(gap) ?? 0) + 1)
  }
  for (const [gap, count] of gaps) if (count * 10 >= seen * 9) return gap
  return null
}

/**
 * The file's layout from its first lines: the format most of them fit (plain text when none
 * stands out), and for the lines that are plain text, where their timestamp and level sit.
 * Indented lines (stack frames, continuations) say nothing about either and are left out.
 */
export function learnLineLayout(sample: readonly string[], context: ParseContext, nowMs: number): LineLayout {
  const counts: Record<LogFormat, number> = {json: 0, logfmt: 0, access: 0, plain: 0}
  const plain: string[] = []
  let considered = 0
  for (const line of sample) {
    if (line.trim() === '') continue
    considered++
    if (parseJsonLine(line)) counts.json++
    else if (ACCESS_LINE.test(line)) counts.access++
    else if (parseLogfmtLine(line)) counts.logfmt++
    else if (!/^\s/.test(line)) plain.push(line)
  }
  const timestamp = plain.length > 0 ? learnTimestamp(plain, context.layouts, context.time, nowMs) : null
  const level = plain.length > 0 ? learnLevelField(plain) : null
  if (level && timestamp?.from === 'start' && timestamp.field === 0) level.afterStamp = commonGap(plain, timestamp, level.field, context)
  if (timestamp) counts.plain = plain.filter((line) => timestampAt(line, timestamp, context.time) !== null).length
  let format: LogFormat = 'plain'
  if (considered > 0) {
    const best = (['json', 'access', 'logfmt'] as const).reduce((a, b) => (counts[b] > counts[a] ? b : a))
    if (counts[best] >= Math.max(1, counts.plain) && counts[best] * 3 >= considered) format = best
  }
  return {format, timestamp, level}
}
