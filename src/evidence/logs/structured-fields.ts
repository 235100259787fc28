import {detach} from './detach.js'
import {emptyRecord, normalizeLevel, type LogRecord} from './log-record.js'
import {FoundFields, NESTED_PREFIXES, requestIdOf, ROLE, ROLE_BY_PATH} from './field-roles.js'
import {scanFlatJson} from './json-field-scanner.js'
import {scanLogfmt} from './logfmt-field-scanner.js'
import {parseTimestampValue} from './timestamp.js'

/**
 * Maps the fields of a structured line (JSON object or logfmt pairs) onto a LogRecord, knowing
 * the usual names: `time/timestamp/@timestamp/ts`, `level/severity/lvl`, `msg/message`, HTTP fields
 * as written by pino-http, ECS, OpenTelemetry and nginx JSON, latency in ms or seconds.
 */
type Fields = Record<string, unknown>

const found = new FoundFields()

function collect(fields: Fields, prefix: string, into: FoundFields): void {
  for (const key in fields) {
    const value = fields[key]
    const path = prefix === '' ? key : `${prefix}.${key}`
    if (value !== null && typeof value === 'object') {
      if (!Array.isArray(value) && NESTED_PREFIXES.has(path)) collect(value as Fields, path, into)
      continue
    }
    if (value === undefined || value === null || value === '') continue
    const spec = ROLE_BY_PATH.get(path)
    if (spec) into.offer(spec, value)
  }
}

const asText = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null

// Methods repeat (GET, POST …): the last spelling and its upper case are remembered, as a copy
// that does not keep the read buffer alive. Long values are not remembered at all.
const MEMO_MAX_CHARS = 32
let lastMethod = ''
let lastMethodUpper = ''
function upperCaseMethod(method: string | null): string | null {
  if (method === null) return null
  if (method.length > MEMO_MAX_CHARS) return method.toUpperCase()
  if (method !== lastMethod) {
    lastMethod = detach(method)
    lastMethodUpper = detach(method.toUpperCase())
  }
  return lastMethodUpper
}

/** `"250ms"`, `"1.2s"`, `"800µs"`, or a bare number in the field's unit. */
function parseDuration(value: unknown, factor: number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * factor : null
  if (typeof value !== 'string') return null
  const match = /^(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|m)?$/.exec(value.trim())
  if (!match) return null
  const n = Number(match[1])
  switch (match[2]) {
    case 'ns':
      return n / 1e6
    case 'us':
    case 'µs':
      return n / 1000
    case 'ms':
      return n
    case 's':
      return n * 1000
    case 'm':
      return n * 60_000
    default:
      return n * factor
  }
}

export function recordFromFields(fields: Fields, rawLine: string): LogRecord {
  collect(fields, '', found.reset())
  return recordFromFound(rawLine)
}

/** A JSON line read without JSON.parse, or null when the line needs it (see json-field-scanner). */
export function recordFromFlatJson(line: string): LogRecord | null {
  return scanFlatJson(line, found.reset()) ? recordFromFound(line) : null
}

/** A logfmt line's record, or null when it has fewer than two key=value pairs. */
export function recordFromLogfmt(line: string): LogRecord | null {
  const pairs = scanLogfmt(line, found.reset())
  if (pairs < 0) {
    const fields = parseLogfmt(line)
    return fields ? recordFromFields(fields, line) : null
  }
  return pairs >= 2 ? recordFromFound(line) : null
}

function recordFromFound(rawLine: string): LogRecord {
  const record = emptyRecord()
  record.ts = parseTimestampValue(found.get('time')) ?? Number.NaN
  record.level = normalizeLevel(found.get('level'))
  const status = Number(found.get('status'))
  if (Number.isInteger(status) && status >= 100 && status <= 599) record.status = status
  record.method = upperCaseMethod(asText(found.get('method')))
  record.path = asText(found.get('path'))
  const latency = found.get('latency')
  if (latency !== undefined) record.latencyMs = parseDuration(latency, found.factor[ROLE.latency])
  record.user = asText(found.get('user'))
  record.ip = asText(found.get('ip'))
  record.requestId = requestIdOf(found.get('requestId'))
  const stack = found.get('stack')
  record.stack = typeof stack === 'string' ? stack : null

  let message = asText(found.get('message'))
  const errorText = asText(found.get('error')) ?? asText(found.get('errorMessage'))
  if (errorText && errorText !== message) message = message ? `${message}: ${errorText.split('\n', 1)[0]}` : errorText.split('\n', 1)[0]
  if (!message && record.status !== null) message = `${record.method ?? '-'} ${record.path ?? '-'} ${record.status}`
  // "request completed" says the same for a 200 and a 500; the status class keeps them apart.
  // Put first, it routes the message down its own branch of the miner's prefix tree.
  else if (message && record.status !== null && record.status >= 400) message = `${record.status >= 500 ? '[server-error]' : '[client-error]'} ${message}`
  record.message = message ?? rawLine
  if (record.level === null) {
    // Datadog and others keep the level in `status` ("error", "warn"), not an HTTP code.
    const status = found.get('status')
    if (record.status === null && typeof status === 'string') record.level = normalizeLevel(status)
  }
  if (record.level === null) record.level = syslogPriority(found.get('priority'))
  if (record.level === null && record.status !== null) record.level = record.status >= 500 ? 'error' : record.status >= 400 ? 'warn' : 'info'
  return record
}

/** A syslog priority (journald's PRIORITY, "0"–"7"): 0–3 error, 4 warning, 5–6 info, 7 debug. */
function syslogPriority(value: unknown): LogRecord['level'] {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^[0-7]$/.test(value) ? Number(value) : -1
  if (n < 0 || n > 7) return null
  return n <= 3 ? 'error' : n === 4 ? 'warn' : n === 7 ? 'debug' : 'info'
}

/** logfmt: `key=value key="quoted value" flag`; returns null when the line has fewer than two pairs. */
export function parseLogfmt(line: string): Fields | null {
  const fields: Fields = {}
  let pairs = 0
  let i = 0
  const n = line.length
  while (i < n) {
    while (i < n && line.charCodeAt(i) === 32) i++
    const keyStart = i
    while (i < n && line.charCodeAt(i) !== 61 && line.charCodeAt(i) !== 32) i++
    const key = line.slice(keyStart, i)
    if (i >= n || line.charCodeAt(i) !== 61) {
      if (key) fields[key] = true
      continue
    }
    i++
    let value: string
    if (line.charCodeAt(i) === 34) {
      i++
      let out = ''
      let start = i
      while (i < n && line.charCodeAt(i) !== 34) {
        if (line.charCodeAt(i) === 92 && i + 1 < n) {
          out += line.slice(start, i)
          i++
          start = i
        }
        i++
      }
      value = out + line.slice(start, i)
      i++
    } else {
      const start = i
      while (i < n && line.charCodeAt(i) !== 32) i++
      value = line.slice(start, i)
    }
    if (key) {
      fields[key] = value
      pairs++
    }
  }
  return pairs >= 2 ? fields : null
}
