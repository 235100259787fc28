import type {MitigationKind} from '../../incident/incident-arc.js'

/**
 * The facts our sentences are written from, in plain values: built once per document from the
 * incident, the evidence facts and the RCA (postmortem-story.ts), so a sentence never reaches
 * into the model itself and every variant can be rendered from a literal in a test.
 */
export interface Counts {
  total: number
  failed: number
}

export type StoryFailures =
  /** `correlatedAcross`: the files whose failed request lines were matched by request id (absent or null: one source counted). */
  | {kind: 'requests'; during: Counts; baseline: Counts; source: 'access' | 'app'; files: string[]; correlatedAcross?: string[] | null; to: string; until: 'end-of-impact' | 'evidence-end'}
  /**
   * `firstAt`: the first error line, when it came after the onset (an attack under way before errors began).
   * `to`: where the count stops (the recovery); absent or null = to the end of the evidence.
   */
  | {kind: 'error-lines'; lines: number; firstAt?: string | null; to?: string | null}
  | {kind: 'none'}
  | {kind: 'no-logs'}

export interface StoryEndpoint {
  name: string
  during: Counts
  baseline: Counts
  /** The whole log, as its evidence item counts it (absent when not known). */
  wholeLog?: Counts
  affected: boolean
}

export type StoryCause =
  | {kind: 'change'; category: string; changeKind: string; sha: string | null; subject: string; confidence: number}
  | {kind: 'condition'; category: string; summary: string; confidence: number}
  | {kind: 'undetermined'; confidence: number}

export interface StoryChange {
  at: string
  kind: MitigationKind
  label: string
  description: string
}

export interface Story {
  service: string
  onset: string | null
  /** Null when the declaration time is not known (a replay without --started-at). */
  declared: string | null
  failures: StoryFailures
  endpoints: StoryEndpoint[]
  users: number | null
  cause: StoryCause
  mitigation: StoryChange | null
  attempts: Array<{at: string; label: string; description: string}>
  recovery: {at: string; signals: string[]; rule: string} | null
  endOfImpact: string | null
  evidenceEnd: string | null
  notRecovered: string[]
  recorded: {status: 'investigating' | 'mitigated' | 'resolved'; mitigatedAt: string | null; mitigation: string | null; resolvedAt: string | null; resolution: string | null}
  /** The impact duration as `formatImpactShort` prints it ("29 min", "at least 38 min"). */
  duration: string
}
