import type {Symptom} from '../../incident/vocabulary.js'
import type {AnswerWriter} from './answer-store.js'
import type {BudgetCap, SourceBudget} from './source-budget.js'
import type {RequestFailureKind} from './source-http.js'
import type {SourceName} from './source-settings.js'

/** What every source is asked about: the incident's window and what the responder said about it. */
export interface SourceQuestion {
  window: {from: Date; to: Date}
  /** When the incident was declared: where samples are centred until the source shows the onset. */
  declaredAt: Date
  symptoms: readonly Symptom[]
  service: string | null
}

/**
 * One live source. `ask` queries it within its budget and saves every answer it will need
 * through `answers`, in the vendor's own format; the source's reader turns the saved answers into
 * evidence, so a resumed or offline re-run reads the same files. Problems that do not stop the
 * source (a rejected query, a warning) are noted on `answers`; `ask` throws only when the source
 * as a whole failed (unreachable, refused, out of budget), and what it saved before still counts.
 */
export interface LiveSourceAdapter {
  readonly name: SourceName
  /** The URL or context, credentials-free: for the manifest and every limitation. */
  readonly location: string
  ask(question: SourceQuestion, budget: SourceBudget, answers: AnswerWriter): Promise<void>
  /** The flag, config key or environment variable to fix after a failure of this kind. */
  settingFor(failure: RequestFailureKind | BudgetCap): string
}

/** What to raise when a source runs out of one part of the budget: the same for every source. */
export const BUDGET_SETTINGS: Readonly<Record<BudgetCap, string>> = {
  time: 'sources.budget.seconds in the config file',
  bytes: 'sources.budget.megabytes in the config file',
  queries: 'sources.budget.queries in the config file',
}
