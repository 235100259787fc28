import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import {onsetEvidence} from '../../evidence/facts-from-bundle.js'
import {conceptsOf, pathsIn, tokenSet} from './text-tokens.js'

/** One error-ish thing the logs say happened during the incident: a template or an exception. */
export interface ErrorSignal {
  evidenceId: string
  /** The template (or exception type and message) plus its samples, already redacted. */
  text: string
  /** Occurrences since onset (all occurrences when the onset is unknown). */
  count: number
  /** New or surging since onset. */
  fresh: boolean
  levels: string[]
  kind: 'template' | 'exception'
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
  /** Source paths from exception frames and quoted stack traces. */
  frames: string[]
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
      count: anyFresh ? t.incidentCount : t.count,
      fresh: t.isNew || t.surgeScore >= 1,
      levels: t.levels,
      kind: 'template',
    })
  }
  for (const e of logs?.exceptions ?? []) {
    errors.push({
      evidenceId: e.evidenceId,
      text: [`${e.type}: ${e.message}`, ...e.frames.map((f) => `at ${f.function} (${f.file}:${f.line})`)].join('\n'),
      count: e.count,
      fresh: onsetMs === null || (e.firstSeen !== null && Date.parse(e.firstSeen) >= onsetMs - 60_000),
      levels: ['error'],
      kind: 'exception',
    })
  }
  const frames = new Set<string>()
  for (const e of logs?.exceptions ?? []) for (const f of e.frames) frames.add(f.file)
  for (const signal of errors) for (const path of pathsIn(signal.text)) frames.add(path)
  const tokens = tokenSet(errors.map((e) => e.text))
  return {
    onsetMs,
    onset,
    onsetIds: onsetEvidence(bundle),
    errors,
    errorCount: errors.filter((e) => e.kind === 'template' && e.levels.includes('error')).reduce((sum, e) => sum + e.count, 0),
    frames: [...frames],
    tokens,
    concepts: conceptsOf(tokens),
  }
}
