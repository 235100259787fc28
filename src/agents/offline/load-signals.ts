import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import {detectChangePoint} from '../../evidence/metrics/change-point.js'
import type {MetricSeriesDigest} from '../../evidence/metrics/metrics-digest.js'

/** What the metrics and the log volume say about load, latency and resources (pure). */
export interface RateChange {
  at: string
  /** after / before; Infinity when the level before was 0. */
  factor: number
  evidenceIds: string[]
  source: string
}

export interface Saturated {
  series: string
  resource: 'cpu' | 'memory' | 'disk' | 'connections' | 'other'
  ratio: number
  at: string
  evidenceIds: string[]
}

export interface MemoryRamp {
  series: string
  /** When memory left its baseline and started climbing. */
  startedAt: string
  evidenceId: string
}

const REQUEST_SERIES = /request|rps|qps|throughput|traffic/i
const NOT_RATE = /duration|latency|error|5xx|4xx|fail|p9\d|p50|seconds|_ms\b|bytes/i
const LATENCY_SERIES = /latency|duration|response[_-]?time|p9\d/i
const MEMORY_SERIES = /memory|heap|rss|working[_-]?set/i
const LIMIT_SERIES = /limit|max|capacity|total|quota/i
/** The span on each side of the onset whose request levels are compared when no step was found. */
const RAMP_SPAN_MS = 15 * 60_000

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** A sustained rise of request volume: from a request-rate metric, else from request log lines per bucket. */
export function requestRateChange(bundle: EvidenceBundle): RateChange | null {
  const requestSeries = (bundle.metrics?.series ?? []).filter((series) => REQUEST_SERIES.test(series.name) && !NOT_RATE.test(series.name))
  for (const series of requestSeries) {
    const cp = series.changePoint
    if (!cp || cp.direction !== 'up') continue
    return {at: cp.at, factor: cp.before > 0 ? cp.after / cp.before : Number.POSITIVE_INFINITY, evidenceIds: [series.evidenceId], source: series.name}
  }
  // A ramp (a crowd arriving over minutes) has no single step: compare the level around the onset.
  const onset = bundle.window.onset ? Date.parse(bundle.window.onset) : null
  for (const series of onset === null ? [] : requestSeries) {
    const level = (from: number, to: number) => median(series.points.flatMap(([t, v]) => (v !== null && t >= from && t < to ? [v] : [])))
    const before = level(onset! - RAMP_SPAN_MS, onset!)
    const after = level(onset!, onset! + RAMP_SPAN_MS)
    if (before !== null && after !== null && before > 0 && after / before >= 2) {
      return {at: bundle.window.onset!, factor: after / before, evidenceIds: [series.evidenceId], source: series.name}
    }
  }
  // Log lines stand in for requests only when most lines are requests (access logs), not stack traces.
  const logs = bundle.logs
  if (!logs || logs.totals.requests < logs.totals.lines / 2) return null
  const cp = detectChangePoint(logs.buckets.map((b) => [Date.parse(b.t), b.total]))
  if (!cp || cp.direction !== 'up' || cp.endedAt !== null) return null
  return {at: cp.at, factor: cp.before > 0 ? cp.after / cp.before : Number.POSITIVE_INFINITY, evidenceIds: [], source: 'log lines per minute'}
}

export function latencyRises(bundle: EvidenceBundle): MetricSeriesDigest[] {
  return (bundle.metrics?.series ?? []).filter((s) => s.changePoint?.direction === 'up' && LATENCY_SERIES.test(s.name))
}

export function saturatedResources(bundle: EvidenceBundle): Saturated[] {
  return (bundle.metrics?.series ?? []).flatMap((s) => {
    if (!s.saturation?.saturated) return []
    return [{series: s.name, resource: resourceOf(s.name), ratio: s.saturation.ratio, at: s.saturation.at, evidenceIds: [`${s.evidenceId}-sat`, s.evidenceId]}]
  })
}

function resourceOf(name: string): Saturated['resource'] {
  if (/cpu/i.test(name)) return 'cpu'
  if (MEMORY_SERIES.test(name)) return 'memory'
  if (/disk|filesystem|fs[_.-]|inode|volume/i.test(name)) return 'disk'
  if (/conn/i.test(name)) return 'connections'
  return 'other'
}

/**
 * When a memory series left its baseline for good: the first sample above the baseline (median of
 * the first fifth) by more than 10 % after which most samples stay above it. Catches the slow
 * linear climb of a leak, which a level-shift detector may not call a change.
 */
export function memoryRamps(bundle: EvidenceBundle): MemoryRamp[] {
  const ramps: MemoryRamp[] = []
  for (const series of bundle.metrics?.series ?? []) {
    if (!MEMORY_SERIES.test(series.name) || LIMIT_SERIES.test(series.name)) continue
    const points = series.points.filter((p): p is [number, number] => p[1] !== null)
    if (points.length < 10) continue
    const head = points.slice(0, Math.max(3, Math.floor(points.length / 5))).map((p) => p[1]).sort((a, b) => a - b)
    const baseline = head[Math.floor(head.length / 2)]
    const threshold = baseline * 1.1
    const start = points.findIndex((p, i) => {
      if (p[1] <= threshold) return false
      const rest = points.slice(i, i + 10)
      return rest.filter((q) => q[1] > threshold).length >= rest.length * 0.8
    })
    if (start <= 0) continue
    // The climb began where the values last sat at the baseline.
    let begin = start
    while (begin > 0 && points[begin - 1][1] > baseline * 1.02) begin--
    ramps.push({series: series.name, startedAt: new Date(points[begin][0]).toISOString(), evidenceId: series.evidenceId})
  }
  return ramps
}
