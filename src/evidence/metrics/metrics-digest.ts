import {z} from 'zod'

import {ChangePointSchema} from './change-point.js'
import {SaturationSchema} from './saturation.js'
import {TrendSchema} from './trend.js'

export const MetricSeriesDigestSchema = z.object({
  name: z.string(),
  /** The evidence id of this series (`ev-metric-<slug>`); the saturation item adds `-sat`. */
  evidenceId: z.string(),
  source: z.string(),
  labels: z.record(z.string(), z.string()),
  unit: z.string().nullable(),
  /** [epoch ms, value | null]; null is a gap (empty, NaN, ±Inf). */
  points: z.array(z.tuple([z.number(), z.number().nullable()])),
  gaps: z.number().int().nonnegative(),
  changePoint: ChangePointSchema.nullable(),
  /** Minutes from the onset hint to the change point (negative: before it). */
  changeMinutesFromOnset: z.number().nullable(),
  /**
   * A steady climb or fall without a step (only looked for when there is no change point).
   * Optional so digests saved before it existed still read back.
   */
  trend: TrendSchema.nullable().optional(),
  saturation: SaturationSchema.nullable(),
})
export type MetricSeriesDigest = z.infer<typeof MetricSeriesDigestSchema>

/** Saved as `evidence/metrics.json` and read back on resume. */
export const MetricsDigestSchema = z.object({
  schemaVersion: z.literal(1),
  sources: z.array(z.string()),
  onsetHint: z.iso.datetime().nullable(),
  series: z.array(MetricSeriesDigestSchema),
})
export type MetricsDigest = z.infer<typeof MetricsDigestSchema>
