import {z} from 'zod'

export const PROBE_ERRORS = ['timeout', 'refused', 'dns', 'reset', 'tls', 'other'] as const

export const HealthProbeSchema = z.object({
  /** Without credentials or query string. */
  url: z.string(),
  probedAt: z.iso.datetime(),
  /** Null when no HTTP response arrived. */
  status: z.number().int().nullable(),
  ok: z.boolean(),
  latencyMs: z.number().nonnegative(),
  contentType: z.string().nullable(),
  /** Redacted, at most 300 characters. */
  bodyExcerpt: z.string().nullable(),
  error: z.enum(PROBE_ERRORS).nullable(),
  /** The low-level code or message behind `error` (e.g. ECONNREFUSED, CERT_HAS_EXPIRED). */
  errorDetail: z.string().nullable(),
})
export type HealthProbe = z.infer<typeof HealthProbeSchema>

/** Saved as `evidence/health.json`. */
export const HealthDigestSchema = z.object({
  schemaVersion: z.literal(1),
  probes: z.array(HealthProbeSchema),
})
export type HealthDigest = z.infer<typeof HealthDigestSchema>
