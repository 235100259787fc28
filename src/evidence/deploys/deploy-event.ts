import {z} from 'zod'

export const DEPLOY_KINDS = ['deploy', 'feature-flag', 'config'] as const

/** Timestamps as ISO-8601 with an offset, or epoch seconds / milliseconds; normalised to ISO UTC. */
const EventTimeSchema = z.union([z.iso.datetime({offset: true}), z.number().positive()]).transform((value) => {
  const ms = typeof value === 'number' ? (value < 1e12 ? value * 1000 : value) : Date.parse(value)
  return new Date(ms).toISOString()
})

// Config pushes and flag ramps come from systems that write an empty (or blank) field rather than none.
const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined || String(value).trim() === '' ? null : String(value)))

/**
 * A commit sha or a unique prefix of one (git abbreviates to 4+ hex digits). A short all-digit value
 * is a build number, not a sha: `1287` names a CI build far more often than a commit.
 */
export function isCommitSha(value: string): boolean {
  return /^[0-9a-f]{4,64}$/i.test(value) && !/^\d{1,6}$/.test(value)
}

/**
 * One line of the `--deploys` file (design.md); unknown fields are ignored. The `sha` field of
 * real feeds often holds a release name (`v2.3.1`, `release-42`, an image tag, a build number):
 * such a line is still a deploy, identified by that name as its version.
 */
export const DeployLineSchema = z
  .object({
    time: EventTimeSchema,
    kind: z.enum(DEPLOY_KINDS),
    service: optionalText,
    version: optionalText,
    // Other names feeds give the release: the first one present is its version.
    tag: optionalText,
    image: optionalText,
    release: optionalText,
    build: optionalText,
    sha: optionalText,
    description: optionalText,
  })
  .transform((line) => {
    const named = line.version ?? line.tag ?? line.image ?? line.release ?? line.build
    const sha = line.sha !== null && isCommitSha(line.sha) ? line.sha.toLowerCase() : null
    const reference = line.sha !== null && sha === null ? line.sha : null
    const version = named !== null && reference !== null && named !== reference ? `${named} (${reference})` : (named ?? reference)
    return {time: line.time, kind: line.kind, service: line.service, version, sha, description: line.description}
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
