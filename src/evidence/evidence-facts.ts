import type {IncidentArc} from '../incident/incident-arc.js'
import type {ChangeKind} from '../incident/vocabulary.js'
import type {RequestImpact} from './impact/request-impact.js'

/**
 * The handful of facts the triage, RCA and postmortem phases need from the evidence, in one
 * flat shape. Derived from the bundle by `factsFrom` (evidence-bundle.ts); the specialists read
 * the full digests instead.
 */
export interface EvidenceFacts {
  onset: string | null
  onsetEvidenceIds: string[]
  /** When the incident was declared; null when that is not known (no --started-at or alert, and the run came long after the evidence). */
  declaredAt: string | null
  errors: {
    count: number
    requests: number | null
    /** errors / lines (or requests) since onset */
    rateSinceOnset: number | null
    baselineRate: number | null
    peakRate: number | null
    firstErrorAt: string | null
    lastErrorAt: string | null
    /** Where `count` stops: the recovery, when the evidence shows one; null = to the end of the evidence. */
    countedTo: string | null
    evidenceIds: string[]
  } | null
  endpoints: {endpoint: string; errors: number; evidenceId: string}[]
  affectedUsers: number | null
  /** `firstSeen`: the error's first line, when the logs are timed (for the causal order in the five whys). */
  topErrors: {text: string; count: number; evidenceId: string; isNew: boolean; firstSeen?: string | null}[]
  changes: {
    sha: string
    shortSha: string
    subject: string
    kind: ChangeKind | 'docs-tests'
    committedAt: string
    minutesBeforeOnset: number | null
    afterOnset: boolean
    files: string[]
    components: string[]
    evidenceId: string
  }[]
  events: {at: string; kind: 'deploy' | 'feature-flag' | 'config'; description: string; sha: string | null; minutesBeforeOnset: number | null; evidenceId: string}[]
  unhealthy: {url: string; detail: string; evidenceId: string}[]
  buckets: {t: string; total: number; error: number}[]
  /** The incident's course beyond the onset (peak, mitigation, recovery), from the evidence. */
  arc: IncidentArc
  /** Failed requests counted once, from one source, with each failing endpoint tested; null without request lines. */
  requests: RequestImpact | null
  /** How far before the onset changes were looked for (`--lookback`), as given. */
  lookback: string
  /** Which evidence was given at all: "no commits" and "no repository" read differently. */
  examined: {logs: boolean; git: boolean; deploys: boolean; metrics: boolean}
  /** A real (redacted) message of each mined template, by its evidence id, to show beside the `<*>` form. */
  templateExamples: Record<string, string>
}
