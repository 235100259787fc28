import {readFile, stat} from 'node:fs/promises'
import {join} from 'node:path'

import {z} from 'zod'

import {InternalError} from '../../errors/errors.js'
import {formatIssues} from '../../errors/format-issues.js'
import {writeFileAtomic, writeJsonAtomic} from '../../incident/atomic-write.js'
import {redactValue} from '../../redact/redact.js'
import {SOURCE_NAMES, type SourceName} from './source-settings.js'

/** Where the answers of the live sources are kept, inside the incident folder. */
export const SOURCES_DIR = 'evidence/sources'
const MANIFEST = 'manifest.json'

const Iso = z.iso.datetime({offset: true})

export const SavedAnswerSchema = z.object({
  /** What the answer is to the source's reader (`range`, `levels`, `sample`, `pods` …). */
  role: z.string(),
  name: z.string(),
  /** The request, credentials-free: method, path and the query text, for the reader and for people. */
  request: z.string(),
  /** Relative to the incident folder. */
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Whatever the reader needs besides the body (the query's series name, the step …). */
  meta: z.record(z.string(), z.unknown()).default({}),
})
export type SavedAnswer = z.infer<typeof SavedAnswerSchema>

/**
 * `evidence/sources/<source>/manifest.json`, written after the source's last answer: its presence
 * means the source was asked and what it answered is on disk, so a resumed or re-run incident
 * reads these files instead of asking again, and gets the same evidence.
 */
export const SourceManifestSchema = z.object({
  schemaVersion: z.literal(1),
  source: z.enum(SOURCE_NAMES),
  /** The source's URL (or context) without credentials. */
  url: z.string(),
  window: z.object({from: Iso, to: Iso}),
  answers: z.array(SavedAnswerSchema),
  /** What went wrong or was cut short while asking, each naming the setting to fix. */
  limitations: z.array(z.string()),
  stats: z.object({queries: z.number().int().nonnegative(), bytes: z.number().int().nonnegative(), ms: z.number().int().nonnegative()}),
})
export type SourceManifest = z.infer<typeof SourceManifestSchema>

/**
 * Saves one source's answers as the vendor sent them, with secrets and personal data redacted,
 * and notes the problems met while asking (a rejected query, a warning) for the manifest.
 */
export class AnswerWriter {
  readonly answers: SavedAnswer[] = []
  readonly problems: string[] = []

  constructor(
    private readonly incidentDir: string,
    readonly source: SourceName,
    private readonly redactIps: boolean,
  ) {}

  /**
   * `seq` orders the answers of a source that asks several things at once (its plan's order, not
   * the order the answers arrived in), so the same answers always read back in the same order.
   */
  async save(answer: {role: string; name: string; request: string; body: unknown; meta?: Record<string, unknown>; seq?: number}): Promise<SavedAnswer> {
    const seq = answer.seq ?? this.answers.length + 1
    const file = `${SOURCES_DIR}/${this.source}/${String(seq).padStart(3, '0')}-${fileSafe(answer.name)}.json`
    const text = JSON.stringify(redactValue(answer.body, {ips: this.redactIps}))
    await writeFileAtomic(join(this.incidentDir, file), text + '\n')
    const saved: SavedAnswer = {role: answer.role, name: answer.name, request: answer.request, file, bytes: Buffer.byteLength(text), meta: answer.meta ?? {}}
    this.answers.push(saved)
    return saved
  }

  /** A problem that did not stop the source, as one sentence naming what to fix. */
  note(problem: string): void {
    this.problems.push(problem)
  }

  /** The manifest of what was saved; written (last) only when `save`, i.e. when the source answered something. */
  async finish(manifest: Omit<SourceManifest, 'schemaVersion' | 'source' | 'answers'>, options: {save: boolean}): Promise<SourceManifest> {
    const answers = [...this.answers].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    const full: SourceManifest = {schemaVersion: 1, source: this.source, answers, ...manifest}
    if (options.save) await writeJsonAtomic(join(this.incidentDir, SOURCES_DIR, this.source, MANIFEST), full)
    return full
  }
}

/** The saved manifest of one source, or null when the source was never (completely) asked. */
export async function loadSourceManifest(incidentDir: string, source: SourceName): Promise<SourceManifest | null> {
  const path = join(incidentDir, SOURCES_DIR, source, MANIFEST)
  if (!(await stat(path).catch(() => null))) return null
  const parsed = SourceManifestSchema.safeParse(JSON.parse(await readFile(path, 'utf8')))
  if (!parsed.success) {
    throw new InternalError(`The saved answers in ${path} do not match their schema (${formatIssues(parsed.error, 3).join('; ')}).`, {
      suggestions: [`Delete ${join(incidentDir, SOURCES_DIR, source)} to ask ${source} again on the next run.`],
    })
  }
  return parsed.data
}

export async function readSavedAnswer(incidentDir: string, answer: SavedAnswer): Promise<unknown> {
  return JSON.parse(await readFile(join(incidentDir, answer.file), 'utf8'))
}

function fileSafe(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'answer'
  )
}
