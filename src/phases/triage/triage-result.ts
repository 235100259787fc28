import {z} from 'zod'

import {SeveritySchema} from '../../incident/severity.js'

const Cited = {evidenceIds: z.array(z.string())}

export const TriageResultSchema = z.object({
  schemaVersion: z.literal(1),
  impact: z.object({
    summary: z.string(),
    /** Error lines since the onset, from every source (one failed request can leave several). */
    errorCount: z.number().int().nullable(),
    requestCount: z.number().int().nullable(),
    errorRate: z.number().nullable(),
    /** Failed requests since the onset, each counted once, and their share (absent in older triage files). */
    failedRequests: z.number().int().nullable().optional(),
    failureRate: z.number().nullable().optional(),
    firstErrorAt: z.string().nullable(),
    affectedEndpoints: z.array(z.object({endpoint: z.string(), errors: z.number().int()})),
    affectedUsers: z.number().int().nullable(),
    unhealthy: z.array(z.string()),
    ...Cited,
  }),
  severityCheck: z.object({
    declared: SeveritySchema,
    verdict: z.enum(['confirmed', 'raise', 'lower']),
    suggested: SeveritySchema,
    reason: z.string(),
    ...Cited,
  }),
  mitigations: z.array(z.object({title: z.string(), command: z.string().nullable(), why: z.string(), score: z.number(), ...Cited})),
  escalation: z.object({responseTarget: z.string(), plan: z.string(), channels: z.array(z.string())}),
  statusPage: z.string(),
  suspectedCause: z.string().nullable(),
  limitations: z.array(z.string()),
})
export type TriageResult = z.infer<typeof TriageResultSchema>
