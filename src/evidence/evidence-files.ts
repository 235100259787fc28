import {readFile, stat} from 'node:fs/promises'
import {join} from 'node:path'

import {writeJsonAtomic} from '../incident/atomic-write.js'
import {UserError} from '../errors/errors.js'
import {formatIssues} from '../errors/format-issues.js'
import {type EvidenceBundle, EvidenceBundleSchema} from './evidence-bundle.js'

export const EVIDENCE_DIR = 'evidence'
const PARTS = ['logs', 'git', 'deploys', 'metrics', 'postgres', 'health', 'kubernetes', 'alert'] as const
const MANIFEST = 'manifest.json'

/**
 * One file per digest (`evidence/logs.json`, `git.json` …) plus `items.json`, then the manifest
 * last: the manifest's presence means collection finished, so a run killed mid-collection
 * collects again instead of trusting half the files.
 */
export async function saveEvidence(dir: string, bundle: EvidenceBundle): Promise<void> {
  const root = join(dir, EVIDENCE_DIR)
  for (const part of PARTS) if (bundle[part]) await writeJsonAtomic(join(root, `${part}.json`), bundle[part])
  await writeJsonAtomic(join(root, 'items.json'), bundle.items)
  await writeJsonAtomic(join(root, MANIFEST), {schemaVersion: bundle.schemaVersion, window: bundle.window, limitations: bundle.limitations, warnings: bundle.warnings, parts: PARTS.filter((part) => bundle[part])})
}

/**
 * The saved bundle, validated, or null when collection never finished. A damaged file (cut short,
 * edited, replaced by a folder) is a user error naming it: the evidence is not trusted half-read.
 */
export async function loadEvidence(dir: string): Promise<EvidenceBundle | null> {
  const root = join(dir, EVIDENCE_DIR)
  if (!(await stat(join(root, MANIFEST)).catch(() => null))) return null
  const damaged = (file: string, why: string) =>
    new UserError(`The saved evidence file ${join(root, file)} is damaged: ${why}.`, {suggestions: ['Delete that evidence folder to collect the evidence again on the next run.']})
  const readPart = async (file: string): Promise<unknown> => {
    let text: string
    try {
      text = await readFile(join(root, file), 'utf8')
    } catch (error) {
      throw damaged(file, `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    try {
      return JSON.parse(text)
    } catch {
      throw damaged(file, 'it is not valid JSON')
    }
  }
  const manifest = (await readPart(MANIFEST)) as {schemaVersion?: unknown; window?: unknown; limitations?: unknown; warnings?: unknown; parts?: unknown} | null
  const parts = Array.isArray(manifest?.parts) ? manifest.parts : []
  const raw: Record<string, unknown> = {schemaVersion: manifest?.schemaVersion, window: manifest?.window, limitations: manifest?.limitations, warnings: manifest?.warnings}
  for (const part of PARTS) raw[part] = parts.includes(part) ? await readPart(`${part}.json`) : null
  raw.items = await readPart('items.json')
  const parsed = EvidenceBundleSchema.safeParse(raw)
  if (!parsed.success) throw damaged('', `it does not match its schema (${formatIssues(parsed.error, 3).join('; ')})`)
  return parsed.data
}
