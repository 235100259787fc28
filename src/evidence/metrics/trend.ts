import {z} from 'zod'

import type {MetricPoint} from './metric-source.js'
import {median, ranks} from './robust-stats.js'

export const TrendSchema = z.object({
  direction: z.enum(['up', 'down']),
  /** Median of the first and of the last fifth of the samples. */
  from: z.number(),
  to: z.number(),
  /** Spearman rank correlation with time: 1 is a steady climb. */
  rho: z.number(),
})
export type Trend = z.infer<typeof TrendSchema>

const MIN_SAMPLES = 10

/**
 * A steady climb or fall with no single step (a leak, a filling disk), or null. It needs a strong
 * rank correlation with time and a large change between the first and last fifth.
 */
export function detectTrend(points: readonly MetricPoint[], options: {minRho?: number; minRelativeChange?: number} = {}): Trend | null {
  const minRho = options.minRho ?? 0.8
  const minRelativeChange = options.minRelativeChange ?? 0.5
  const values = points.flatMap(([, v]) => (v === null ? [] : [v]))
  const n = values.length
  if (n < MIN_SAMPLES) return null
  const valueRanks = ranks(values)
  const centre = (n + 1) / 2
  let covariance = 0
  let variance = 0
  for (let i = 0; i < n; i++) {
    covariance += (i + 1 - centre) * (valueRanks[i] - centre)
    variance += (valueRanks[i] - centre) ** 2
  }
  const timeVariance = (n * (n * n - 1)) / 12
  if (variance === 0) return null
  const rho = covariance / Math.sqrt(variance * timeVariance)
  const fifth = Math.max(2, Math.floor(n / 5))
  const from = median(values.slice(0, fifth))
  const to = median(values.slice(n - fifth))
  const relative = from === 0 ? Number.POSITIVE_INFINITY : Math.abs(to - from) / Math.abs(from)
  if (Math.abs(rho) < minRho || relative < minRelativeChange) return null
  return {direction: rho > 0 ? 'up' : 'down', from, to, rho: Number(rho.toFixed(3))}
}
