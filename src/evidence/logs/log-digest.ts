import {z} from 'zod'

import {LOG_FORMATS} from './line-parsers.js'

/**
 * The saved result of a log analysis (`evidence/logs.json`), read back on resume. Bounded in size
 * whatever the input: templates, samples, endpoints, exceptions and buckets are all capped. Every
 * text in it has been through the redaction module.
 */
const Iso = z.string().datetime({offset: true})
const Ref = z.object({file: z.string(), line: z.number().int().nonnegative()})

export const LogFileSummarySchema = z.object({
  path: z.string(),
  format: z.enum([...LOG_FORMATS, 'empty']),
  lines: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  skipped: z.array(z.object({reason: z.string(), count: z.number().int().nonnegative()})),
  /** Threads that read the file, when it was split (a worker that failed has its range read by this one). */
  threads: z.number().int().positive().optional(),
})
export type LogFileSummary = z.infer<typeof LogFileSummarySchema>

export const LogBucketSchema = z.object({
  t: Iso,
  total: z.number().int().nonnegative(),
  warn: z.number().int().nonnegative(),
  error: z.number().int().nonnegative(),
  http5xx: z.number().int().nonnegative(),
  /** Request lines (with a status) and their 5xx, from access logs and from application logs apart (absent in older digests and in minutes without any). */
  accessRequests: z.number().int().nonnegative().optional(),
  accessFailed: z.number().int().nonnegative().optional(),
  appRequests: z.number().int().nonnegative().optional(),
  appFailed: z.number().int().nonnegative().optional(),
  latencyP50Ms: z.number().optional(),
  latencyP95Ms: z.number().optional(),
})

export const LogOnsetSchema = z.object({
  at: Iso,
  method: z.string(),
  confidence: z.number().min(0).max(1),
  baselineErrorRate: z.number(),
  incidentErrorRate: z.number(),
  evidenceId: z.string(),
})

export const LogTemplateSchema = z.object({
  evidenceId: z.string(),
  template: z.string(),
  count: z.number().int().nonnegative(),
  baselineCount: z.number().int().nonnegative(),
  incidentCount: z.number().int().nonnegative(),
  surgeScore: z.number(),
  isNew: z.boolean(),
  firstSeen: Iso.nullable(),
  lastSeen: Iso.nullable(),
  levels: z.array(z.enum(['debug', 'info', 'warn', 'error'])),
  samples: z.array(z.string()).max(3),
  ref: Ref,
})
export type LogTemplate = z.infer<typeof LogTemplateSchema>

export const LogEndpointSchema = z.object({
  method: z.string(),
  path: z.string(),
  total: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  http5xx: z.number().int().nonnegative(),
  /** 401/403 responses (absent in digests saved before it existed). */
  denied: z.number().int().nonnegative().optional(),
  /** Whether the counts come from an access log or from application lines (absent in older digests). */
  source: z.enum(['access', 'app']).optional(),
  /** [bucket start (epoch ms), requests, 5xx] for the buckets with requests; kept for the endpoints with failures. */
  series: z.array(z.tuple([z.number(), z.number().int().nonnegative(), z.number().int().nonnegative()])).optional(),
  evidenceId: z.string(),
})

export const LogExceptionSchema = z.object({
  evidenceId: z.string(),
  type: z.string(),
  message: z.string(),
  count: z.number().int().nonnegative(),
  firstSeen: Iso.nullable(),
  frames: z.array(z.object({file: z.string(), line: z.number().int().nonnegative(), function: z.string()})).max(5),
})

export const LogDigestSchema = z.object({
  schemaVersion: z.literal(1),
  files: z.array(LogFileSummarySchema),
  totals: z.object({
    lines: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    http5xx: z.number().int().nonnegative(),
    requests: z.number().int().nonnegative(),
  }),
  timeRange: z.object({from: Iso, to: Iso}).nullable(),
  firstErrorAt: Iso.nullable(),
  bucketWidthMs: z.number().int().positive(),
  buckets: z.array(LogBucketSchema),
  onset: LogOnsetSchema.nullable(),
  templates: z.array(LogTemplateSchema),
  /** Distinct templates mined before the cap on reported templates. */
  templatesTotal: z.number().int().nonnegative(),
  endpoints: z.array(LogEndpointSchema),
  clients: z.object({
    distinctUsers: z.number().int().nonnegative(),
    /** Distinct users seen in at least one error line (absent in digests saved before it existed). */
    usersWithErrors: z.number().int().nonnegative().optional(),
    distinctIps: z.number().int().nonnegative(),
    /** True when a distinct count hit its cap and is a lower bound. */
    capped: z.boolean(),
    topUsers: z.array(z.object({user: z.string(), count: z.number().int(), errors: z.number().int()})),
    /** Client IPs on at least one failed (error or warning) line, and those with the most (absent in older digests). */
    ipsWithFailures: z.number().int().nonnegative().optional(),
    topIps: z.array(z.object({ip: z.string(), count: z.number().int(), failures: z.number().int()})).optional(),
  }),
  exceptions: z.array(LogExceptionSchema),
  latency: z
    .object({
      p50BaselineMs: z.number().nullable(),
      p95BaselineMs: z.number().nullable(),
      p50IncidentMs: z.number().nullable(),
      p95IncidentMs: z.number().nullable(),
    })
    .nullable(),
})
export type LogDigest = z.infer<typeof LogDigestSchema>
