import {z} from 'zod'

import type {MetricPoint} from './metric-source.js'
import {median, ranks} from './robust-stats.js'

export const ChangePointSchema = z.object({
  /** First sample of the changed level. */
  at: z.iso.datetime(),
  /** Median level before and after (during) the change. */
  before: z.number(),
  after: z.number(),
  /** |after − before|, in the series' unit. */
  magnitude: z.number().nonnegative(),
  /** (after − before) / |before|; null when the level before was 0. */
  relativeChange: z.number().nullable(),
  direction: z.enum(['up', 'down']),
  /** The shift in robust standard deviations of the noise around each level. */
  score: z.number(),
  /** When the changed level ended (the series came back), else null. */
  endedAt: z.iso.datetime().nullable(),
})
export type ChangePoint = z.infer<typeof ChangePointSchema>

export interface ChangePointOptions {
  /** Minimum shift in robust standard deviations; below it the change is noise. */
  minScore?: number
  /** Minimum |relative change| of the level; a 3σ shift of a very steady series can still be tiny. */
  minRelativeChange?: number
}

const MIN_SAMPLES = 10
const MAX_P_VALUE = 0.001
const MAX_SAMPLES = 5000

/**
 * The most significant level shift of a series, or null. Works on ranks (a rank CUSUM, as in
 * Pettitt's test), so outliers and skew do not move it: the cumulative centred rank sum reaches its
 * extremes where the level changes, which finds both a lasting step and a spike that recovered.
 * Gaps (null values) are skipped. Significance is judged on medians and MAD, not means.
 */
export function detectChangePoint(points: readonly MetricPoint[], options: ChangePointOptions = {}): ChangePoint | null {
  const minScore = options.minScore ?? 4
  const minRelativeChange = options.minRelativeChange ?? 0.2
  const samples = downsample(points.filter((p): p is [number, number] => p[1] !== null))
  const n = samples.length
  if (n < MIN_SAMPLES) return null
  const values = samples.map((s) => s[1])

  const centre = (n + 1) / 2
  const rank = ranks(values)
  let sum = 0
  let minAt = 0
  let maxAt = 0
  let minSum = 0
  let maxSum = 0
  for (let i = 0; i < n; i++) {
    sum += rank[i] - centre
    if (sum < minSum) [minSum, minAt] = [sum, i + 1]
    if (sum > maxSum) [maxSum, maxAt] = [sum, i + 1]
  }
  // Pettitt's statistic K = 2·max|S|; its approximate p-value rules out walks that noise alone makes.
  const k = 2 * Math.max(-minSum, maxSum)
  if (2 * Math.exp((-6 * k * k) / (n ** 3 + n ** 2)) > MAX_P_VALUE) return null
  const lo = Math.min(minAt, maxAt)
  const hi = Math.max(minAt, maxAt)
  // The deviating stretch is [lo, hi). Starting at 0 it is the "before" of a step at hi.
  const [roughStart, roughEnd] = lo === 0 ? [hi, n] : [lo, hi]
  const minSegment = Math.max(3, Math.floor(n * 0.03))
  if (roughStart < minSegment || roughEnd - roughStart < minSegment) return null
  const {start, end} = refineBoundaries(values, roughStart, roughEnd)
  if (start < minSegment || end - start < minSegment) return null

  const beforeValues = values.slice(0, start)
  const afterValues = values.slice(start, end)
  const before = median(beforeValues)
  const after = median(afterValues)
  const magnitude = Math.abs(after - before)
  if (magnitude === 0) return null
  // Noise is the spread around each level, pooled, so a noisy incident period does not hide its own
  // shift. On coarse values (0, 1, 2 errors a minute) the MAD is often 0, so the mean absolute
  // deviation is a floor: otherwise any one-step wobble of the median would look infinitely large.
  const residuals = [...beforeValues.map((v) => Math.abs(v - before)), ...afterValues.map((v) => Math.abs(v - after))]
  const noise = Math.max(1.4826 * median(residuals), 1.2533 * (residuals.reduce((a, b) => a + b, 0) / residuals.length))
  const score = noise === 0 ? Number.POSITIVE_INFINITY : magnitude / noise
  const relativeChange = before === 0 ? null : (after - before) / Math.abs(before)
  if (score < minScore) return null
  if (relativeChange !== null && Math.abs(relativeChange) < minRelativeChange) return null

  return {
    at: new Date(samples[start][0]).toISOString(),
    before: round(before),
    after: round(after),
    magnitude: round(magnitude),
    relativeChange: relativeChange === null ? null : round(relativeChange),
    direction: after > before ? 'up' : 'down',
    score: Number.isFinite(score) ? round(score) : 999,
    endedAt: end < n ? new Date(samples[end][0]).toISOString() : null,
  }
}

/**
 * The rank CUSUM places a boundary only roughly when the changed stretch is short (its random-walk
 * drift moves the extreme). Each boundary is moved, within a window, to where the fewest samples
 * sit on the wrong side of the midpoint between the two levels.
 */
function refineBoundaries(values: number[], start: number, end: number): {start: number; end: number} {
  const n = values.length
  const inside = median(values.slice(start, end))
  const outside = median([...values.slice(0, start), ...values.slice(end)])
  const mid = (inside + outside) / 2
  const isInside = inside > outside ? (v: number) => v > mid : (v: number) => v < mid
  const window = Math.max(5, Math.round(n * 0.1))
  const refinedStart = bestSplit(values, isInside, Math.max(1, start - window), Math.min(end - 1, start + window), true)
  const refinedEnd = end === n ? n : bestSplit(values, isInside, Math.max(refinedStart + 1, end - window), Math.min(n - 1, end + window), false)
  return {start: refinedStart, end: refinedEnd}
}

/** The split k in [from, to] with the fewest misplaced samples in [from, to]; entering or leaving the stretch. */
function bestSplit(values: number[], isInside: (v: number) => boolean, from: number, to: number, entering: boolean): number {
  const wrongBefore = (v: number) => (entering ? isInside(v) : !isInside(v))
  let errors = 0
  for (let i = from; i < to; i++) if (!wrongBefore(values[i])) errors++
  let best = from
  let bestErrors = errors
  for (let k = from + 1; k <= to; k++) {
    errors += wrongBefore(values[k - 1]) ? 1 : -1
    if (errors < bestErrors) [best, bestErrors] = [k, errors]
  }
  return best
}

/** Long series are reduced to bucket medians (timed at the bucket start) to bound the work. */
function downsample(samples: Array<[number, number]>): Array<[number, number]> {
  if (samples.length <= MAX_SAMPLES) return samples
  const size = Math.ceil(samples.length / MAX_SAMPLES)
  const buckets: Array<[number, number]> = []
  for (let i = 0; i < samples.length; i += size) {
    const bucket = samples.slice(i, i + size)
    buckets.push([bucket[0][0], median(bucket.map((s) => s[1]))])
  }
  return buckets
}

function round(value: number): number {
  return Number(value.toPrecision(6))
}
