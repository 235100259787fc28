import {z} from 'zod'

export const DEPLOY_KINDS = ['deploy', 'feature-flag', 'config'] as const

/** Timestamps as ISO-8601 with an offset, or epoch seconds / milliseconds; normalised to ISO UTC. */
const EventTimeSchema = z.union([z.iso.datetime({offset: true}), z.number().positive()]).transform((value) => {
  const ms = typeof value === 'number' ? (value < 1e12 ? value * 1000 : value) : Date.parse(value)
  return new Date(ms).toISOString()
})

const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined || value === '' ? null : String(value)))

/** One line of the `--deploys` file (design.md); unknown fields are ignored. */
export const DeployLineSchema = z.object({
  time: EventTimeSchema,
  kind: z.enum(DEPLOY_KINDS),
  service: optionalText,
  version: optionalText,
  // Config pushes and flag ramps come from systems that write an empty sha rather than none.
  sha: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    z
      .string()
      .regex(/^[0-9a-fA-F]{4,64}$/, 'a hex commit sha')
      .transform((s) => s.toLowerCase())
      .nullish()
      .transform((s) => s ?? null),
  ),
  description: optionalText,
})

export const DeployEventSchema = z.object({
  /** 1-based line in the file; also the number in the evidence id. */
  line: z.number().int().positive(),
  time: z.iso.datetime(),
  kind: z.enum(DEPLOY_KINDS),
  service: z.string().nullable(),
  version: z.string().nullable(),
  sha: z.string().nullable(),
  description: z.string().nullable(),
})
export type DeployEvent = z.infer<typeof DeployEventSchema>

/** Saved as `evidence/deploys.json` and read back on resume. */
export const DeploysDigestSchema = z.object({
  schemaVersion: z.literal(1),
  file: z.string(),
  /** In time order. */
  events: z.array(DeployEventSchema),
  /** Lines that could not be read (their numbers are in the limitations). */
  skippedLines: z.number().int().nonnegative(),
})
export type DeploysDigest = z.infer<typeof DeploysDigestSchema>
