import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {z} from 'zod'

import {compileUserSignatures} from '../agents/offline/signatures/user-signatures.js'
import {UserError} from '../errors/errors.js'
import {formatIssues} from '../errors/format-issues.js'
import {parseJsonText, parseYamlText, type ParsedText} from '../errors/syntax-problem.js'
import {UserSeverityMarkerSchema, UserTimestampLayoutSchema} from '../evidence/logs/catalogue/user-catalogue.js'
import {SourcesConfigSchema} from '../evidence/sources/sources-config.js'
import {secretRuleOf, UserSecretRuleSchema} from '../redact/catalogue/user-secret-rules.js'
import {configureSecretRules} from '../redact/redact.js'

/** `.incident-response.json|yaml|yml` in the repo root: the same settings as the flags, plus integrations. */
export const FileConfigSchema = z
  .object({
    severity: z.string().optional(),
    symptoms: z.array(z.string()).optional(),
    service: z.string().optional(),
    outDir: z.string().optional(),
    lookback: z.string().optional(),
    redactIps: z.boolean().optional(),
    /** Threads that read one large log file, as --threads. */
    threads: z.number().int().min(1).max(16).optional(),
    provider: z.enum(['offline', 'anthropic']).optional(),
    model: z.string().optional(),
    logs: z.array(z.string()).optional(),
    metrics: z.array(z.string()).optional(),
    deploys: z.string().optional(),
    health: z.array(z.string()).optional(),
    /** Kubernetes inputs, as --k8s (repeatable). */
    k8s: z.array(z.string()).optional(),
    /** The alert payload, as --alert. */
    alert: z.string().optional(),
    templates: z
      .object({
        triage: z.string(),
        specialist: z.string(),
        rca: z.string(),
        postmortem: z.string(),
        actionItems: z.string(),
        summary: z.string(),
      })
      .partial()
      .optional(),
    /** Default owner (team or role) for action items when CODEOWNERS does not say. */
    defaultOwner: z.string().optional(),
    /** People whose names must never appear in a postmortem (the blameless linter checks them). */
    people: z.object({names: z.array(z.string()).default([]), emails: z.array(z.string()).default([])}).optional(),
    integrations: z.record(z.string(), z.unknown()).optional(),
    /** Extra severity markers (catalogue/severity-markers.ts), tried before the built-in ones. */
    severityMarkers: z.array(UserSeverityMarkerSchema).optional(),
    /** Extra timestamp layouts (catalogue/timestamp-layouts.ts), tried before the built-in ones. */
    timestampLayouts: z.array(UserTimestampLayoutSchema).optional(),
    /** Extra secret detectors (redact/catalogue/secret-rules.ts), run before the built-in ones. */
    secretRules: z.array(UserSecretRuleSchema).optional(),
    /** Live sources: Prometheus, Loki, Elasticsearch/OpenSearch, the Kubernetes API, and their budget. */
    sources: SourcesConfigSchema.optional(),
    /** Failure signatures of your own, added to the built-in catalogue (checked entry by entry on load). */
    signatures: z.array(z.unknown()).optional(),
  })
  .strict()
export type FileConfig = z.infer<typeof FileConfigSchema>

const CANDIDATES = ['.incident-response.json', '.incident-response.yaml', '.incident-response.yml']

/**
 * Reads the first config file found in `root`; none is fine, a broken one is a clear error.
 * The file's own secret detectors take effect here, for the whole process: whatever is read
 * after the config is redacted with them.
 */
export async function loadFileConfig(root: string): Promise<{config: FileConfig; path: string | null}> {
  for (const name of CANDIDATES) {
    const path = join(root, name)
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch {
      continue
    }
    const raw = name.endsWith('.json') ? parseJsonText(text) : oneYamlDocument(text)
    if (!raw.ok) throw new UserError(`${path} is not valid ${name.endsWith('.json') ? 'JSON' : 'YAML'}: ${raw.problem}`)
    const parsed = FileConfigSchema.safeParse(raw.value ?? {})
    if (!parsed.success) {
      const issues = formatIssues(parsed.error, Number.POSITIVE_INFINITY)
      throw new UserError(`${path} has invalid settings: ${issues.join('; ')}`, {suggestions: ['See the README section "Configuration" for the settings it takes.']})
    }
    configureSecretRules((parsed.data.secretRules ?? []).map(secretRuleOf))
    // A broken signature is found here, before any evidence is read, and named with its file.
    compileUserSignatures(parsed.data.signatures ?? [], path)
    return {config: parsed.data, path}
  }
  return {config: {}, path: null}
}

/** A config file is one YAML document (or none: an empty file). */
function oneYamlDocument(text: string): ParsedText<unknown> {
  const parsed = parseYamlText(text)
  if (!parsed.ok) return parsed
  if (parsed.value.length > 1) return {ok: false, problem: `it holds ${parsed.value.length} documents (separated by ---), not one`}
  return {ok: true, value: parsed.value[0]}
}
