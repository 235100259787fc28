import {z} from 'zod'

export const EVIDENCE_SOURCES = ['logs', 'git', 'deploys', 'metrics', 'postgres', 'health', 'pagerduty', 'note', 'kubernetes', 'alert'] as const
export const EvidenceSourceSchema = z.enum(EVIDENCE_SOURCES)

/**
 * One citable piece of evidence. Ids are stable across runs over the same input
 * (`ev-logs-3`, `ev-git-a1b2c3d`, `ev-metric-p99-latency`), so findings, the RCA and
 * the postmortem can cite them. Everything textual in here is already redacted.
 */
export const EvidenceItemSchema = z.object({
  id: z.string().regex(/^ev-[a-z0-9][a-z0-9._-]*$/),
  source: EvidenceSourceSchema,
  kind: z.string().min(1),
  summary: z.string(),
  at: z.string().datetime({offset: true}).nullable().default(null),
  ref: z
    .object({
      file: z.string().optional(),
      line: z.number().int().nonnegative().optional(),
      sha: z.string().optional(),
      url: z.string().optional(),
      series: z.string().optional(),
    })
    .default({}),
  data: z.record(z.string(), z.unknown()).default({}),
})
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>
export type EvidenceItemInput = z.input<typeof EvidenceItemSchema>

// The ids of evidence whose collectors and readers both need them: built here only, so a finding
// always cites the id the collector gave.
export const gitEvidenceId = (shortSha: string): string => `ev-git-${shortSha}`
export const deployEvidenceId = (line: number): string => `ev-deploy-${line}`
/** `n` counts the probes from 1, in the order they were given. */
export const healthEvidenceId = (n: number): string => `ev-health-${n}`
