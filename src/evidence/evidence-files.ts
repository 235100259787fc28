import {readFile, stat} from 'node:fs/promises'
import {join} from 'node:path'

import {writeJsonAtomic} from '../incident/atomic-write.js'
import {InternalError} from '../errors/errors.js'
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

/** The saved bundle, validated, or null when collection never finished. */
export async function loadEvidence(dir: string): Promise<EvidenceBundle | null> {
  const root = join(dir, EVIDENCE_DIR)
  if (!(await stat(join(root, MANIFEST)).catch(() => null))) return null
  const manifest = JSON.parse(await readFile(join(root, MANIFEST), 'utf8')) as {schemaVersion: number; window: unknown; limitations: unknown; warnings?: unknown; parts: string[]}
  const raw: Record<string, unknown> = {schemaVersion: manifest.schemaVersion, window: manifest.window, limitations: manifest.limitations, warnings: manifest.warnings}
  for (const part of PARTS) raw[part] = manifest.parts.includes(part) ? JSON.parse(await readFile(join(root, `${part}.json`), 'utf8')) : null
  raw.items = JSON.parse(await readFile(join(root, 'items.json'), 'utf8'))
  const parsed = EvidenceBundleSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = formatIssues(parsed.error, 3)
    throw new InternalError(`The saved evidence in ${root} does not match its schema (${issues.join('; ')}).`, {
      suggestions: ['Delete that evidence folder to collect the evidence again on the next run.'],
    })
  }
  return parsed.data
}
