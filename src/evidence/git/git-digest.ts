import {z} from 'zod'

import {CommitKindSchema} from './change-kind.js'
import {KeyChangeSchema} from './config-changes.js'
import {DependencyChangeSchema} from './dependency-changes.js'

export const CommitFileSchema = z.object({
  path: z.string(),
  previousPath: z.string().nullable(),
  status: z.enum(['added', 'modified', 'deleted', 'renamed', 'copied', 'type-changed', 'unknown']),
  /** Null for binary files. */
  additions: z.number().int().nonnegative().nullable(),
  deletions: z.number().int().nonnegative().nullable(),
  /** Functions whose bodies the commit changed (source files near the onset; absent in older digests). */
  functions: z.array(z.string()).optional(),
})
export type CommitFile = z.infer<typeof CommitFileSchema>

/** One commit in the window. Deliberately no author: the investigation is blameless. */
export const CommitChangeSchema = z.object({
  sha: z.string().regex(/^[0-9a-f]{40,64}$/),
  shortSha: z.string().length(7),
  subject: z.string(),
  /** Committer time: when it landed on the branch (a rebase or merge), not when it was authored. */
  committedAt: z.iso.datetime(),
  isMerge: z.boolean(),
  tags: z.array(z.string()),
  files: z.array(CommitFileSchema),
  /** Files beyond the per-commit cap, counted but not listed. */
  filesOmitted: z.number().int().nonnegative(),
  additions: z.number().int().nonnegative(),
  deletions: z.number().int().nonnegative(),
  kind: CommitKindSchema,
  dependencyChanges: z.array(DependencyChangeSchema),
  /** Configuration keys it changed, old → new (absent in digests saved before it existed). */
  configChanges: z.array(KeyChangeSchema).optional(),
  components: z.array(z.string()),
  afterOnset: z.boolean(),
  /** Negative after onset; null when the onset is unknown. */
  minutesBeforeOnset: z.number().nullable(),
})
export type CommitChange = z.infer<typeof CommitChangeSchema>

/** Saved as `evidence/git.json` and read back on resume. */
export const GitChangesDigestSchema = z.object({
  schemaVersion: z.literal(1),
  window: z.object({from: z.iso.datetime(), to: z.iso.datetime()}),
  onset: z.iso.datetime().nullable(),
  shallow: z.boolean(),
  /** True when the window held more commits than were examined. */
  truncated: z.boolean(),
  /** Newest first. */
  commits: z.array(CommitChangeSchema),
})
export type GitChangesDigest = z.infer<typeof GitChangesDigestSchema>
