/**
 * Which field names of a structured line (JSON or logfmt) carry which role — time, level,
 * message, HTTP fields, user, client, stack, latency, request id — ranked for when several are present, and
 * the per-line slots the best-ranked value of each role is collected into.
 */
// `@t`, `@l`, `@m`/`@mt`, `@x`: Serilog's compact format (CLEF); `Timestamp`, `Level`,
// `RenderedMessage`/`MessageTemplate`, `Exception`: Serilog's and NLog's plain JSON formatters.
const TIME = ['time', 'timestamp', '@timestamp', 'ts', 'datetime', 'date', 't', 'eventTime', '__REALTIME_TIMESTAMP', '@t', 'Timestamp']
const LEVEL = ['level', 'severity', 'lvl', 'levelname', 'loglevel', 'log.level', 'severity_text', 'severityText', '@l', 'Level']
const MESSAGE = ['msg', 'message', '@message', 'event', 'text', 'log', 'MESSAGE', '@m', 'RenderedMessage', '@mt', 'MessageTemplate']
const ERROR = ['err', 'error', 'exception', 'exc']
const ERROR_MESSAGE = ['err.message', 'error.message', 'exception.message', 'error.msg']
const STATUS = ['status', 'status_code', 'statusCode', 'http.status_code', 'http.status', 'res.statusCode', 'response.status', 'http.response.status_code']
const METHOD = ['method', 'http.method', 'req.method', 'request.method', 'http.request.method', 'http_method']
const PATH = ['path', 'route', 'url', 'uri', 'request_uri', 'http.route', 'http.target', 'http.path', 'http.url', 'req.url', 'request.path', 'request.url', 'url.path', 'http.url_details.path']
const USER = ['user_id', 'userId', 'user', 'uid', 'customer_id', 'customerId', 'account_id', 'accountId', 'user.id', 'usr.id', 'client_id', 'clientId']
const IP = ['client_ip', 'clientIp', 'remote_addr', 'remoteAddr', 'remote_ip', 'ip', 'http.client_ip', 'req.remoteAddress', 'network.client.ip', 'client.ip']
/** journald's syslog priority, 0 (emerg) to 7 (debug). */
const PRIORITY = ['PRIORITY']
const STACK = ['stack', 'stack_trace', 'stacktrace', 'err.stack', 'error.stack', 'exception.stacktrace', 'exception.stack', 'error.stack_trace', 'exc_info', '@x', 'Exception']
/**
 * Fields that name the request a line is about, so that the lines two sources (an access log and
 * the application, two services) write about one request can be matched. A request's own id
 * first, then a correlation id, then the trace id, which a whole trace of calls shares.
 * Left out on purpose: pino-http's `req.id` and Fastify's `reqId`, by default a counter per
 * process (`1`, `req-1`), which two services hand out to different requests alike.
 */
export const REQUEST_ID_FIELDS: ReadonlyArray<{key: string; writtenBy: string}> = [
  {key: 'request_id', writtenBy: 'snake_case loggers (structlog, lograge, Go middlewares), nginx JSON `$request_id`'},
  {key: 'requestId', writtenBy: 'camelCase loggers (Winston, NestJS, Logback MDC at top level)'},
  {key: 'RequestId', writtenBy: "ASP.NET Core's request scope, in Serilog/NLog JSON"},
  {key: 'req_id', writtenBy: 'short snake_case spelling (OpenStack, Python middlewares)'},
  {key: 'x_request_id', writtenBy: "nginx/Envoy JSON access logs of the `X-Request-ID` header"},
  {key: 'x-request-id', writtenBy: 'the header logged under its own name'},
  {key: 'http.request.id', writtenBy: 'Elastic Common Schema'},
  {key: 'request.id', writtenBy: 'nested request objects'},
  {key: 'mdc.requestId', writtenBy: "Logback JSON layouts that nest the MDC under `mdc`"},
  {key: 'mdc.request_id', writtenBy: "Logback JSON layouts that nest the MDC under `mdc`"},
  {key: 'contextMap.requestId', writtenBy: "Log4j2's JsonLayout (the thread context under `contextMap`)"},
  {key: 'contextMap.request_id', writtenBy: "Log4j2's JsonLayout (the thread context under `contextMap`)"},
  {key: 'correlation_id', writtenBy: 'correlation-id middlewares (asgi-correlation-id, Rails)'},
  {key: 'correlationId', writtenBy: 'correlation-id middlewares (.NET, Spring, Node)'},
  {key: 'CorrelationId', writtenBy: "Serilog's correlation-id enricher"},
  {key: 'trace_id', writtenBy: 'OpenTelemetry log records (snake_case exporters)'},
  {key: 'traceId', writtenBy: 'OpenTelemetry OTLP JSON, Spring Cloud Sleuth / Micrometer MDC'},
  {key: 'TraceId', writtenBy: "ASP.NET Core's activity, in Serilog/NLog JSON"},
  {key: 'trace.id', writtenBy: 'Elastic Common Schema'},
  {key: 'dd.trace_id', writtenBy: "Datadog's log injection"},
  {key: 'mdc.traceId', writtenBy: "Logback JSON layouts that nest the MDC under `mdc`"},
  {key: 'contextMap.traceId', writtenBy: "Log4j2's JsonLayout (the thread context under `contextMap`)"},
  {key: 'logging.googleapis.com/trace', writtenBy: "Google Cloud Logging's structured JSON"},
]

/**
 * What stands in for no id: `-`, `null`, `none`, an all-zero trace id (OpenTelemetry's invalid
 * one). Taken for an id, such a placeholder would make every failed line that has it one request.
 */
const NO_REQUEST_ID = /^(?:[-_0.:\s]*|null|nil|none|undefined|unknown|n\/a)$/i
const ZERO = 48
const DASH = 45

/** A request-id field's value as an id, or null when it is none (a placeholder, a boolean, an object). */
export function requestIdOf(value: unknown): string | null {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null
  if (text === null) return null
  // Placeholders are short or start with 0 or -: the pattern is tried on those only.
  const first = text.charCodeAt(0)
  return (text.length <= 9 || first === ZERO || first === DASH) && NO_REQUEST_ID.test(text) ? null : text
}

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

// Written out rather than built from a list, so V8 sees constant slots on the per-line path.
export const ROLE = {time: 0, level: 1, message: 2, error: 3, errorMessage: 4, status: 5, method: 6, path: 7, user: 8, ip: 9, stack: 10, latency: 11, priority: 12, requestId: 13} as const
export type Role = keyof typeof ROLE
const ROLE_COUNT = Object.keys(ROLE).length
export interface RoleSpec {
  role: number
  /** Position in its list: the lower, the more trusted when several keys are present. */
  rank: number
  factor: number
}

// One walk over the line's own keys with a map lookup each, instead of probing ~80 names per line.
export const ROLE_BY_PATH = new Map<string, RoleSpec>()
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
register('priority', PRIORITY)
register('requestId', REQUEST_ID_FIELDS.map((field) => field.key))
LATENCY.forEach(([key, factor], rank) => ROLE_BY_PATH.set(key, {role: ROLE.latency, rank, factor}))

interface KeyEntry {
  key: string
  first: number
  spec: RoleSpec
}

// Keys by length, so a key is matched in place (startsWith at an offset) with nothing allocated.
const KEYS: KeyEntry[][] = []
for (const [key, spec] of ROLE_BY_PATH) (KEYS[key.length] ??= []).push({key, first: key.charCodeAt(0), spec})

/** The role of the key `line[start, end)`, found without slicing it out; null when it has none. */
export function roleSpecAt(line: string, start: number, end: number): RoleSpec | null {
  const candidates = KEYS[end - start]
  if (candidates === undefined) return null
  const first = line.charCodeAt(start)
  for (const entry of candidates) if (entry.first === first && line.startsWith(entry.key, start)) return entry.spec
  return null
}

export const NESTED_PREFIXES = new Set([...ROLE_BY_PATH.keys()].flatMap((key) => key.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.'))))

/**
 * The best-ranked value found per role, in slots indexed by role. One instance is reused for
 * every line (parsing is synchronous), since a fresh Map per line was a measurable share of GC.
 */
export class FoundFields {
  readonly rank = new Int32Array(ROLE_COUNT)
  readonly value: unknown[] = new Array(ROLE_COUNT).fill(undefined)
  readonly factor = new Float64Array(ROLE_COUNT)

  reset(): this {
    for (let i = 0; i < ROLE_COUNT; i++) {
      this.rank[i] = -1
      this.value[i] = undefined
    }
    return this
  }

  get(role: Role): unknown {
    return this.value[ROLE[role]]
  }

  /** Keeps `value` for its role unless a better-ranked key of that role was already found. */
  offer(spec: RoleSpec, value: unknown): void {
    const current = this.rank[spec.role]
    if (current < 0 || spec.rank < current) {
      this.rank[spec.role] = spec.rank
      this.value[spec.role] = value
      this.factor[spec.role] = spec.factor
    }
  }
}
