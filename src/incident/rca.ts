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
  errorCount: z.number().int().nonnegative().nullable(),
  requestCount: z.number().int().nonnegative().nullable(),
  peakErrorRate: z.number().min(0).max(1).nullable(),
  firstErrorAt: z.string().nullable(),
  durationMinutes: z.number().nonnegative().nullable(),
  affectedEndpoints: z.array(z.object({endpoint: z.string(), errors: z.number().int()})),
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
