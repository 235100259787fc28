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
  /** False for lines without timestamps: whether they are new cannot be told, only assumed. */
  timed: boolean
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
  /** The function as the trace wrote it (package, class), '' when none. */
  qualified: string
}

/** What the incident's errors are about, in the forms the specialists match changes against. */
export interface IncidentSignals {
  onsetMs: number | null
  onset: string | null
  /**
   * False when no evidence placed the onset and the declaration stands in for it: a change's
   * minutes "before the onset" then measure only how long before someone ran the tool.
   */
  onsetFromEvidence?: boolean
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

/** What a change's minutes are counted to: the onset, or the declaration standing in for it. */
export function referencePoint(signals: Pick<IncidentSignals, 'onsetFromEvidence'>): string {
  return signals.onsetFromEvidence === false ? 'the incident was declared' : 'the onset'
}

const MAX_UNFRESH_TEMPLATES = 10
/** Words by which a line at info level says something failed. */
const FAILURE_WORDS = /\b(?:failed|failure message|not authenticated|exception|refused|denied)\b/i
/** A quoted user agent in an access line: its words (Apple, Web, Kit, Mobile …) say nothing about the failure. */
const USER_AGENT = /"(?:Mozilla|curl|Wget|okhttp|Go-http-client|python-requests|[\w.-]+\/[\d.]+ \()[^"]*"/g
/**
 * Without a change-point in the logs, a kind of line first seen this long before the onset (an
 * incident declared late) still belongs to it, when it was not there when the log began and kept
 * occurring up to the onset.
 */
const LEAD_MS = 2 * 60 * 60_000
/** "Kept occurring up to the onset": seen again this close to it. */
const STILL_GOING_MS = 15 * 60_000

export function incidentSignals(bundle: EvidenceBundle): IncidentSignals {
  const onset = bundle.window.onset
  const onsetMs = onset ? Date.parse(onset) : null
  const logs = bundle.logs
  const templates = logs?.templates ?? []
  const splitAtOnset = logs?.onset != null
  // A line kind present from the first minutes of the log cannot be called new.
  const logFrom = logs?.timeRange ? Date.parse(logs.timeRange.from) + Math.max(logs.bucketWidthMs, 60_000) : null
  // New or surging against the log's own change-point; without one, first seen near the onset we
  // have (declared, from metrics) and not already there when the log began; untimed lines may be
  // new, which only the rest of the evidence can tell.
  const freshness = (t: (typeof templates)[number]): boolean => {
    if (t.firstSeen === null) return true
    if (splitAtOnset) return t.isNew || t.surgeScore >= 1
    const first = Date.parse(t.firstSeen)
    const going = onsetMs === null || t.lastSeen === null || first >= onsetMs - LEAD_MS / 4 || Date.parse(t.lastSeen) >= onsetMs - STILL_GOING_MS
    return (onsetMs === null || first >= onsetMs - LEAD_MS) && (logFrom === null || first > logFrom) && going
  }
  // Frameworks log some failures at info (ASP.NET's "Bearer was not authenticated. Failure message: …"):
  // a new kind of info line that says it failed is a problem line too.
  const problem = (t: (typeof templates)[number]) =>
    t.levels.length === 0 || t.levels.includes('error') || t.levels.includes('warn') || (t.isNew && FAILURE_WORDS.test([t.template, ...t.samples].join('\n')))
  const anyFresh = templates.some((t) => freshness(t) && problem(t))
  const errors: ErrorSignal[] = []
  const chosen = anyFresh ? templates.filter((t) => freshness(t) && problem(t)) : templates.filter((t) => t.levels.includes('error')).slice(0, MAX_UNFRESH_TEMPLATES)
  for (const t of chosen) {
    const fresh = freshness(t)
    errors.push({
      evidenceId: t.evidenceId,
      text: [t.template, ...t.samples].join('\n'),
      lines: [t.template, ...t.samples.map(spellOut)],
      count: splitAtOnset && t.firstSeen !== null ? t.incidentCount : t.count,
      fresh,
      isNew: splitAtOnset ? t.isNew : fresh,
      firstSeenMs: t.firstSeen ? Date.parse(t.firstSeen) : null,
      timed: t.firstSeen !== null,
      levels: t.levels,
      kind: 'template',
    })
  }
  const frames: FailingFrame[] = []
  for (const e of logs?.exceptions ?? []) {
    const firstSeenMs = e.firstSeen ? Date.parse(e.firstSeen) : null
    const fresh =
      firstSeenMs === null || (splitAtOnset ? onsetMs === null || firstSeenMs >= onsetMs - 60_000 : (onsetMs === null || firstSeenMs >= onsetMs - LEAD_MS) && (logFrom === null || firstSeenMs > logFrom))
    const header = `${e.type}: ${e.message}`
    errors.push({
      evidenceId: e.evidenceId,
      text: [header, ...e.frames.map((f) => `at ${f.function} (${f.file}:${f.line})`)].join('\n'),
      lines: [header],
      count: e.count,
      fresh,
      isNew: fresh,
      firstSeenMs,
      timed: firstSeenMs !== null,
      levels: ['error'],
      kind: 'exception',
    })
    if (fresh) for (const f of e.frames) frames.push({file: f.file, path: repoRelativePath(f), function: frameFunctionName(f.function), qualified: f.function})
  }
  for (const signal of errors.filter((e) => e.fresh)) {
    for (const file of pathsIn(signal.text)) if (!frames.some((f) => f.file === file)) frames.push({file, path: repoRelativePath({file, function: ''}), function: '', qualified: ''})
  }
  const tokens = tokenSet(errors.map((e) => e.text.replace(USER_AGENT, ' ')))
  return {
    onsetMs,
    onset,
    onsetFromEvidence: bundle.window.onsetSource === 'logs' || bundle.window.onsetSource === 'metrics',
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
  // A separator no host or word pattern runs across: `… ENOTFOUND | count=12` must not read "count" as the host.
  return pairs.join(' | ')
}
