import {emptyRecord, findLevelWord, type LogRecord} from './log-record.js'
import {parseLogfmt, recordFromFields, recordFromFlatJson} from './structured-fields.js'
import {parseAccessTimestamp, parseLeadingTimestamp} from './timestamp.js'

/**
 * Per-line parsers for the formats we read, and the per-file format detection that picks one
 * from the first lines. A line that does not fit the file's format falls back to plain text,
 * so nothing is dropped because a file mixes formats.
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
  const fields = parseLogfmt(line)
  if (!fields) return null
  const record = recordFromFields(fields, line)
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

/** Plain text: an optional leading timestamp, then the message; a level word near its start. */
export function parsePlainLine(line: string, reference: Date): LogRecord {
  const record = emptyRecord()
  const stamp = parseLeadingTimestamp(line, reference)
  let rest = line
  if (stamp) {
    record.ts = stamp.ms
    rest = line.slice(stamp.end).trimStart()
  }
  record.level = findLevelWord(rest)?.level ?? null
  record.message = rest
  return record
}

export function parseLine(line: string, format: LogFormat, reference: Date): LogRecord {
  if (line.charCodeAt(0) === 123) {
    const json = parseJsonLine(line)
    if (json) return json
  }
  if (format === 'access') {
    const access = parseAccessLine(line)
    if (access) return access
  } else if (format === 'logfmt') {
    const logfmt = parseLogfmtLine(line)
    if (logfmt) return logfmt
  }
  return parsePlainLine(line, reference)
}

/** Picks the format most of the sample lines fit; plain text when none stands out. */
export function detectFormat(sample: readonly string[], reference: Date): LogFormat {
  const counts: Record<LogFormat, number> = {json: 0, logfmt: 0, access: 0, plain: 0}
  let considered = 0
  for (const line of sample) {
    if (line.trim() === '') continue
    considered++
    if (parseJsonLine(line)) counts.json++
    else if (ACCESS_LINE.test(line)) counts.access++
    else if (parseLogfmtLine(line)) counts.logfmt++
    else if (parseLeadingTimestamp(line, reference)) counts.plain++
  }
  if (considered === 0) return 'plain'
  const best = (['json', 'access', 'logfmt'] as const).reduce((a, b) => (counts[b] > counts[a] ? b : a))
  return counts[best] >= Math.max(1, counts.plain) && counts[best] * 3 >= considered ? best : 'plain'
}
