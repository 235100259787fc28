import {type FakeServer, type Reply, startFakeServer} from '../integrations/fakes/fake-server.js'
import type {LogStore, StoreEntry, StoreTemplate} from './log-store.js'

/**
 * A local Loki speaking the documented `GET /loki/api/v1/query_range` contract over a LogStore:
 * log queries answer `streams` (`[["<ns>", "<line>"]]`, newest first unless direction=forward,
 * at most `limit`), metric queries answer a `matrix` (`[[<seconds>, "<value>"]]`, steps without
 * lines left out). The LogQL it understands is the part the tool sends: a stream selector, line
 * filters (|= != |~ !~), a `detected_level` label filter, `count_over_time(…[Nm])` under `sum` or
 * `sum by (…)`. Errors are Loki's: plain-text 400s (parse errors, the entries limit, the points
 * limit), 401 `no org id` for a multi-tenant Loki asked without X-Scope-OrgID.
 */
export interface FakeLokiOptions {
  /** Multi-tenant: requests must carry this X-Scope-OrgID. */
  tenant?: string
  bearerToken?: string
  maxEntries?: number
}

export interface FakeLoki extends FakeServer {
  /** Bytes of every answer body sent. */
  bytesSent: number
}

type Matcher = {label: string; op: '=' | '!=' | '=~' | '!~'; value: string}
type LineFilter = {op: '|=' | '!=' | '|~' | '!~'; value: string}
interface LogExpr {
  matchers: Matcher[]
  filters: LineFilter[]
  levelFilter: {op: '=' | '=~' | '!=' | '!~'; value: string} | null
}
type Query = {kind: 'log'; expr: LogExpr} | {kind: 'metric'; expr: LogExpr; rangeMinutes: number; by: string[] | null}

class ParseError extends Error {}

export async function startFakeLoki(store: LogStore, options: FakeLokiOptions = {}): Promise<FakeLoki> {
  const maxEntries = options.maxEntries ?? 5000
  let server: FakeLoki
  const text = (status: number, body: string): Reply => ({status, headers: {'content-type': 'text/plain; charset=utf-8'}, body: `${body}\n`})
  const base = await startFakeServer((request) => {
    let reply: Reply
    try {
      reply = answer(request.path, request.headers)
    } catch (error) {
      reply = text(500, `internal error: ${(error as Error).message}`)
    }
    const body = reply === 'hang' ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
    server.bytesSent += Buffer.byteLength(body)
    return reply
  })
  server = Object.assign(base, {bytesSent: 0})
  return server

  function answer(path: string, headers: Record<string, string | string[] | undefined>): Reply {
    const url = new URL(path, 'http://loki')
    if (options.bearerToken && headers.authorization !== `Bearer ${options.bearerToken}`) return text(401, 'authentication required')
    if (options.tenant && !headers['x-scope-orgid']) return text(401, 'no org id')
    if (url.pathname !== '/loki/api/v1/query_range') return text(404, '404 page not found')
    const params = url.searchParams
    const otherTenant = options.tenant !== undefined && headers['x-scope-orgid'] !== options.tenant
    let query: Query
    try {
      query = parseQuery(params.get('query') ?? '')
    } catch (error) {
      return text(400, (error as Error).message)
    }
    const start = parseTime(params.get('start'), Date.now() - 3_600_000)
    const end = parseTime(params.get('end'), Date.now())
    if (Number.isNaN(start) || Number.isNaN(end)) return text(400, 'invalid start or end time')
    if (end < start) return text(400, 'end timestamp must not be before or equal to start time')
    if (query.kind === 'log') {
      const limit = Number(params.get('limit') ?? 100)
      if (limit > maxEntries) return text(400, `max entries limit per query exceeded, limit > max_entries_limit_per_query (${limit} > ${maxEntries})`)
      const entries = otherTenant ? [] : logLines(query.expr, start, end, limit, params.get('direction') === 'forward')
      return {status: 200, body: streamsBody(entries, (entry) => ({stream: streamLabels(entry.pod), line: store.jsonLine(entry)}))}
    }
    const step = parseStep(params.get('step'), end - start)
    if ((end - start) / step > 11_000) return text(400, 'exceeded maximum resolution of 11,000 points per timeseries. Try increasing the value of the step parameter')
    return {status: 200, body: otherTenant ? matrixBody([]) : matrixBody(metricSeries(query, start, end, step))}
  }

  function logLines(expr: LogExpr, start: number, end: number, limit: number, forward: boolean): StoreEntry[] {
    const pods = store.spec.pods.filter((pod) => streamMatches(expr.matchers, streamLabels(pod)))
    if (pods.length === 0) return []
    const mayMatch = (template: StoreTemplate) => templateMatches(expr, template)
    const out: StoreEntry[] = []
    for (const entry of store.scan({start, end, backward: !forward, mayMatch, keep: (e) => pods.includes(e.pod) && lineMatches(expr.filters, store.jsonLine(e))})) {
      out.push(entry)
      if (out.length >= limit) break
    }
    return out
  }

  /** Counts over the range ending at each step, from the store's per-minute counts: no line is rendered. */
  function metricSeries(query: Extract<Query, {kind: 'metric'}>, start: number, end: number, step: number): Array<{metric: Record<string, string>; values: Array<[number, string]>}> {
    const pods = store.spec.pods.filter((pod) => streamMatches(query.expr.matchers, streamLabels(pod)))
    const share = pods.length / store.spec.pods.length
    const groups = new Map<string, {metric: Record<string, string>; values: Array<[number, string]>}>()
    const templates = store.spec.templates.map((template, k) => ({template, k, keep: templateMatches(query.expr, template)}))
    for (let t = start; t <= end; t += step) {
      const lastMinute = Math.floor(t / 60_000) - 1
      const sums = new Map<string, {metric: Record<string, string>; value: number}>()
      for (let minute = lastMinute - query.rangeMinutes + 1; minute <= lastMinute; minute++) {
        const counts = store.countsAt(minute)
        for (const {template, k, keep} of templates) {
          if (!keep || counts[k] === 0) continue
          const labels: Record<string, string> = {...streamLabels(''), detected_level: template.level}
          const metric = query.by === null ? {} : Object.fromEntries(query.by.filter((label) => labels[label]).map((label) => [label, labels[label]]))
          const key = JSON.stringify(metric)
          const sum = sums.get(key) ?? {metric, value: 0}
          sum.value += counts[k] * share
          sums.set(key, sum)
        }
      }
      for (const [key, {metric, value}] of sums) {
        if (value <= 0) continue
        const group = groups.get(key) ?? {metric, values: []}
        group.values.push([t / 1000, String(Math.round(value))])
        groups.set(key, group)
      }
    }
    return [...groups.values()]
  }

  function streamLabels(pod: string): Record<string, string> {
    return {service_name: store.spec.service, namespace: store.spec.namespace, ...(pod ? {pod} : {})}
  }

  function templateMatches(expr: LogExpr, template: StoreTemplate): boolean {
    if (expr.levelFilter && !labelMatches(expr.levelFilter.op, template.level, expr.levelFilter.value)) return false
    if (expr.filters.length === 0) return true
    // A template's lines share their constant text: one rendered line stands for all of them.
    return lineMatches(expr.filters, store.templateLine(template))
  }
}

/** Loki's streams answer: entries grouped by stream, `[ns, line]` pairs in the order asked. */
function streamsBody(entries: StoreEntry[], shape: (entry: StoreEntry) => {stream: Record<string, string>; line: string}): unknown {
  const streams = new Map<string, {stream: Record<string, string>; values: Array<[string, string]>}>()
  for (const entry of entries) {
    const {stream, line} = shape(entry)
    const key = JSON.stringify(stream)
    const group = streams.get(key) ?? {stream, values: []}
    group.values.push([entry.ns.toString(), line])
    streams.set(key, group)
  }
  return {status: 'success', data: {resultType: 'streams', result: [...streams.values()], stats: {summary: {totalEntriesReturned: entries.length}}}}
}

function matrixBody(result: unknown[]): unknown {
  return {status: 'success', data: {resultType: 'matrix', result, stats: {summary: {}}}}
}

const STRING = String.raw`"((?:[^"\\]|\\.)*)"`
const METRIC = new RegExp(String.raw`^sum\s*(?:by\s*\(([\w\s,]*)\)\s*)?\(\s*count_over_time\s*\((.*)\[(\d+)m\]\s*\)\s*\)$`, 's')

function parseQuery(text: string): Query {
  const query = text.trim()
  const metric = METRIC.exec(query)
  if (metric) {
    return {kind: 'metric', expr: parseLogExpr(metric[2].trim()), rangeMinutes: Number(metric[3]), by: metric[1] === undefined ? null : metric[1].split(',').map((s) => s.trim()).filter(Boolean)}
  }
  if (!query.startsWith('{')) throw new ParseError(`parse error at line 1, col 1: syntax error: unexpected IDENTIFIER`)
  return {kind: 'log', expr: parseLogExpr(query)}
}

function parseLogExpr(text: string): LogExpr {
  const close = text.indexOf('}')
  if (!text.startsWith('{') || close < 0) throw new ParseError(`parse error at line 1, col ${text.length + 1}: syntax error: unexpected $end, expecting }`)
  const matchers: Matcher[] = []
  const body = text.slice(1, close).trim()
  if (body !== '') {
    for (const part of body.split(/,(?=\s*\w+\s*(?:=|!=|=~|!~)\s*")/)) {
      const m = new RegExp(String.raw`^\s*(\w+)\s*(=~|!~|!=|=)\s*${STRING}\s*$`).exec(part)
      if (!m) throw new ParseError(`parse error at line 1, col 2: syntax error: unexpected ${JSON.stringify(part.trim())}`)
      matchers.push({label: m[1], op: m[2] as Matcher['op'], value: unescape(m[3])})
    }
  }
  if (!matchers.some((m) => (m.op === '=' || m.op === '=~') && !anchored(m.value).test(''))) {
    throw new ParseError('parse error : queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~".*" does not meet this requirement, but app=~".+" will')
  }
  const filters: LineFilter[] = []
  let levelFilter: LogExpr['levelFilter'] = null
  let rest = text.slice(close + 1).trim()
  while (rest !== '') {
    const line = new RegExp(String.raw`^(\|=|!=|\|~|!~)\s*${STRING}`).exec(rest)
    const label = new RegExp(String.raw`^\|\s*detected_level\s*(=~|!~|!=|=)\s*${STRING}`).exec(rest)
    if (line) {
      filters.push({op: line[1] as LineFilter['op'], value: unescape(line[2])})
      rest = rest.slice(line[0].length).trim()
    } else if (label) {
      levelFilter = {op: label[1] as NonNullable<LogExpr['levelFilter']>['op'], value: unescape(label[2])}
      rest = rest.slice(label[0].length).trim()
    } else throw new ParseError(`parse error at line 1, col ${text.length - rest.length + 1}: syntax error: unexpected ${JSON.stringify(rest.slice(0, 10))}`)
  }
  return {matchers, filters, levelFilter}
}

function unescape(text: string): string {
  return JSON.parse(`"${text}"`) as string
}

function streamMatches(matchers: Matcher[], labels: Record<string, string>): boolean {
  return matchers.every((m) => labelMatches(m.op, labels[m.label] ?? '', m.value))
}

function labelMatches(op: string, actual: string, value: string): boolean {
  if (op === '=') return actual === value
  if (op === '!=') return actual !== value
  const matches = anchored(value).test(actual)
  return op === '=~' ? matches : !matches
}

/** A label regex as Loki applies it: the whole value must match; RE2's leading (?i) becomes a flag. */
function anchored(source: string): RegExp {
  const insensitive = source.startsWith('(?i)')
  return new RegExp(`^(?:${insensitive ? source.slice(4) : source})$`, insensitive ? 'i' : '')
}

function lineMatches(filters: LineFilter[], line: string): boolean {
  return filters.every((f) => {
    if (f.op === '|=') return line.includes(f.value)
    if (f.op === '!=') return !line.includes(f.value)
    const matches = goRegex(f.value).test(line)
    return f.op === '|~' ? matches : !matches
  })
}

/** RE2's leading (?i) as a JavaScript flag. */
function goRegex(source: string): RegExp {
  return source.startsWith('(?i)') ? new RegExp(source.slice(4), 'i') : new RegExp(source)
}

/** Loki takes ns integers, float seconds or RFC 3339. */
function parseTime(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback
  if (/^\d+$/.test(value)) return value.length > 13 ? Number(BigInt(value) / 1_000_000n) : Number(value) * 1000
  if (/^\d+\.\d+$/.test(value)) return Number(value) * 1000
  return Date.parse(value)
}

function parseStep(value: string | null, span: number): number {
  if (value === null) return Math.max(1000, Math.floor(span / 250 / 1000) * 1000)
  const duration = /^(\d+)(s|m|h)$/.exec(value)
  if (duration) return Number(duration[1]) * {s: 1000, m: 60_000, h: 3_600_000}[duration[2] as 's' | 'm' | 'h']
  return Number(value) * 1000
}
