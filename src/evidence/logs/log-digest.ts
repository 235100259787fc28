import {z} from 'zod'

import {LOG_FORMATS} from './line-parsers.js'

/**
 * The saved result of a log analysis (`evidence/logs.json`), read back on resume. Bounded in size
 * whatever the input: templates, samples, endpoints, exceptions and buckets are all capped. Every
 * text in it has been through the redaction module.
 */
const Iso = z.string().datetime({offset: true})
const Ref = z.object({file: z.string(), line: z.number().int().nonnegative()})

/** Inputs read as whole documents of entries rather than as lines. */
export const ENTRY_KINDS = ['loki', 'elasticsearch', 'datadog', 'cloudwatch', 'cloud-logging', 'kubernetes', 'entries'] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

const Count = z.number().int().nonnegative()
const ReasonCounts = z.array(z.object({reason: z.string(), count: Count}))

/** Where a file's time came from, when the stamps did not carry it whole. */
export const TIME_SOURCES = ['lines', 'started-at', 'alert', 'file-mtime', 'utc-assumed', 'unknown'] as const
export const TimeSourceSchema = z.enum(TIME_SOURCES)
export type TimeSource = z.infer<typeof TimeSourceSchema>

/** What a reader made of one file: its layout, how many events had a time and a level, and from where. */
export const FileReadingSchema = z.object({
  /** The timestamp layout learned from the first lines (a catalogue id) and where it sits, or null. */
  timestampLayout: z.string().nullable(),
  timestampPlace: z.string().nullable(),
  /** The field that holds the level, when the file has such a column. */
  levelField: z.number().int().nonnegative().nullable(),
  events: Count,
  /** Events by where their time came from: their own line, interpolated between timed neighbours, carried from the nearest timed one, none. */
  timing: z.object({own: Count, interpolated: Count, carried: Count, none: Count}),
  levels: z.object({error: Count, warn: Count, info: Count, debug: Count, unknown: Count, fromContent: Count}),
  /** Where the year and the zone of stamps that lack them came from. */
  yearFrom: TimeSourceSchema.nullable(),
  zoneFrom: TimeSourceSchema.nullable(),
  /** For a file with no times at all: the moment its lines are anchored on, approximately. */
  anchor: z.object({at: z.string().datetime({offset: true}), source: TimeSourceSchema}).nullable(),
  /** Lines kept whose time was changed (future, before 2000, out of order), and why. */
  adjusted: ReasonCounts,
})
export type FileReading = z.infer<typeof FileReadingSchema>

export const LogFileSummarySchema = z.object({
  path: z.string(),
  /** The line format, the kind of a log-store export or of Kubernetes objects, or empty. */
  format: z.enum([...LOG_FORMATS, ...ENTRY_KINDS, 'empty']),
  lines: Count,
  bytes: Count,
  skipped: ReasonCounts,
  /** Threads that read the file, when it was split (a worker that failed has its range read by this one). */
  threads: z.number().int().positive().optional(),
  /** Absent in digests saved before readers reported it. */
  reading: FileReadingSchema.optional(),
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
  /**
   * When some failed request line carried a request id: the 5xx lines of each kind without one,
   * and the distinct ids of failed requests (any source) that first failed in this bucket.
   */
  accessFailedWithoutId: z.number().int().nonnegative().optional(),
  appFailedWithoutId: z.number().int().nonnegative().optional(),
  failedRequestIds: z.number().int().nonnegative().optional(),
  latencyP50Ms: z.number().optional(),
  latencyP95Ms: z.number().optional(),
})

export const LogOnsetSchema = z.object({
  at: Iso,
  method: z.string(),
  confidence: z.number().min(0).max(1),
  baselineErrorRate: z.number(),
  /** The error rate inside the change-point's window [at, windowEnd), which may be short. */
  incidentErrorRate: z.number(),
  evidenceId: z.string(),
  /** The window the incident rate is measured over, and its lines (absent in older digests). */
  windowEnd: Iso.optional(),
  windowLines: z.number().int().nonnegative().optional(),
  windowErrors: z.number().int().nonnegative().optional(),
  /** Timed lines and error lines from the onset to the end of the logs: the honest "since the onset" share. */
  linesSinceOnset: z.number().int().nonnegative().optional(),
  errorsSinceOnset: z.number().int().nonnegative().optional(),
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
    /** Failed logins that name a client address, each attempt once (absent when there were none, and in older digests). */
    loginFailures: z
      .object({
        total: z.number().int().nonnegative(),
        ips: z.number().int().nonnegative(),
        top: z.array(z.object({ip: z.string(), attempts: z.number().int()})),
      })
      .optional(),
  }),
  exceptions: z.array(LogExceptionSchema),
  /**
   * The caps the analysis hit, with what they kept and how many events they left out of the
   * per-template, per-endpoint or per-exception counts (null: not counted); absent when none was hit.
   */
  capped: z
    .array(z.object({what: z.enum(['templates', 'endpoints', 'exceptions', 'clients', 'request-ids']), kept: z.number().int().nonnegative(), uncounted: z.number().int().nonnegative().nullable()}))
    .optional(),
  /**
   * The sources (files) with failed request lines, when at least one such line carried a request
   * id: how many failed lines each had and how many of them carried an id; `capped` when more ids
   * came than were kept, so the per-bucket id counts are partial (absent in older digests).
   */
  requestIds: z
    .object({
      sources: z.array(z.object({file: z.string(), kind: z.enum(['access', 'app']), failed: z.number().int().nonnegative(), withId: z.number().int().nonnegative()})),
      capped: z.boolean(),
    })
    .optional(),
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
