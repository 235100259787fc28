import {z} from 'zod'

import {RootCauseCategorySchema} from '../../../incident/vocabulary.js'
import {FAILURE_CLASSES} from './failure-classes.js'

/** Where a signature's message shape comes from; one catalogue file per ecosystem. */
export const ECOSYSTEMS = [
  'jvm',
  'go',
  'node',
  'python',
  'dotnet',
  'ruby',
  'php',
  'rust',
  'postgresql',
  'mysql',
  'redis',
  'kafka',
  'rabbitmq',
  'elasticsearch',
  'db-pool',
  'http-client',
  'proxy',
  'kubernetes',
  'tls',
  'dns',
  'network',
  'system',
  'rate-limit',
  'auth',
  'startup',
  'shell',
  'user',
] as const

/**
 * What a signature can pull out of a matching line, as named groups of its patterns
 * (`(?<host>[\w.-]+)`). Durations carry their unit in the text ("30000ms", "5 seconds"); a
 * unitless number is captured as `timeout_ms`, `timeout_s`, `elapsed_ms` or `elapsed_s`.
 */
export const EXTRACT_FIELDS = [
  'host',
  /** The name server a lookup was sent to, when it did not answer: the failure is its, not the name's. */
  'resolver',
  'port',
  'url',
  'table',
  'column',
  'pool',
  'subject',
  'limit',
  'timeout',
  'elapsed',
  'variable',
  'container',
  'pod',
  'image',
  'node',
  'resource',
  'status',
  'zone',
  'topic',
  'queue',
  'index',
  'breaker',
  'command',
  'file',
] as const
export type ExtractField = (typeof EXTRACT_FIELDS)[number]

/** Unit-suffixed spellings of the duration fields, normalised on extraction. */
export const DURATION_GROUPS: Readonly<Record<string, {field: ExtractField; unit: 'ms' | 's'}>> = {
  timeout_ms: {field: 'timeout', unit: 'ms'},
  timeout_s: {field: 'timeout', unit: 's'},
  elapsed_ms: {field: 'elapsed', unit: 'ms'},
  elapsed_s: {field: 'elapsed', unit: 's'},
}

const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens')

export const SignatureMatchSchema = z
  .object({
    /** Regular expressions (JavaScript syntax) over a log line; case-insensitive unless `caseSensitive`. */
    patterns: z.array(z.string().min(1)).default([]),
    /** Match `patterns` case-sensitively (an upper-case variable name must not match `order_id`). */
    caseSensitive: z.boolean().default(false),
    /** Exception or error class names, matched case-sensitively as whole names. */
    exceptions: z.array(z.string().min(1)).default([]),
    /** Process exit codes, in "exit code 137", "exitCode":137, "Exit Code: 137". */
    exitCodes: z.array(z.number().int().min(0).max(255)).default([]),
    /** Signals by name (SIGKILL); also "signal 9", "signal: killed". */
    signals: z.array(z.string().regex(/^SIG[A-Z]+$/)).default([]),
    /** Kubernetes reasons (OOMKilled, CrashLoopBackOff), matched as case-sensitive words. */
    k8sReasons: z.array(z.string().regex(/^[A-Za-z]+$/)).default([]),
    /** HTTP status codes in an HTTP context: `status=429`, `HTTP/1.1" 429`, `responded 503`. */
    httpStatuses: z.array(z.number().int().min(100).max(599)).default([]),
    /** Regular expressions over metric series names; a match counts when the series rose. */
    metrics: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .refine((m) => Object.values(m).some((list) => Array.isArray(list) && list.length > 0), 'says nothing to match (give patterns, exceptions, exitCodes, signals, k8sReasons, httpStatuses or metrics)')

const Example = z.union([z.string().min(1), z.object({line: z.string().min(1), extracted: z.record(z.string(), z.string())}).strict()])

/** A built-in catalogue entry: everything required, so the table test can check every one. */
export const SignatureEntrySchema = z
  .object({
    id: Id,
    ecosystem: z.enum(ECOSYSTEMS),
    failure: z.enum(FAILURE_CLASSES),
    /** Overrides the failure class's category when this message says more (rare). */
    category: RootCauseCategorySchema.optional(),
    /** What the message means, in a few words. */
    title: z.string().min(1),
    match: SignatureMatchSchema,
    extracts: z.array(z.enum(EXTRACT_FIELDS)).default([]),
    /**
     * Entries this one accounts for when both are found: their lines are its consequences, not a
     * second failure (a registry's 429 explains the ErrImagePull and ImagePullBackOff that follow).
     */
    supersedes: z.array(Id).default([]),
    mitigation: z.string().min(1),
    nextSteps: z.array(z.string().min(1)).min(1),
    /** The public document or bug report the message shape was taken from. */
    source: z.url(),
    examples: z.object({match: z.array(Example).min(1), nonMatch: z.array(z.string().min(1)).min(1)}).strict(),
  })
  .strict()
export type SignatureEntry = z.infer<typeof SignatureEntrySchema>
export type SignatureInput = z.input<typeof SignatureEntrySchema>
export type SignatureExample = z.infer<typeof Example>

/**
 * An entry from the user's config file: the same shape with the documentation fields optional.
 * Examples, when given, are checked at load time like the built-in ones.
 */
export const UserSignatureSchema = SignatureEntrySchema.extend({
  ecosystem: z.enum(ECOSYSTEMS).default('user'),
  title: z.string().min(1).optional(),
  mitigation: z.string().min(1).optional(),
  nextSteps: z.array(z.string().min(1)).default([]),
  source: z.url().optional(),
  examples: z.object({match: z.array(Example).default([]), nonMatch: z.array(z.string().min(1)).default([])}).strict().optional(),
}).strict()
export type UserSignature = z.infer<typeof UserSignatureSchema>
