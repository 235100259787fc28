import {z} from 'zod'

import {ChangeRefSchema} from './change-ref.js'
import {RootCauseCategorySchema, SpecialistIdSchema} from './vocabulary.js'

/** One hypothesis from one specialist; the shape an LLM is asked to fill in too. */
export const FindingSchema = z.object({
  hypothesis: z.string().min(1),
  category: RootCauseCategorySchema,
  component: z.string().nullable(),
  change: ChangeRefSchema.nullable(),
  onset: z.string().datetime({offset: true}).nullable(),
  confidence: z.number().min(0).max(1),
  evidenceIds: z.array(z.string()).min(1),
})
export type Finding = z.infer<typeof FindingSchema>

export const UsageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative().default(0),
  cacheWriteTokens: z.number().int().nonnegative().default(0),
  wallMs: z.number().nonnegative(),
  costUsd: z.number().nonnegative(),
})
export type Usage = z.infer<typeof UsageSchema>

/** What one specialist returns: its findings plus what it could and could not look at. */
export const SpecialistReportSchema = z.object({
  schemaVersion: z.literal(1),
  specialist: SpecialistIdSchema,
  provider: z.enum(['offline', 'anthropic']),
  summary: z.string(),
  findings: z.array(FindingSchema),
  /** Plain observations with their evidence (no hypothesis), e.g. "5xx rate 38% since 14:02". */
  observations: z.array(z.object({text: z.string(), evidenceIds: z.array(z.string())})).default([]),
  limitations: z.array(z.string()).default([]),
  /** Set when this specialist's intended provider failed and offline analysis stood in. */
  fallback: z.string().nullable().default(null),
  droppedFindings: z.number().int().nonnegative().default(0),
  usage: UsageSchema.nullable().default(null),
})
export type SpecialistReport = z.infer<typeof SpecialistReportSchema>
