import {emptyRecord, normalizeLevel, type LogRecord} from './log-record.js'
import {parseTimestampValue} from './timestamp.js'

/**
 * Maps the fields of a structured line (JSON object or logfmt pairs) onto a LogRecord, knowing
 * the usual names: `time/timestamp/@timestamp/ts`, `level/severity/lvl`, `msg/message`, HTTP fields
 * as written by pino-http, ECS, OpenTelemetry and nginx JSON, latency in ms or seconds.
 */
type Fields = Record<string, unknown>

const TIME = ['time', 'timestamp', '@timestamp', 'ts', 'datetime', 'date', 't', 'eventTime']
const LEVEL = ['level', 'severity', 'lvl', 'levelname', 'loglevel', 'log.level', 'severity_text', 'severityText']
const MESSAGE = ['msg', 'message', '@message', 'event', 'text', 'log']
const ERROR = ['err', 'error', 'exception', 'exc']
const ERROR_MESSAGE = ['err.message', 'error.message', 'exception.message', 'error.msg']
const STATUS = ['status', 'status_code', 'statusCode', 'http.status_code', 'http.status', 'res.statusCode', 'response.status', 'http.response.status_code']
const METHOD = ['method', 'http.method', 'req.method', 'request.method', 'http.request.method', 'http_method']
const PATH = ['path', 'route', 'url', 'uri', 'request_uri', 'http.route', 'http.target', 'http.path', 'http.url', 'req.url', 'request.path', 'request.url', 'url.path']
const USER = ['user_id', 'userId', 'user', 'uid', 'customer_id', 'customerId', 'account_id', 'accountId', 'user.id', 'usr.id', 'client_id', 'clientId']
const IP = ['client_ip', 'clientIp', 'remote_addr', 'remoteAddr', 'remote_ip', 'ip', 'http.client_ip', 'req.remoteAddress', 'network.client.ip', 'client.ip']
const STACK = ['stack', 'stack_trace', 'stacktrace', 'err.stack', 'error.stack', 'exception.stacktrace', 'exception.stack', 'error.stack_trace', 'exc_info']
/** Latency fields with the factor that turns their unit into milliseconds. */
const LATENCY: Array<[string, number]> = [
  ['latency_ms', 1],
  ['duration_ms', 1],
  ['elapsed_ms', 1],
  ['response_time_ms', 1],
  ['responseTime', 1],
  ['res.responseTime', 1],
  ['http.duration_ms', 1],
  ['took', 1],
  ['latency', 1],
  ['duration', 1],
  ['elapsed', 1],
  ['response_time', 1],
  ['request_time', 1000],
  ['upstream_response_time', 1000],
  ['duration_s', 1000],
  ['latency_seconds', 1000],
]

const ROLES = ['time', 'level', 'message', 'error', 'errorMessage', 'status', 'method', 'path', 'user', 'ip', 'stack', 'latency'] as const
type Role = (typeof ROLES)[number]
const ROLE = Object.fromEntries(ROLES.map((role, index) => [role, index])) as Record<Role, number>
interface RoleSpec {
  role: number
  /** Position in its list: the lower, the more trusted when several keys are present. */
  rank: number
  factor: number
}

// One walk over the line's own keys with a map lookup each, instead of probing ~80 names per line.
const ROLE_BY_PATH = new Map<string, RoleSpec>()
const register = (role: Role, keys: string[]) => keys.forEach((key, rank) => ROLE_BY_PATH.set(key, {role: ROLE[role], rank, factor: 1}))
register('time', TIME)
register('level', LEVEL)
register('message', MESSAGE)
register('error', ERROR)
register('errorMessage', ERROR_MESSAGE)
register('status', STATUS)
register('method', METHOD)
register('path', PATH)
register('user', USER)
register('ip', IP)
register('stack', STACK)
LATENCY.forEach(([key, factor], rank) => ROLE_BY_PATH.set(key, {role: ROLE.latency, rank, factor}))
const NESTED_PREFIXES = new Set([...ROLE_BY_PATH.keys()].flatMap((key) => key.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.'))))

/**
 * The best-ranked value found per role, in slots indexed by role. One instance is reused for
 * every line (parsing is synchronous), since a fresh Map per line was a measurable share of GC.
 */
class FoundFields {
  readonly rank = new Int32Array(ROLES.length)
  readonly value: unknown[] = new Array(ROLES.length)
  readonly factor = new Float64Array(ROLES.length)

  reset(): this {
    this.rank.fill(-1)
    this.value.fill(undefined)
    return this
  }

  get(role: Role): unknown {
    return this.value[ROLE[role]]
  }
}
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
    if (!spec) continue
    const current = into.rank[spec.role]
    if (current < 0 || spec.rank < current) {
      into.rank[spec.role] = spec.rank
      into.value[spec.role] = value
      into.factor[spec.role] = spec.factor
    }
  }
}

const asText = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null

/** `"250ms"`, `"1.2s"`, `"800µs"`, or a bare number in the field's unit. */
export function parseDuration(value: unknown, factor: number): number | null {
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
  const record = emptyRecord()
  record.ts = parseTimestampValue(found.get('time')) ?? Number.NaN
  record.level = normalizeLevel(found.get('level'))
  const status = Number(found.get('status'))
  if (Number.isInteger(status) && status >= 100 && status <= 599) record.status = status
  record.method = asText(found.get('method'))?.toUpperCase() ?? null
  record.path = asText(found.get('path'))
  const latency = found.get('latency')
  if (latency !== undefined) record.latencyMs = parseDuration(latency, found.factor[ROLE.latency])
  record.user = asText(found.get('user'))
  record.ip = asText(found.get('ip'))
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
  if (record.level === null && record.status !== null) record.level = record.status >= 500 ? 'error' : record.status >= 400 ? 'warn' : 'info'
  return record
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
