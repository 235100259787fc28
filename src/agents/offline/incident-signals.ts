import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import {onsetEvidence} from '../../evidence/facts-from-bundle.js'
import {frameFunctionName, repoRelativePath} from '../../evidence/logs/stack-trace.js'
import {conceptsOf, pathsIn, tokenSet} from './text-tokens.js'

/** One error-ish thing the logs say happened during the incident: a template or an exception. */
export interface ErrorSignal {
  evidenceId: string
  /** The template (or exception type and message) plus its samples, already redacted. */
  text: string
  /** What signatures are matched on: the template, then each sample with its JSON fields spelled out. */
  lines: string[]
  /** Occurrences since onset (all occurrences when the onset is unknown). */
  count: number
  /** New or surging since onset. */
  fresh: boolean
  /** Not seen at all before the onset. */
  isNew: boolean
  /** First occurrence (epoch ms), when the logs are timed. */
  firstSeenMs: number | null
  levels: string[]
  kind: 'template' | 'exception'
}

/** A frame of a failing stack trace, with the part of its path that may be a repository path. */
export interface FailingFrame {
  file: string
  /** Build prefixes removed (see repoRelativePath). */
  path: string
  /** The bare function name, '' when the frame names none. */
  function: string
}

/** What the incident's errors are about, in the forms the specialists match changes against. */
export interface IncidentSignals {
  onsetMs: number | null
  onset: string | null
  /** Evidence for the onset itself (the log change-point or the metric that moved). */
  onsetIds: string[]
  errors: ErrorSignal[]
  /** Error-level occurrences since onset across the error templates. */
  errorCount: number
  /** Frames of the fresh exceptions and source paths quoted in fresh error lines. */
  frames: FailingFrame[]
  tokens: Set<string>
  concepts: Set<string>
}

const MAX_UNFRESH_TEMPLATES = 10

export function incidentSignals(bundle: EvidenceBundle): IncidentSignals {
  const onset = bundle.window.onset
  const onsetMs = onset ? Date.parse(onset) : null
  const logs = bundle.logs
  const templates = logs?.templates ?? []
  const anyFresh = templates.some((t) => t.isNew || t.surgeScore >= 1)
  const errors: ErrorSignal[] = []
  const chosen = anyFresh
    ? templates.filter((t) => (t.isNew || t.surgeScore >= 1) && (t.levels.length === 0 || t.levels.includes('error') || t.levels.includes('warn')))
    : templates.filter((t) => t.levels.includes('error')).slice(0, MAX_UNFRESH_TEMPLATES)
  for (const t of chosen) {
    errors.push({
      evidenceId: t.evidenceId,
      text: [t.template, ...t.samples].join('\n'),
      lines: [t.template, ...t.samples.map(spellOut)],
      count: anyFresh ? t.incidentCount : t.count,
      fresh: t.isNew || t.surgeScore >= 1,
      isNew: t.isNew,
      firstSeenMs: t.firstSeen ? Date.parse(t.firstSeen) : null,
      levels: t.levels,
      kind: 'template',
    })
  }
  const frames: FailingFrame[] = []
  for (const e of logs?.exceptions ?? []) {
    const firstSeenMs = e.firstSeen ? Date.parse(e.firstSeen) : null
    const fresh = onsetMs === null || (firstSeenMs !== null && firstSeenMs >= onsetMs - 60_000)
    const header = `${e.type}: ${e.message}`
    errors.push({
      evidenceId: e.evidenceId,
      text: [header, ...e.frames.map((f) => `at ${f.function} (${f.file}:${f.line})`)].join('\n'),
      lines: [header],
      count: e.count,
      fresh,
      isNew: fresh,
      firstSeenMs,
      levels: ['error'],
      kind: 'exception',
    })
    if (fresh) for (const f of e.frames) frames.push({file: f.file, path: repoRelativePath(f), function: frameFunctionName(f.function)})
  }
  for (const signal of errors.filter((e) => e.fresh)) {
    for (const file of pathsIn(signal.text)) if (!frames.some((f) => f.file === file)) frames.push({file, path: repoRelativePath({file, function: ''}), function: ''})
  }
  const tokens = tokenSet(errors.map((e) => e.text))
  return {
    onsetMs,
    onset,
    onsetIds: onsetEvidence(bundle),
    errors,
    errorCount: errors.filter((e) => e.kind === 'template' && e.levels.includes('error')).reduce((sum, e) => sum + e.count, 0),
    frames,
    tokens,
    concepts: conceptsOf(tokens),
  }
}

/**
 * A sample as signatures read it: a JSON line becomes `key=value` pairs with its strings
 * unescaped (a logstash `stack_trace`, an `error.message`, a `url`); anything else stays as is.
 */
export function spellOut(sample: string): string {
  if (!sample.startsWith('{')) return sample
  let parsed: unknown
  try {
    parsed = JSON.parse(sample)
  } catch {
    // A sample cut at its length cap is no longer JSON: unescape what can be.
    return sample.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\"/g, '"')
  }
  if (parsed === null || typeof parsed !== 'object') return sample
  const pairs: string[] = []
  const walk = (value: unknown, key: string) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, inner] of Object.entries(value)) walk(inner, key ? `${key}.${name}` : name)
    } else if (value !== null && value !== undefined) {
      pairs.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    }
  }
  walk(parsed, '')
  return pairs.join(' ')
}
