import {z} from 'zod'

import {ChangeRefSchema} from './change-ref.js'
import {TimelineEventSchema} from './timeline-event.js'
import {RootCauseCategorySchema} from './vocabulary.js'

const Cited = z.object({text: z.string(), evidenceIds: z.array(z.string())})

export const RootCauseSchema = z.object({
  category: RootCauseCategorySchema,
  summary: z.string(),
  component: z.string().nullable(),
  change: ChangeRefSchema.nullable(),
  onset: z.string().datetime({offset: true}).nullable(),
  confidence: z.number().min(0).max(1),
  evidenceIds: z.array(z.string()),
})
export type RootCause = z.infer<typeof RootCauseSchema>

export const ImpactSchema = z.object({
  summary: z.string(),
  /** Error lines since the onset (every line at error level or with a 5xx, whatever its source). */
  errorCount: z.number().int().nonnegative().nullable(),
  requestCount: z.number().int().nonnegative().nullable(),
  /** Failed requests (5xx) in the impact window, each counted once, and the source they were counted from (absent in older RCAs). */
  failedRequests: z.number().int().nonnegative().nullable().optional(),
  countedFrom: z.string().nullable().optional(),
  peakErrorRate: z.number().min(0).max(1).nullable(),
  firstErrorAt: z.string().nullable(),
  durationMinutes: z.number().nonnegative().nullable(),
  /** Endpoints whose failure rate rose above their baseline by the stated test. */
  affectedEndpoints: z.array(z.object({endpoint: z.string(), errors: z.number().int()})),
  /** Every endpoint with failures and its test verdict (absent in older RCAs). */
  testedEndpoints: z
    .array(z.object({endpoint: z.string(), failed: z.number().int(), total: z.number().int(), baselineFailed: z.number().int(), baselineTotal: z.number().int(), affected: z.boolean()}))
    .optional(),
  affectedUsers: z.number().int().nonnegative().nullable(),
  evidenceIds: z.array(z.string()),
})
export type Impact = z.infer<typeof ImpactSchema>

export const RcaSchema = z.object({
  schemaVersion: z.literal(1),
  rootCause: RootCauseSchema,
  trigger: z.string().nullable(),
  contributingFactors: z.array(Cited),
  fiveWhys: z.array(z.object({why: z.string(), because: z.string(), evidenceIds: z.array(z.string())})),
  timeline: z.array(TimelineEventSchema),
  impact: ImpactSchema,
  alternatives: z.array(
    z.object({hypothesis: z.string(), category: RootCauseCategorySchema, confidence: z.number(), evidenceIds: z.array(z.string())}),
  ),
  limitations: z.array(z.string()),
  nextSteps: z.array(z.string()),
})
export type Rca = z.infer<typeof RcaSchema>
