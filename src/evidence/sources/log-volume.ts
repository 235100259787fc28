import {type AggregatorState, exportAggregatorState} from '../logs/aggregator-state.js'
import {emptyBucketCounts, LogAggregator} from '../logs/log-aggregator.js'
import {detectOnset} from '../logs/detect-onset.js'
import {normalizeLevel} from '../logs/log-record.js'
import type {RawSeries} from '../metrics/metric-source.js'

/**
 * What a log store counted for us (pushed-down aggregates): lines per minute by level. These
 * counts stand for the volume of the logs — the buckets, totals and onset of the log digest —
 * while the bounded sample of lines gives the templates, exceptions and endpoints.
 */
export interface VolumeBucket {
  /** Start of the minute, epoch ms. */
  t: number
  total: number
  warn: number
  error: number
}

const MINUTE_MS = 60_000

/**
 * Per-minute volume from count series keyed by a level label (`level`, `detected_level`, or the
 * key of a terms bucket): each series adds to the total, and to errors or warnings by its level.
 * `errorsOnly` are counts of error lines found by content, for a store whose lines carry no level.
 * Minutes without a sample count as zero lines; a sample stamped at the end of its minute counts
 * for the minute before (`endStamped`, as Prometheus-style range queries stamp them).
 */
export function volumeFromSeries(
  series: readonly RawSeries[],
  options: {from: number; to: number; levelOf: (labels: Record<string, string>) => string | null; endStamped: boolean; errorsOnly?: readonly RawSeries[]},
): VolumeBucket[] {
  const first = Math.floor(options.from / MINUTE_MS)
  const last = Math.ceil(options.to / MINUTE_MS) - 1
  if (last < first) return []
  const buckets: VolumeBucket[] = Array.from({length: last - first + 1}, (_, i) => ({t: (first + i) * MINUTE_MS, total: 0, warn: 0, error: 0}))
  const at = (t: number) => buckets[Math.floor(t / MINUTE_MS) - (options.endStamped ? 1 : 0) - first]
  for (const s of series) {
    const level = normalizeLevel(options.levelOf(s.labels))
    for (const [t, v] of s.points) {
      const bucket = at(t)
      if (!bucket || v === null) continue
      bucket.total += v
      if (level === 'error') bucket.error += v
      else if (level === 'warn') bucket.warn += v
    }
  }
  for (const s of options.errorsOnly ?? []) {
    for (const [t, v] of s.points) {
      const bucket = at(t)
      if (bucket && v !== null) bucket.error += v
    }
  }
  for (const bucket of buckets) bucket.error = Math.min(bucket.error, bucket.total)
  return buckets
}

export function hasLevels(series: readonly RawSeries[], levelOf: (labels: Record<string, string>) => string | null): boolean {
  return series.some((s) => normalizeLevel(levelOf(s.labels)) !== null)
}

/** Where the error rate of the volume changed (the same change-point model as for log files), else null. */
export function volumeOnset(buckets: readonly VolumeBucket[], hint: number | null): number | null {
  const onset = detectOnset({starts: buckets.map((b) => b.t), totals: buckets.map((b) => b.total), errors: buckets.map((b) => b.error)}, {hint})
  return onset === null ? null : onset.at
}

/**
 * The state of a log store to merge into the log analysis: the sample's templates, exceptions,
 * endpoints and clients, with the store's counts as the buckets and totals. Request counts are
 * the sample's own only where the store counted nothing of them: they are left out, not guessed,
 * and so are the ids of the sample's failed requests, which would be counted without them.
 */
export function storeState(volume: readonly VolumeBucket[], sample: AggregatorState | null): AggregatorState {
  const buckets: AggregatorState['buckets'] = volume.map((b) => [b.t, {...emptyBucketCounts(), total: b.total, warn: b.warn, error: b.error}])
  const timed = volume.filter((b) => b.total > 0)
  const firstError = volume.find((b) => b.error > 0)
  const totals = {
    lines: 0,
    events: volume.reduce((sum, b) => sum + b.total, 0),
    errors: volume.reduce((sum, b) => sum + b.error, 0),
    warnings: volume.reduce((sum, b) => sum + b.warn, 0),
    http5xx: 0,
    requests: 0,
  }
  return {
    ...(sample ?? emptyState()),
    buckets,
    totals,
    failedRequestIds: {ids: [], sources: [], capped: false},
    firstErrorAt: firstError?.t ?? Number.POSITIVE_INFINITY,
    minTs: timed[0]?.t ?? Number.POSITIVE_INFINITY,
    maxTs: timed.length > 0 ? timed.at(-1)!.t + MINUTE_MS - 1 : Number.NEGATIVE_INFINITY,
  }
}

/** The state of an aggregator that read nothing: a store with counts and no sample. */
function emptyState(): AggregatorState {
  return exportAggregatorState(new LogAggregator())
}
