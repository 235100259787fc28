import {redact} from '../../redact/redact.js'
import {AnswerWriter, loadSourceManifest, type SourceManifest} from './answer-store.js'
import type {LiveSourceAdapter, SourceQuestion} from './live-source.js'
import {BudgetExhausted, SourceBudget, type SourceBudgetLimits} from './source-budget.js'
import {SourceRequestError} from './source-http.js'
import {SOURCE_LABELS} from './source-settings.js'

export interface LiveSourcesOptions {
  incidentDir: string
  question: SourceQuestion
  limits: SourceBudgetLimits
  redactIps: boolean
  /** Monotonic clock for the stats; injectable so tests can pin it. */
  clock?: () => number
}

/**
 * Asks every live source at once, each within its share of one budget, and saves what they
 * answered. A source whose answers are already saved (a resumed run, a re-run after a crash) is
 * not asked again; one that answered nothing is asked again next time (its manifest is not saved),
 * so fixing a URL or a token and resuming works. A source that fails or runs out of budget ends
 * with a limitation naming it and the setting to fix; it never stops the others, nor the incident.
 */
export async function runLiveSources(adapters: readonly LiveSourceAdapter[], options: LiveSourcesOptions): Promise<SourceManifest[]> {
  const clock = options.clock ?? (() => performance.now())
  const deadline = AbortSignal.timeout(options.limits.seconds * 1000)
  const window = {from: options.question.window.from.toISOString(), to: options.question.window.to.toISOString()}
  return Promise.all(
    adapters.map(async (adapter) => {
      const saved = await loadSourceManifest(options.incidentDir, adapter.name)
      if (saved) return saved
      const budget = new SourceBudget(options.limits, deadline)
      const answers = new AnswerWriter(options.incidentDir, adapter.name, options.redactIps)
      const started = clock()
      try {
        await adapter.ask(options.question, budget, answers)
      } catch (error) {
        answers.note(describeFailure(adapter, error, options.limits, answers.answers.length))
      }
      const prefix = `${SOURCE_LABELS[adapter.name]} (${adapter.location})`
      return answers.finish(
        {
          url: adapter.location,
          window,
          limitations: answers.problems.map((problem) => `${prefix}: ${problem}`),
          stats: {queries: budget.queries, bytes: budget.bytes, ms: Math.round(clock() - started)},
        },
        {save: answers.answers.length > 0},
      )
    }),
  )
}

/** One sentence: what stopped the source, what it had saved by then, and what to change. */
function describeFailure(adapter: LiveSourceAdapter, error: unknown, limits: SourceBudgetLimits, saved: number): string {
  const kept = saved === 0 ? 'nothing was read from it' : `the ${saved} answer(s) saved before count`
  if (error instanceof BudgetExhausted) {
    const cap = {time: `the time budget (${limits.seconds} s)`, bytes: `the byte budget (${limits.megabytes} MB)`, queries: `the query budget (${limits.queries} queries)`}[error.cap]
    return `stopped at ${cap}; ${kept} — raise ${adapter.settingFor(error.cap)}.`
  }
  if (error instanceof SourceRequestError) return `${error.message}; ${kept} — check ${adapter.settingFor(error.kind)}.`
  const message = error instanceof Error ? redact(error.message) : String(error)
  return `failed (${message}); ${kept}.`
}
