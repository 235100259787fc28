import {type FakeServer, type Reply, startFakeServer} from '../integrations/fakes/fake-server.js'
import type {LogStore, StoreEntry, StoreTemplate} from './log-store.js'

/**
 * A local Elasticsearch (or OpenSearch: the same `_search` and `_field_caps` contract) over a
 * LogStore, its lines as ECS documents in one daily index. What it understands is what the tool
 * sends: `bool` filters of `range`, `term`, `terms`, `match_phrase` and `query_string` (OR of
 * words), `sort` on the time field with `_doc` as tie-breaker, `search_after`, and aggregations
 * `date_histogram` (fixed_interval), `terms`, `min` and `filter`. Aggregations are computed from
 * the store's counts, so they cost the same for 100 million documents as for a thousand. Errors
 * have Elasticsearch's shape: 401 `security_exception`, 404 `index_not_found_exception`, 400
 * `parsing_exception`, and a `terms` aggregation on a text field is refused as it is there.
 */
export interface FakeElasticsearchOptions {
  /** Basic credentials or an API key the fake requires. */
  basic?: {username: string; password: string}
  apiKey?: string
  /** The default is the `message` of ECS, a text field: not aggregatable. */
  index?: string
}

export interface FakeElasticsearch extends FakeServer {
  bytesSent: number
}

const TEXT_FIELDS = new Set(['message', 'error.stack_trace'])
const FIELD_TYPES: Record<string, string> = {
  '@timestamp': 'date',
  'log.level': 'keyword',
  message: 'match_only_text',
  'service.name': 'keyword',
  'kubernetes.pod.name': 'keyword',
  'kubernetes.namespace': 'keyword',
  'error.type': 'keyword',
  'error.stack_trace': 'text',
  'http.request.method': 'keyword',
  'http.response.status_code': 'long',
  'url.path': 'keyword',
}

type Json = Record<string, unknown>
/** A compiled query: the time range it keeps and which templates' documents it can keep. */
interface Filter {
  from: number
  to: number
  template: (template: StoreTemplate) => boolean
}

class EsError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    reason: string,
  ) {
    super(reason)
  }
}

export async function startFakeElasticsearch(store: LogStore, options: FakeElasticsearchOptions = {}): Promise<FakeElasticsearch> {
  const indexName = options.index ?? `logs-checkout-${new Date(store.spec.onset).toISOString().slice(0, 10).replaceAll('-', '.')}`
  let server: FakeElasticsearch
  const base = await startFakeServer((request) => {
    let reply: Reply
    try {
      reply = answer(request.method, request.path, request.headers, request.json as Json | null)
    } catch (error) {
      const e = error instanceof EsError ? error : new EsError(500, 'exception', (error as Error).message)
      reply = {status: e.status, body: {error: {root_cause: [{type: e.type, reason: e.message}], type: e.type, reason: e.message}, status: e.status}}
      if (e.status === 401) reply.headers = {'www-authenticate': 'Basic realm="security" charset="UTF-8"'}
    }
    server.bytesSent += Buffer.byteLength(typeof reply === 'string' ? '' : JSON.stringify(reply.body ?? ''))
    return reply
  })
  server = Object.assign(base, {bytesSent: 0})
  return server

  function answer(method: string, path: string, headers: Record<string, string | string[] | undefined>, body: Json | null): Reply {
    checkAuth(headers.authorization as string | undefined)
    const url = new URL(path, 'http://es')
    const [, target, endpoint] = url.pathname.split('/')
    if (!endpoint) throw new EsError(400, 'illegal_argument_exception', `unknown endpoint ${url.pathname}`)
    const indices = resolveIndices(decodeURIComponent(target))
    if (endpoint === '_field_caps') return {status: 200, body: fieldCaps(indices, url.searchParams.get('fields') ?? '*')}
    if (endpoint === '_search' && (method === 'GET' || method === 'POST')) return {status: 200, body: search(indices.length > 0, body ?? {})}
    throw new EsError(405, 'illegal_argument_exception', `Incorrect HTTP method for uri [${url.pathname}] and method [${method}]`)
  }

  function checkAuth(authorization: string | undefined): void {
    if (!options.basic && !options.apiKey) return
    const basic = options.basic ? `Basic ${Buffer.from(`${options.basic.username}:${options.basic.password}`).toString('base64')}` : null
    const apiKey = options.apiKey ? `ApiKey ${options.apiKey}` : null
    if (authorization === undefined) throw new EsError(401, 'security_exception', 'missing authentication credentials for REST request [/_search]')
    if (authorization !== basic && authorization !== apiKey) throw new EsError(401, 'security_exception', 'unable to authenticate user [elastic] for REST request [/_search]')
  }

  /** Comma-separated names and wildcards; a concrete name that does not exist is a 404, a wildcard that matches nothing is not. */
  function resolveIndices(pattern: string): string[] {
    const matched = new Set<string>()
    for (const part of pattern.split(',')) {
      const re = new RegExp(`^${part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`)
      if (re.test(indexName)) matched.add(indexName)
      else if (!part.includes('*') && part !== '_all') throw new EsError(404, 'index_not_found_exception', `no such index [${part}]`)
    }
    return [...matched]
  }

  function fieldCaps(indices: string[], fields: string): Json {
    const wanted = fields.split(',').map((f) => new RegExp(`^${f.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`))
    const out: Json = {}
    if (indices.length > 0) {
      for (const [name, type] of Object.entries(FIELD_TYPES)) {
        if (wanted.some((re) => re.test(name))) out[name] = {[type]: {type, metadata_field: false, searchable: true, aggregatable: !TEXT_FIELDS.has(name)}}
      }
    }
    return {indices, fields: out}
  }

  function search(hasIndex: boolean, body: Json): Json {
    const filter = compile(body.query as Json | undefined)
    const size = Number(body.size ?? 10)
    const hits = hasIndex && size > 0 ? searchHits(filter, size, body.sort, body.search_after as unknown[] | undefined) : []
    const total = hasIndex ? countDocs(filter, filter.from, filter.to) : 0
    const result: Json = {
      took: 3,
      timed_out: false,
      _shards: {total: 1, successful: 1, skipped: 0, failed: 0},
      hits: {total: {value: Math.min(total, 10_000), relation: total > 10_000 ? 'gte' : 'eq'}, max_score: null, hits},
    }
    if (body.aggs || body.aggregations) result.aggregations = aggregate((body.aggs ?? body.aggregations) as Json, hasIndex ? filter : {...filter, template: () => false})
    return result
  }

  function searchHits(filter: Filter, size: number, sort: unknown, after: unknown[] | undefined): Json[] {
    const first = Array.isArray(sort) ? (sort[0] as Json | string | undefined) : undefined
    const order = first && typeof first === 'object' ? Object.values(first)[0] : 'asc'
    const backward = (typeof order === 'object' ? (order as Json).order : order) === 'desc'
    let {from, to} = filter
    if (after) {
      if (backward) to = Math.min(to, Number(after[0]) + 1)
      else from = Math.max(from, Number(after[0]))
    }
    const out: Json[] = []
    for (const entry of store.scan({start: from, end: to, backward, mayMatch: filter.template})) {
      const id = docId(entry)
      if (after && (backward ? !(entry.ms < Number(after[0]) || (entry.ms === Number(after[0]) && id < Number(after[1]))) : !(entry.ms > Number(after[0]) || (entry.ms === Number(after[0]) && id > Number(after[1]))))) continue
      out.push({_index: indexName, _id: String(id), _score: null, _source: store.ecsDocument(entry), sort: [entry.ms, id]})
      if (out.length >= size) break
    }
    return out
  }

  function countDocs(filter: Filter, from: number, to: number): number {
    let total = 0
    for (let minute = Math.floor(from / 60_000); minute * 60_000 < to; minute++) {
      const counts = store.countsAt(minute)
      store.spec.templates.forEach((template, k) => {
        if (counts[k] > 0 && filter.template(template)) total += counts[k]
      })
    }
    return total
  }

  function aggregate(aggs: Json, filter: Filter): Json {
    const out: Json = {}
    for (const [name, spec] of Object.entries(aggs) as Array<[string, Json]>) {
      const sub = (spec.aggs ?? spec.aggregations) as Json | undefined
      if (spec.date_histogram) {
        const h = spec.date_histogram as Json
        if (h.fixed_interval !== '1m') throw new EsError(400, 'illegal_argument_exception', 'this fake serves fixed_interval 1m only')
        const bounds = (h.extended_bounds ?? {}) as {min?: number; max?: number}
        const first = Math.floor(Math.max(filter.from, bounds.min ?? filter.from) / 60_000)
        const last = Math.floor((Math.min(filter.to, (bounds.max ?? filter.to - 1) + 1) - 1) / 60_000)
        const buckets: Json[] = []
        for (let minute = first; minute <= last; minute++) {
          const inner = {...filter, from: minute * 60_000, to: (minute + 1) * 60_000}
          const count = countDocs(inner, inner.from, inner.to)
          if (count === 0 && Number(h.min_doc_count ?? 1) > 0) continue
          buckets.push({key_as_string: new Date(minute * 60_000).toISOString(), key: minute * 60_000, doc_count: count, ...(sub ? aggregate(sub, inner) : {})})
        }
        out[name] = {buckets}
      } else if (spec.terms) {
        const field = (spec.terms as Json).field as string
        if (TEXT_FIELDS.has(field)) {
          throw new EsError(400, 'illegal_argument_exception', `Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [${field}] in order to load field data by uninverting the inverted index. Note that this can use significant memory.`)
        }
        const groups = new Map<string, StoreTemplate[]>()
        for (const template of store.spec.templates) {
          const key = fieldOf(template, field)
          if (key === null || !filter.template(template)) continue
          groups.set(key, [...(groups.get(key) ?? []), template])
        }
        const buckets = [...groups]
          .map(([key, templates]) => {
            const inner = {...filter, template: (t: StoreTemplate) => templates.includes(t) && filter.template(t)}
            return {key, doc_count: countDocs(inner, inner.from, inner.to), ...(sub ? aggregate(sub, inner) : {})}
          })
          .filter((bucket) => bucket.doc_count > 0)
          .sort((a, b) => b.doc_count - a.doc_count)
          .slice(0, Number((spec.terms as Json).size ?? 10))
        out[name] = {doc_count_error_upper_bound: 0, sum_other_doc_count: 0, buckets}
      } else if (spec.min) {
        const first = store.scan({start: filter.from, end: filter.to, mayMatch: filter.template}).next()
        out[name] = first.done ? {value: null} : {value: first.value.ms, value_as_string: new Date(first.value.ms).toISOString()}
      } else if (spec.filter) {
        const inner = intersect(filter, compile(spec.filter as Json))
        out[name] = {doc_count: countDocs(inner, inner.from, inner.to), ...(sub ? aggregate(sub, inner) : {})}
      } else throw new EsError(400, 'x_content_parse_exception', `[1:1] unknown aggregation type [${Object.keys(spec)[0]}]`)
    }
    return out
  }

  function compile(query: Json | undefined): Filter {
    const all: Filter = {from: store.spec.from, to: store.spec.to, template: () => true}
    if (!query || query.match_all) return all
    const [type, spec] = Object.entries(query)[0] as [string, Json]
    switch (type) {
      case 'bool': {
        const must = [...asList(spec.filter), ...asList(spec.must)].map(compile)
        const should = asList(spec.should).map(compile)
        const not = asList(spec.must_not).map(compile)
        const base = must.reduce(intersect, all)
        return {...base, template: (t) => base.template(t) && (should.length === 0 || should.some((f) => f.template(t))) && !not.some((f) => f.template(t))}
      }
      case 'range': {
        const [field, bounds] = Object.entries(spec)[0] as [string, Json]
        if (field !== '@timestamp') throw new EsError(400, 'parsing_exception', `this fake ranges over @timestamp only, not [${field}]`)
        const from = bounds.gte !== undefined ? Number(bounds.gte) : bounds.gt !== undefined ? Number(bounds.gt) + 1 : all.from
        const to = bounds.lt !== undefined ? Number(bounds.lt) : bounds.lte !== undefined ? Number(bounds.lte) + 1 : all.to
        return {from, to, template: () => true}
      }
      case 'term': {
        const [field, value] = Object.entries(spec)[0]
        const wanted = typeof value === 'object' && value !== null ? String((value as Json).value) : String(value)
        return {...all, template: (t) => fieldOf(t, field) === wanted}
      }
      case 'terms': {
        const [field, values] = Object.entries(spec)[0] as [string, unknown[]]
        return {...all, template: (t) => values.map(String).includes(fieldOf(t, field) ?? '\u0000')}
      }
      case 'match_phrase': {
        const [field, value] = Object.entries(spec)[0]
        const phrase = String(typeof value === 'object' && value !== null ? (value as Json).query : value).toLowerCase()
        return {...all, template: (t) => (textOf(t, field) ?? '').toLowerCase().includes(phrase)}
      }
      case 'query_string': {
        const words = String(spec.query).split(/\s+OR\s+/).map((w) => w.replace(/["()]/g, '').toLowerCase())
        const field = String(spec.default_field ?? 'message')
        return {...all, template: (t) => words.some((w) => (textOf(t, field) ?? '').toLowerCase().split(/[^a-z0-9]+/).includes(w))}
      }
      default:
        throw new EsError(400, 'parsing_exception', `unknown query [${type}]`)
    }
  }

  function fieldOf(template: StoreTemplate, field: string): string | null {
    if (field === 'log.level') return template.level
    if (field === 'service.name') return store.spec.service
    if (field === 'kubernetes.namespace') return store.spec.namespace
    if (field === 'error.type') return template.errorType ?? null
    return null
  }

  function textOf(template: StoreTemplate, field: string): string | null {
    const line = JSON.parse(store.templateLine(template)) as {msg: string}
    if (field === 'message') return line.msg
    return fieldOf(template, field)
  }
}

function intersect(a: Filter, b: Filter): Filter {
  return {from: Math.max(a.from, b.from), to: Math.min(a.to, b.to), template: (t) => a.template(t) && b.template(t)}
}

function asList(value: unknown): Json[] {
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]) as Json[]
}

function docId(entry: StoreEntry): number {
  return entry.minute * 1_000_000 + entry.index
}
