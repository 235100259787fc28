import {redactSample} from '../../redact/cap-redacted.js'
import {detach} from './detach.js'
import {ClientAddresses} from './client-addresses.js'
import {normalizeEndpointPath} from './endpoint-path.js'
import {EndpointShapes, widenedPath} from './endpoint-shapes.js'
import {FailedRequestIds} from './failed-request-ids.js'
import {addHistogram, latencyBin, newLatencyHistogram} from './latency-histogram.js'
import type {LogLevel, LogRecord} from './log-record.js'
import {parseException, type StackFrame} from './stack-trace.js'
import {TemplateMiner, type MinerSettings, type TemplateCluster} from './template-miner.js'
import {coarsenCounts, TimeGrid} from './time-grid.js'

/**
 * The one-pass state of a log analysis: every finished event goes through `add`, which mines its
 * template and updates per-bucket, per-template, per-endpoint, per-exception and client counts.
 * Every collection is capped, so memory depends on the caps, not on the input size.
 */
export interface BucketCounts {
  total: number
  warn: number
  error: number
  http5xx: number
  /**
   * Request lines (with a status) and those with a 5xx, apart by source: access logs describe each
   * request once, while an application logs the same request in several lines, so impact is
   * counted from one kind of source, never both.
   */
  accessRequests: number
  accessFailed: number
  appRequests: number
  appFailed: number
  /** Of those 5xx, the lines that carried no request id: the ones that cannot be matched across sources. */
  accessFailedWithoutId: number
  appFailedWithoutId: number
  latency: Uint32Array | null
}

export const emptyBucketCounts = (): BucketCounts => ({total: 0, warn: 0, error: 0, http5xx: 0, accessRequests: 0, accessFailed: 0, appRequests: 0, appFailed: 0, accessFailedWithoutId: 0, appFailedWithoutId: 0, latency: null})

/** Adds one bucket's counts (and latency histogram) into another: merging workers, coarsening buckets. */
export function addBucketCounts(target: BucketCounts, bucket: BucketCounts): void {
  target.total += bucket.total
  target.warn += bucket.warn
  target.error += bucket.error
  target.http5xx += bucket.http5xx
  target.accessRequests += bucket.accessRequests
  target.accessFailed += bucket.accessFailed
  target.appRequests += bucket.appRequests
  target.appFailed += bucket.appFailed
  target.accessFailedWithoutId += bucket.accessFailedWithoutId
  target.appFailedWithoutId += bucket.appFailedWithoutId
  if (bucket.latency) {
    target.latency ??= newLatencyHistogram()
    addHistogram(target.latency, bucket.latency)
  }
}

export interface Sample {
  text: string
  file: string
  line: number
}

export interface TemplateStats {
  count: number
  firstSeen: number
  lastSeen: number
  levels: Set<Exclude<LogLevel, null>>
  errors: number
  samples: Sample[]
  /** The first error line of this template, to cite for the onset. */
  errorSample: Sample | null
  byBucket: Map<number, number>
}

export interface EndpointStats {
  method: string
  path: string
  total: number
  errors: number
  http5xx: number
  /** 401 and 403 responses: refused logins, expired or stolen tokens. */
  denied: number
  /** Counted from an access log (else from application lines): the two are kept apart. */
  access: boolean
  /** Requests and 5xx responses per grid bucket, for the before/after-onset comparison. */
  series: Map<number, EndpointBucket>
  ref: Sample
}

export interface EndpointBucket {
  total: number
  failed: number
}

export interface ExceptionStats {
  type: string
  message: string
  count: number
  firstSeen: number
  frames: StackFrame[]
  ref: Sample
}

export interface AggregatorLimits {
  maxBuckets: number
  maxEndpoints: number
  maxExceptions: number
  maxDistinctClients: number
  /** Ids of failed requests kept to match them across sources (about 100 bytes each). */
  maxFailedRequestIds: number
  maxSampleChars: number
  samplesPerTemplate: number
}

const DEFAULT_LIMITS: AggregatorLimits = {
  maxBuckets: 1440,
  maxEndpoints: 2000,
  maxExceptions: 1000,
  maxDistinctClients: 100_000,
  maxFailedRequestIds: 100_000,
  maxSampleChars: 500,
  samplesPerTemplate: 3,
}

const MAX_MINED_CHARS = 2000
const MAX_METHOD_CHARS = 20
const MAX_USER_CHARS = 200

export class LogAggregator {
  readonly miner: TemplateMiner
  readonly limits: AggregatorLimits
  readonly grid: TimeGrid<BucketCounts>
  readonly templates: TemplateStats[] = []
  /** Keyed `METHOD path`; the per-line lookups go through endpointsByMethod. */
  readonly endpoints = new Map<string, EndpointStats>()
  private readonly endpointsByMethod = new Map<string, Map<string, EndpointStats>>()
  private readonly accessEndpointsByMethod = new Map<string, Map<string, EndpointStats>>()
  private readonly endpointShapes = new EndpointShapes()
  // The series bucket of the previous request line's endpoint: lines of one endpoint mostly share a minute.
  private seriesEndpoint: EndpointStats | null = null
  private seriesKey = Number.NaN
  private seriesBucket: EndpointBucket | null = null
  readonly exceptions = new Map<string, ExceptionStats>()
  readonly users = new Map<string, {count: number; errors: number}>()
  readonly ips: ClientAddresses
  /** Failed logins by client address: their own lines, and PAM's records of them, apart (one attempt may have both). */
  readonly loginFailureIps: {attempt: ClientAddresses; pam: ClientAddresses}
  clientsCapped = false
  readonly failedRequestIds: FailedRequestIds
  /** Request lines of endpoints past the endpoint cap, and events of exception groups past theirs: counted in the totals only. */
  readonly uncounted = {endpointLines: 0, exceptionEvents: 0}
  totals = {lines: 0, events: 0, errors: 0, warnings: 0, http5xx: 0, requests: 0}
  firstErrorAt = Number.POSITIVE_INFINITY
  minTs = Number.POSITIVE_INFINITY
  maxTs = Number.NEGATIVE_INFINITY
  hasLatency = false

  constructor(miner: Partial<MinerSettings> = {}, limits: Partial<AggregatorLimits> = {}) {
    this.miner = new TemplateMiner(miner)
    this.limits = {...DEFAULT_LIMITS, ...limits}
    this.ips = new ClientAddresses(this.limits.maxDistinctClients)
    this.failedRequestIds = new FailedRequestIds(this.limits.maxFailedRequestIds)
    this.loginFailureIps = {attempt: new ClientAddresses(this.limits.maxDistinctClients), pam: new ClientAddresses(this.limits.maxDistinctClients)}
    this.grid = new TimeGrid<BucketCounts>(
      this.limits.maxBuckets,
      emptyBucketCounts,
      addBucketCounts,
    )
    this.grid.onCoarsen(() => {
      for (const stats of this.templates) if (stats) stats.byBucket = coarsenCounts(stats.byBucket)
      for (const endpoint of this.endpoints.values()) endpoint.series = coarsenEndpointSeries(endpoint.series)
      this.seriesEndpoint = null
    })
  }

  /** One finished event: its first line (`rawLine` at `file:line`) and any attached trace lines; `accessLog` when its file is one. */
  add(record: LogRecord, rawLine: string, file: string, line: number, continuation: readonly string[], accessLog = false): void {
    this.totals.events++
    const isError = record.level === 'error' || (record.status !== null && record.status >= 500)
    const isWarn = !isError && record.level === 'warn'
    const is5xx = record.status !== null && record.status >= 500
    if (isError) this.totals.errors++
    if (isWarn) this.totals.warnings++
    if (is5xx) this.totals.http5xx++
    if (record.status !== null) this.totals.requests++

    const ts = record.ts
    const timed = !Number.isNaN(ts)
    let bucketKey = 0
    if (timed) {
      if (ts < this.minTs) this.minTs = ts
      if (ts > this.maxTs) this.maxTs = ts
      if (isError && ts < this.firstErrorAt) this.firstErrorAt = ts
      const bucket = this.grid.at(ts)
      bucketKey = this.grid.keyOf(ts)
      bucket.total++
      if (isError) bucket.error++
      if (isWarn) bucket.warn++
      if (is5xx) bucket.http5xx++
      if (record.status !== null) {
        if (accessLog) {
          bucket.accessRequests++
          if (is5xx) bucket.accessFailed++
          if (is5xx && record.requestId === null) bucket.accessFailedWithoutId++
        } else {
          bucket.appRequests++
          if (is5xx) bucket.appFailed++
          if (is5xx && record.requestId === null) bucket.appFailedWithoutId++
        }
        if (is5xx) this.failedRequestIds.add(record.requestId, ts, file, accessLog)
      }
      if (record.latencyMs !== null) {
        this.hasLatency = true
        bucket.latency ??= newLatencyHistogram()
        bucket.latency[latencyBin(record.latencyMs)]++
      }
    }

    const message = record.message.length > MAX_MINED_CHARS ? record.message.slice(0, MAX_MINED_CHARS) : record.message
    const stats = this.statsOf(this.miner.add(message))
    stats.count++
    if (isError) stats.errors++
    if (record.level) stats.levels.add(record.level)
    else if (is5xx) stats.levels.add('error')
    if (timed) {
      if (ts < stats.firstSeen) stats.firstSeen = ts
      if (ts > stats.lastSeen) stats.lastSeen = ts
      stats.byBucket.set(bucketKey, (stats.byBucket.get(bucketKey) ?? 0) + 1)
    }
    if (isError && stats.errorSample === null) stats.errorSample = {text: '', file, line}
    if (stats.samples.length < this.limits.samplesPerTemplate) {
      stats.samples.push({text: detach(redactSample(rawLine, this.limits.maxSampleChars)), file, line})
    }

    if (record.method !== null && record.path !== null) this.addEndpoint(record, isError, is5xx, rawLine, file, line, accessLog, timed ? bucketKey : Number.NaN)
    if (record.user !== null || record.ip !== null) this.addClient(record, isError)
    if (continuation.length > 0 || record.stack !== null) {
      const trace = record.stack !== null ? record.stack.split('\n') : continuation
      const firstLine = record.stack !== null ? trace[0] : rawLine
      this.addException(firstLine, record.stack !== null ? trace.slice(1) : trace, ts, rawLine, file, line)
    }
  }

  private addEndpoint(record: LogRecord, isError: boolean, is5xx: boolean, rawLine: string, file: string, line: number, access: boolean, bucketKey: number): void {
    // Capped (a scanner's garbage "method" can be long) before the lookup, so lookup and key agree.
    const method = record.method!.length > MAX_METHOD_CHARS ? record.method!.slice(0, MAX_METHOD_CHARS) : record.method!
    const path = this.shapeEndpointPath(normalizeEndpointPath(record.path!))
    // Looked up by method, then path: a "METHOD path" key built per request line cost more than the lookup.
    let endpoint = (access ? this.accessEndpointsByMethod : this.endpointsByMethod).get(method)?.get(path)
    if (!endpoint) {
      // Checked before the sample is redacted: past the cap every request line of a new path
      // would otherwise pay for a redaction whose result is thrown away.
      if (this.endpoints.size >= this.limits.maxEndpoints) {
        this.uncounted.endpointLines++
        return
      }
      endpoint = {method: detach(method), path: detach(path), total: 0, errors: 0, http5xx: 0, denied: 0, access, series: new Map(), ref: {text: detach(redactSample(rawLine, this.limits.maxSampleChars)), file, line}}
      this.insertEndpoint(endpoint)
    }
    endpoint.total++
    if (isError) endpoint.errors++
    if (is5xx) endpoint.http5xx++
    if (record.status === 401 || record.status === 403) endpoint.denied++
    if (Number.isNaN(bucketKey)) return
    if (endpoint !== this.seriesEndpoint || bucketKey !== this.seriesKey) {
      let bucket = endpoint.series.get(bucketKey)
      if (!bucket) endpoint.series.set(bucketKey, (bucket = {total: 0, failed: 0}))
      this.seriesEndpoint = endpoint
      this.seriesKey = bucketKey
      this.seriesBucket = bucket
    }
    this.seriesBucket!.total++
    if (is5xx) this.seriesBucket!.failed++
  }

  /** The path with the positions that vary widely read as `:id`; rows already held below a position that just became one are folded into its row. */
  private shapeEndpointPath(path: string): string {
    const shaped = this.endpointShapes.shape(path)
    for (const parent of shaped.widened) this.foldBelow(parent)
    return shaped.path
  }

  private foldBelow(parent: string): void {
    const moved: EndpointStats[] = []
    for (const [key, endpoint] of this.endpoints) {
      const path = widenedPath(endpoint.path, parent)
      if (path === null) continue
      this.endpoints.delete(key)
      ;(endpoint.access ? this.accessEndpointsByMethod : this.endpointsByMethod).get(endpoint.method)?.delete(endpoint.path)
      moved.push({...endpoint, path: detach(path)})
    }
    for (const endpoint of moved) this.addEndpointCounts(endpoint)
    this.seriesEndpoint = null
  }

  /** Adds another aggregator's counts for one endpoint (the results of a worker thread); its series is keyed by this grid. */
  mergeEndpoint(endpoint: EndpointStats): void {
    this.addEndpointCounts({...endpoint, path: this.shapeEndpointPath(endpoint.path)})
  }

  private addEndpointCounts(endpoint: EndpointStats): void {
    const target = (endpoint.access ? this.accessEndpointsByMethod : this.endpointsByMethod).get(endpoint.method)?.get(endpoint.path)
    if (!target) {
      if (!this.insertEndpoint({...endpoint})) this.uncounted.endpointLines += endpoint.total
      return
    }
    target.total += endpoint.total
    target.errors += endpoint.errors
    target.http5xx += endpoint.http5xx
    target.denied += endpoint.denied
    for (const [key, bucket] of endpoint.series) {
      const into = target.series.get(key)
      if (into) {
        into.total += bucket.total
        into.failed += bucket.failed
      } else target.series.set(key, {...bucket})
    }
    this.seriesEndpoint = null
  }

  private insertEndpoint(endpoint: EndpointStats): boolean {
    if (this.endpoints.size >= this.limits.maxEndpoints) return false
    const index = endpoint.access ? this.accessEndpointsByMethod : this.endpointsByMethod
    let byPath = index.get(endpoint.method)
    if (!byPath) index.set(endpoint.method, (byPath = new Map()))
    byPath.set(endpoint.path, endpoint)
    this.endpoints.set(`${endpoint.access ? 'access' : 'app'} ${endpoint.method} ${endpoint.path}`, endpoint)
    return true
  }

  private addClient(record: LogRecord, isError: boolean): void {
    if (record.ip !== null && !this.ips.add(record.ip, isError || record.level === 'warn')) this.clientsCapped = true
    if (record.ip !== null && record.loginFailure !== null && !this.loginFailureIps[record.loginFailure].add(record.ip, true)) this.clientsCapped = true
    if (record.user !== null) this.countUser(record.user, 1, isError ? 1 : 0)
  }

  /** The stats of a template cluster, created on first use. */
  statsOf(cluster: TemplateCluster): TemplateStats {
    let stats = this.templates[cluster.id]
    if (!stats) {
      stats = {count: 0, firstSeen: Number.POSITIVE_INFINITY, lastSeen: Number.NEGATIVE_INFINITY, levels: new Set(), errors: 0, samples: [], errorSample: null, byBucket: new Map()}
      this.templates[cluster.id] = stats
    }
    return stats
  }

  /** Adds lines (and error lines) of one user, up to the cap on distinct users. */
  countUser(user: string, count: number, errors: number): void {
    // Capped before the lookup, so an over-long id is looked up under the key it is stored under.
    const key = user.length > MAX_USER_CHARS ? user.slice(0, MAX_USER_CHARS) : user
    let counts = this.users.get(key)
    if (!counts) {
      if (this.users.size >= this.limits.maxDistinctClients) {
        this.clientsCapped = true
        return
      }
      counts = {count: 0, errors: 0}
      this.users.set(detach(key), counts)
    }
    counts.count += count
    counts.errors += errors
  }

  /** Adds another aggregator's counts for one exception group (the results of a worker thread). */
  mergeException(key: string, exception: ExceptionStats): void {
    const target = this.exceptions.get(key)
    if (target) {
      target.count += exception.count
      target.firstSeen = Math.min(target.firstSeen, exception.firstSeen)
    } else if (this.exceptions.size < this.limits.maxExceptions) this.exceptions.set(key, exception)
    else this.uncounted.exceptionEvents += exception.count
  }

  private addException(firstLine: string, trace: readonly string[], ts: number, rawLine: string, file: string, line: number): void {
    const parsed = parseException(firstLine, trace)
    if (!parsed) return
    // Group by type, top frame and the message with its variables masked.
    const top = parsed.frames[0]
    const key = `${parsed.type}|${top ? `${top.file}:${top.line}` : ''}|${this.miner.tokens(parsed.message).join(' ')}`
    let stats = this.exceptions.get(key)
    if (!stats) {
      if (this.exceptions.size >= this.limits.maxExceptions) {
        this.uncounted.exceptionEvents++
        return
      }
      stats = {
        type: detach(parsed.type, 200),
        message: detach(redactSample(parsed.message, this.limits.maxSampleChars)),
        count: 0,
        firstSeen: Number.POSITIVE_INFINITY,
        frames: parsed.frames.map((frame) => ({file: detach(frame.file, 300), line: frame.line, function: detach(frame.function, 200)})),
        ref: {text: detach(redactSample(rawLine, this.limits.maxSampleChars)), file, line},
      }
      this.exceptions.set(detach(key), stats)
    }
    stats.count++
    if (!Number.isNaN(ts) && ts < stats.firstSeen) stats.firstSeen = ts
  }
}

/** Halves the keys of an endpoint's per-bucket counts, summing merged neighbours. */
function coarsenEndpointSeries(series: Map<number, EndpointBucket>): Map<number, EndpointBucket> {
  const out = new Map<number, EndpointBucket>()
  for (const [key, bucket] of series) {
    const target = Math.floor(key / 2)
    const into = out.get(target)
    if (into) {
      into.total += bucket.total
      into.failed += bucket.failed
    } else out.set(target, bucket)
  }
  return out
}
