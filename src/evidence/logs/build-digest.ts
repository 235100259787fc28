import type {EvidenceItem} from '../../incident/evidence-item.js'
import {placeholder, redact} from '../../redact/redact.js'
import {detectOnset, incidentStart, type OnsetEstimate} from './detect-onset.js'
import {addHistogram, histogramQuantile, newLatencyHistogram} from './latency-histogram.js'
import {addBucketCounts, type BucketCounts, emptyBucketCounts, type EndpointStats, type LogAggregator, type TemplateStats} from './log-aggregator.js'
import type {LogDigest, LogFileSummary, LogTemplate} from './log-digest.js'
import {loginFailuresByIp} from './login-failures-by-ip.js'
import {OVERFLOW_TEMPLATE} from './template-miner.js'
import {coveredGroupKeys} from './covering-templates.js'

/**
 * Turns the one-pass state into the bounded digest and its evidence items: fills the bucket
 * series, finds the onset, splits every template's counts into baseline and incident windows,
 * ranks templates (new or surging errors first) and redacts every text that leaves.
 */
export interface DigestOptions {
  onsetHint: number | null
  redactIps: boolean
  maxTemplates: number
  maxBucketsOut: number
  maxEndpoints: number
  maxExceptions: number
  maxTopClients: number
}

const ONSET_METHOD = 'binomial-epidemic-changepoint'
const ANCHOR_TEXT: Record<string, string> = {'started-at': '--started-at', alert: 'the alert', 'file-mtime': "the file's modification time"}

const iso = (ms: number) => new Date(ms).toISOString()
const isoOrNull = (ms: number) => (Number.isFinite(ms) ? iso(ms) : null)
const fmt = (n: number) => n.toLocaleString('en-US')
const hhmm = (ms: number) => `${iso(ms).slice(11, 16)}Z`

interface Series {
  widthMs: number
  starts: number[]
  buckets: BucketCounts[]
}

/** Buckets from first to last with empty ones filled, merged further if the span is too long. */
function fillSeries(aggregator: LogAggregator, maxBuckets: number): Series {
  const keys = aggregator.grid.sortedKeys()
  if (keys.length === 0) return {widthMs: aggregator.grid.widthMs, starts: [], buckets: []}
  let factor = 1
  while ((keys.at(-1)! - keys[0] + 1) / factor > maxBuckets) factor *= 2
  const widthMs = aggregator.grid.widthMs * factor
  const firstKey = Math.floor(keys[0] / factor)
  const count = Math.floor(keys.at(-1)! / factor) - firstKey + 1
  const buckets: BucketCounts[] = Array.from({length: count}, emptyBucketCounts)
  for (const [key, bucket] of aggregator.grid.buckets) {
    addBucketCounts(buckets[Math.floor(key / factor) - firstKey], bucket)
  }
  const starts = buckets.map((_, i) => (firstKey + i) * widthMs)
  return {widthMs, starts, buckets}
}

interface TemplateGroup {
  template: string
  stats: TemplateStats[]
  count: number
  /** Lines of the group's largest cluster, whose template the group shows. */
  largest: number
  errors: number
  baselineCount: number
  incidentCount: number
  firstSeen: number
  lastSeen: number
  levels: Set<string>
  surgeScore: number
  isNew: boolean
  relevance: number
}

/**
 * Templates grouped, each group's lines split into before and since the onset. Lines of an
 * untimed file count at the moment their file is anchored on (reading.anchor); untimed lines with
 * no anchor count as before, since nothing places them after.
 */
function groupTemplates(aggregator: LogAggregator, onsetAt: number | null, from: number, to: number, widthMs: number, anchorMsOf: (stats: TemplateStats) => number | null): TemplateGroup[] {
  const groups = new Map<string, TemplateGroup>()
  const gridWidth = aggregator.grid.widthMs
  const keys = coveredGroupKeys(aggregator.miner)
  for (const cluster of aggregator.miner.clusters) {
    const stats = aggregator.templates[cluster.id]
    if (!stats) continue
    const key = keys[cluster.id]
    let group = groups.get(key)
    if (!group) {
      group = {template: aggregator.miner.templateOf(cluster), stats: [], count: 0, largest: 0, errors: 0, baselineCount: 0, incidentCount: 0, firstSeen: Infinity, lastSeen: -Infinity, levels: new Set(), surgeScore: 0, isNew: false, relevance: 0}
      groups.set(key, group)
    }
    // The group is shown as its largest cluster's template.
    if (stats.count > group.largest) {
      group.template = aggregator.miner.templateOf(cluster)
      group.largest = stats.count
    }
    group.stats.push(stats)
    group.count += stats.count
    group.errors += stats.errors
    group.firstSeen = Math.min(group.firstSeen, stats.firstSeen)
    group.lastSeen = Math.max(group.lastSeen, stats.lastSeen)
    for (const level of stats.levels) group.levels.add(level)
    let timed = 0
    for (const [bucketKey, count] of stats.byBucket) {
      timed += count
      if (onsetAt !== null && bucketKey * gridWidth >= onsetAt) group.incidentCount += count
      else group.baselineCount += count
    }
    const untimed = stats.count - timed
    if (untimed > 0) {
      const anchor = anchorMsOf(stats)
      if (onsetAt !== null && anchor !== null && anchor >= onsetAt) group.incidentCount += untimed
      else group.baselineCount += untimed
    }
  }
  const baselineSpan = onsetAt === null ? 0 : Math.max(widthMs, onsetAt - from)
  const incidentSpan = onsetAt === null ? 0 : Math.max(widthMs, to - onsetAt + widthMs)
  for (const group of groups.values()) {
    if (onsetAt !== null) {
      // A surge is a rate over a time range; with no timed line there is none to measure.
      const incidentRate = group.incidentCount / incidentSpan
      const baselineRate = (group.baselineCount + 1) / baselineSpan
      group.surgeScore = group.incidentCount === 0 || to <= from ? 0 : Math.round(Math.log2(incidentRate / baselineRate) * 100) / 100
      group.isNew = group.baselineCount === 0 && group.incidentCount > 0
    }
    const severity = group.levels.has('error') ? 2 : group.levels.has('warn') ? 1 : 0
    group.relevance = (group.isNew ? 3 : 0) * (severity + 1) + Math.max(0, group.surgeScore) * (severity + 1) + severity * 2 + Math.log10(group.count + 1) * 0.3
  }
  return [...groups.values()].sort((a, b) => b.relevance - a.relevance || b.count - a.count || (a.template < b.template ? -1 : 1))
}

export function buildDigest(aggregator: LogAggregator, files: LogFileSummary[], options: DigestOptions): {digest: LogDigest; items: EvidenceItem[]} {
  // Files with no times at all are anchored on a reference (reading.anchor): their templates and
  // exceptions are cited at that time, said to be approximate, and kept out of the buckets.
  const anchors = new Map(files.flatMap((file) => (file.reading?.anchor ? [[file.path, file.reading.anchor] as const] : [])))
  const anchorOf = (samples: ReadonlyArray<{file: string}>) => samples.map((sample) => anchors.get(sample.file)).find((anchor) => anchor !== undefined) ?? null
  const clean = (text: string) => redact(text, {ips: options.redactIps})
  const series = fillSeries(aggregator, options.maxBucketsOut)
  const hasTime = series.starts.length > 0
  const from = hasTime ? aggregator.minTs : 0
  const to = hasTime ? aggregator.maxTs : 0
  const onset: OnsetEstimate | null = hasTime
    ? detectOnset(
        {starts: series.starts, totals: series.buckets.map((b) => b.total), errors: series.buckets.map((b) => b.error)},
        {hint: options.onsetHint},
      )
    : null
  const items: EvidenceItem[] = []
  let nextId = 1
  const newId = () => `ev-logs-${nextId++}`

  let onsetOut: LogDigest['onset'] = null
  // The onset is the incident's first new error line; counts are split at the start of its bucket.
  const onsetAt = onset ? incidentStart(onset.at, series.widthMs, aggregator.templates.filter((stats) => stats && stats.errors > 0)) : null
  const splitAt = onsetAt === null ? null : Math.floor(onsetAt / aggregator.grid.widthMs) * aggregator.grid.widthMs
  if (onset && onsetAt !== null) {
    const id = newId()
    const windowEnd = series.starts[onset.endIndex - 1] + series.widthMs
    const window = sumBuckets(series.buckets.slice(onset.index, onset.endIndex))
    const since = sumBuckets(series.buckets.slice(onset.index))
    onsetOut = {
      at: iso(onsetAt),
      method: ONSET_METHOD,
      confidence: onset.confidence,
      baselineErrorRate: round4(onset.baselineErrorRate),
      incidentErrorRate: round4(onset.incidentErrorRate),
      evidenceId: id,
      windowEnd: iso(windowEnd),
      windowLines: window.total,
      windowErrors: window.error,
      linesSinceOnset: since.total,
      errorsSinceOnset: since.error,
    }
    const firstError = firstErrorSampleAfter(aggregator, onset.at)
    // The rate inside the change-point's window comes with its lines and span: a window of twelve
    // lines at 100 % says something else than twelve thousand.
    const windowText = `${fmt(window.error)} of ${fmt(window.total)} lines, ${hhmm(onset.at)}–${hhmm(windowEnd)}`
    items.push({
      id,
      source: 'logs',
      kind: 'log-onset',
      summary: `Error rate rose from ${pct(onset.baselineErrorRate)} to ${pct(onset.incidentErrorRate)} (${windowText}) at ${hhmm(onsetAt)} (confidence ${onset.confidence})`,
      at: onsetOut.at,
      ref: firstError ? {file: firstError.file, line: firstError.line} : {},
      data: {baselineErrorRate: onsetOut.baselineErrorRate, incidentErrorRate: onsetOut.incidentErrorRate, llr: Math.round(onset.llr), windowEnd: iso(windowEnd), windowLines: window.total, windowErrors: window.error, linesSinceOnset: since.total, errorsSinceOnset: since.error},
    })
  }

  // Without a change-point in the logs, lines are split at the declared time (--started-at, the
  // alert), the onset every other phase falls back to.
  const groups = groupTemplates(aggregator, splitAt ?? options.onsetHint, from, to, series.widthMs, (stats) => {
    const anchor = anchorOf(stats.samples)
    return anchor ? Date.parse(anchor.at) : null
  })
  const templates: LogTemplate[] = groups.slice(0, options.maxTemplates).map((group) => {
    const id = newId()
    const samples = group.stats.flatMap((s) => s.samples).slice(0, 3)
    const ref = samples[0] ?? {file: '', line: 0}
    const levels = (['debug', 'info', 'warn', 'error'] as const).filter((level) => group.levels.has(level))
    const template = clean(group.template)
    const level = levels.includes('error') ? 'ERROR' : levels.includes('warn') ? 'WARN' : ''
    // Plain-text templates usually carry their level word already ("ERROR <*> OrderService …").
    const levelWord = level && !template.slice(0, 40).toUpperCase().includes(level) ? `${level} ` : ''
    const anchored = Number.isFinite(group.firstSeen) ? null : anchorOf(samples)
    // Untimed lines first: a time that is only an anchor must be said so before anything is read into it.
    const note = anchored
      ? ` (untimed lines; time approximate, anchored on ${ANCHOR_TEXT[anchored.source]})`
      : group.isNew && onset
        ? ` (new since onset ${hhmm(onset.at)})`
        : group.surgeScore >= 1
          ? ` (surging ×${(2 ** group.surgeScore).toFixed(1)} since onset)`
          : ''
    items.push({
      id,
      source: 'logs',
      kind: 'log-template',
      summary: `${fmt(group.count)}× ${levelWord}${template.slice(0, 200)}${note}`,
      at: isoOrNull(group.firstSeen) ?? anchored?.at ?? null,
      ref: {file: ref.file, line: ref.line},
      data: {count: group.count, errors: group.errors, baselineCount: group.baselineCount, incidentCount: group.incidentCount, surgeScore: group.surgeScore, isNew: group.isNew, ...(anchored ? {approximateTime: true} : {})},
    })
    return {
      evidenceId: id,
      template,
      count: group.count,
      baselineCount: group.baselineCount,
      incidentCount: group.incidentCount,
      surgeScore: group.surgeScore,
      isNew: group.isNew,
      firstSeen: isoOrNull(group.firstSeen),
      lastSeen: isoOrNull(group.lastSeen),
      levels,
      samples: samples.map((s) => clean(s.text)),
      ref: {file: ref.file, line: ref.line},
    }
  })

  const exceptions = [...aggregator.exceptions.values()]
    .sort((a, b) => b.count - a.count || a.firstSeen - b.firstSeen)
    .slice(0, options.maxExceptions)
    .map((exception) => {
      const id = newId()
      const message = clean(exception.message)
      const type = clean(exception.type)
      const frames = exception.frames.map((f) => ({file: clean(f.file), line: f.line, function: clean(f.function)}))
      const top = frames[0]
      items.push({
        id,
        source: 'logs',
        kind: 'log-exception',
        summary: `${fmt(exception.count)}× ${type}: ${message.slice(0, 160)}${top ? ` at ${top.file}:${top.line}` : ''}`,
        at: isoOrNull(exception.firstSeen) ?? anchorOf([exception.ref])?.at ?? null,
        ref: {file: exception.ref.file, line: exception.ref.line},
        data: {count: exception.count, type, frames},
      })
      return {evidenceId: id, type, message, count: exception.count, firstSeen: isoOrNull(exception.firstSeen), frames}
    })

  let withSeries = MAX_ENDPOINT_SERIES
  const endpoints = [...aggregator.endpoints.values()]
    .sort((a, b) => b.errors - a.errors || b.denied - a.denied || b.total - a.total || (a.path < b.path ? -1 : 1))
    .slice(0, options.maxEndpoints)
    .map((endpoint) => {
      const id = newId()
      const path = clean(endpoint.path)
      items.push({
        id,
        source: 'logs',
        kind: 'log-endpoint',
        summary: `${endpoint.method} ${path}: ${fmt(endpoint.errors)} errors (${fmt(endpoint.http5xx)} 5xx)${endpoint.denied > 0 ? `, ${fmt(endpoint.denied)} denied (401/403)` : ''} of ${fmt(endpoint.total)} requests`,
        at: null,
        ref: {file: endpoint.ref.file, line: endpoint.ref.line},
        data: {total: endpoint.total, errors: endpoint.errors, http5xx: endpoint.http5xx, denied: endpoint.denied},
      })
      const perBucket = endpoint.http5xx > 0 && withSeries-- > 0 ? endpointSeries(endpoint, aggregator.grid.widthMs, series.widthMs) : undefined
      return {method: endpoint.method, path, total: endpoint.total, errors: endpoint.errors, http5xx: endpoint.http5xx, denied: endpoint.denied, source: endpoint.access ? ('access' as const) : ('app' as const), series: perBucket, evidenceId: id}
    })

  const topUsers = [...aggregator.users.entries()]
    .sort((a, b) => b[1].errors - a[1].errors || b[1].count - a[1].count)
    .slice(0, options.maxTopClients)
    .map(([user, counts]) => ({user: clean(user), count: counts.count, errors: counts.errors}))

  // Which client IPs the failed lines (errors, warnings: 4xx, refused logins) came from, and how concentrated.
  // The field is known to be an address, whatever its form (IPv6, a host name): masked whole.
  const topIps = aggregator.ips.top(options.maxTopClients).map(({address, count, failures}) => ({ip: options.redactIps ? placeholder('ip') : clean(address), count, failures}))
  const failingIps = topIps.filter((ip) => ip.failures > 0)
  const logins = loginFailuresByIp(aggregator.loginFailureIps, options.maxTopClients)
  const loginIps = logins && {...logins, top: logins.top.map(({ip, attempts}) => ({ip: options.redactIps ? placeholder('ip') : clean(ip), attempts}))}
  if (loginIps) {
    // Failed logins are counted once each, not again through their companion lines (PAM, "Invalid user", disconnects).
    const shown = loginIps.top.slice(0, 3)
    const share = shown.reduce((sum, ip) => sum + ip.attempts, 0) / loginIps.total
    items.push({
      id: newId(),
      source: 'logs',
      kind: 'log-clients',
      summary: `Client IPs with the most failed logins (each attempt once: its own line, else PAM's): ${shown.map((ip) => `${ip.ip} (${fmt(ip.attempts)})`).join(', ')}; together ${pct(share)} of the ${fmt(loginIps.total)} failed logins that name an address; ${fmt(loginIps.ips)} IPs had failed logins`,
      at: null,
      ref: {},
      data: {topIps: loginIps.top, ipsWithFailedLogins: loginIps.ips, failedLogins: loginIps.total, share: round4(share)},
    })
  } else if (failingIps.length > 0) {
    const failed = aggregator.totals.errors + aggregator.totals.warnings
    const shown = failingIps.slice(0, 3)
    const share = shown.reduce((sum, ip) => sum + ip.failures, 0) / Math.max(1, failed)
    items.push({
      id: newId(),
      source: 'logs',
      kind: 'log-clients',
      summary: `Client IPs with the most failed (error or warning) lines: ${shown.map((ip) => `${ip.ip} (${fmt(ip.failures)} of ${fmt(ip.count)})`).join(', ')}; together ${pct(share)} of all ${fmt(failed)} failed lines; ${fmt(aggregator.ips.withFailures)} of ${fmt(aggregator.ips.size)} IPs had failures`,
      at: null,
      ref: {},
      data: {topIps: failingIps, ipsWithFailures: aggregator.ips.withFailures, distinctIps: aggregator.ips.size, share: round4(share)},
    })
  }

  const requestIds = requestIdSources(aggregator)
  const failedIds = requestIds ? failedIdsPerBucket(aggregator, series) : null
  const digest: LogDigest = {
    schemaVersion: 1,
    files,
    totals: {lines: aggregator.totals.lines, errors: aggregator.totals.errors, warnings: aggregator.totals.warnings, http5xx: aggregator.totals.http5xx, requests: aggregator.totals.requests},
    timeRange: hasTime ? {from: iso(from), to: iso(to)} : null,
    firstErrorAt: isoOrNull(aggregator.firstErrorAt),
    bucketWidthMs: series.widthMs,
    buckets: series.buckets.map((bucket, i) => {
      const out: LogDigest['buckets'][number] = {t: iso(series.starts[i]), total: bucket.total, warn: bucket.warn, error: bucket.error, http5xx: bucket.http5xx}
      if (bucket.accessRequests + bucket.appRequests > 0) {
        Object.assign(out, {accessRequests: bucket.accessRequests, accessFailed: bucket.accessFailed, appRequests: bucket.appRequests, appFailed: bucket.appFailed})
      }
      if (failedIds && (failedIds[i] > 0 || bucket.accessFailed + bucket.appFailed > 0)) {
        Object.assign(out, {accessFailedWithoutId: bucket.accessFailedWithoutId, appFailedWithoutId: bucket.appFailedWithoutId, failedRequestIds: failedIds[i]})
      }
      if (bucket.latency) {
        out.latencyP50Ms = histogramQuantile(bucket.latency, 0.5) ?? undefined
        out.latencyP95Ms = histogramQuantile(bucket.latency, 0.95) ?? undefined
      }
      return out
    }),
    onset: onsetOut,
    templates,
    templatesTotal: groups.length,
    endpoints,
    clients: {
      distinctUsers: aggregator.users.size,
      usersWithErrors: [...aggregator.users.values()].filter((counts) => counts.errors > 0).length,
      distinctIps: aggregator.ips.size,
      capped: aggregator.clientsCapped,
      topUsers,
      ipsWithFailures: aggregator.ips.withFailures,
      topIps,
      ...(loginIps ? {loginFailures: loginIps} : {}),
    },
    exceptions,
    ...(requestIds ? {requestIds} : {}),
    ...capsHit(aggregator),
    latency: aggregator.hasLatency ? latencySplit(series, onset?.at ?? null) : null,
  }
  return {digest, items}
}

/** The sources of failed request lines, when at least one such line carried a request id. */
function requestIdSources(aggregator: LogAggregator): LogDigest['requestIds'] {
  const {sources, capped} = aggregator.failedRequestIds
  if (![...sources.values()].some((counts) => counts.withId > 0)) return undefined
  return {sources: [...sources].map(([file, counts]) => ({file, kind: counts.access ? ('access' as const) : ('app' as const), failed: counts.failed, withId: counts.withId})), capped}
}

/** Distinct failed request ids per output bucket, each in the bucket of its first failure. */
function failedIdsPerBucket(aggregator: LogAggregator, series: Series): number[] {
  const counts = new Array<number>(series.buckets.length).fill(0)
  if (counts.length === 0) return counts
  const first = series.starts[0]
  for (const ts of aggregator.failedRequestIds.firstFailed.values()) {
    const index = Math.floor((ts - first) / series.widthMs)
    if (index >= 0 && index < counts.length) counts[index]++
  }
  return counts
}

function latencySplit(series: Series, onsetAt: number | null): LogDigest['latency'] {
  const baseline = newLatencyHistogram()
  const incident = newLatencyHistogram()
  series.buckets.forEach((bucket, i) => {
    if (bucket.latency) addHistogram(onsetAt !== null && series.starts[i] >= onsetAt ? incident : baseline, bucket.latency)
  })
  return {
    p50BaselineMs: histogramQuantile(baseline, 0.5),
    p95BaselineMs: histogramQuantile(baseline, 0.95),
    p50IncidentMs: histogramQuantile(incident, 0.5),
    p95IncidentMs: histogramQuantile(incident, 0.95),
  }
}

/** A real line to cite for the onset: the first error line of the error template that started nearest after it. */
function firstErrorSampleAfter(aggregator: LogAggregator, at: number): {file: string; line: number} | null {
  let best: {file: string; line: number; distance: number} | null = null
  for (const stats of aggregator.templates) {
    if (!stats || stats.errorSample === null || stats.lastSeen < at) continue
    const distance = Math.abs(stats.firstSeen - at)
    if (!best || distance < best.distance) best = {file: stats.errorSample.file, line: stats.errorSample.line, distance}
  }
  return best
}

/** Endpoints with failures whose per-bucket counts are kept (the digest stays bounded). */
const MAX_ENDPOINT_SERIES = 10

/** An endpoint's counts per output bucket (grid keys merged to the output width), in time order. */
function endpointSeries(endpoint: EndpointStats, gridWidthMs: number, widthMs: number): Array<[number, number, number]> {
  const merged = new Map<number, [number, number, number]>()
  for (const [key, counts] of endpoint.series) {
    const start = Math.floor((key * gridWidthMs) / widthMs) * widthMs
    const entry = merged.get(start)
    if (entry) {
      entry[1] += counts.total
      entry[2] += counts.failed
    } else merged.set(start, [start, counts.total, counts.failed])
  }
  return [...merged.values()].sort((a, b) => a[0] - b[0])
}

function sumBuckets(buckets: readonly BucketCounts[]): {total: number; error: number} {
  let total = 0
  let error = 0
  for (const bucket of buckets) {
    total += bucket.total
    error += bucket.error
  }
  return {total, error}
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000
const pct = (n: number) => `${(n * 100).toFixed(n < 0.01 ? 2 : 1)}%`

function capsHit(aggregator: LogAggregator): Pick<LogDigest, 'capped'> {
  const overflow = aggregator.miner.clusters.find((cluster) => cluster.tokens.length === 1 && cluster.tokens[0] === OVERFLOW_TEMPLATE)
  const hits: NonNullable<LogDigest['capped']> = []
  if (overflow) hits.push({what: 'templates', kept: aggregator.miner.settings.maxClusters, uncounted: aggregator.templates[overflow.id]?.count ?? overflow.size})
  if (aggregator.uncounted.endpointLines > 0) hits.push({what: 'endpoints', kept: aggregator.endpoints.size, uncounted: aggregator.uncounted.endpointLines})
  if (aggregator.uncounted.exceptionEvents > 0) hits.push({what: 'exceptions', kept: aggregator.exceptions.size, uncounted: aggregator.uncounted.exceptionEvents})
  if (aggregator.clientsCapped) hits.push({what: 'clients', kept: aggregator.limits.maxDistinctClients, uncounted: null})
  if (aggregator.failedRequestIds.capped) hits.push({what: 'request-ids', kept: aggregator.limits.maxFailedRequestIds, uncounted: null})
  return hits.length > 0 ? {capped: hits} : {}
}
