import pLimit from 'p-limit'
import {z} from 'zod'

import {parsePrometheusRange} from '../../metrics/prometheus-json-source.js'
import type {AnswerWriter} from '../answer-store.js'
import {BUDGET_SETTINGS, type LiveSourceAdapter, type SourceQuestion} from '../live-source.js'
import type {SourceBudget} from '../source-budget.js'
import {createSourceHttp, displayUrl, type SourceAuth, type SourceHttp, SourceRequestError} from '../source-http.js'
import type {UserPromql} from '../source-settings.js'
import {PROMETHEUS_QUERIES, type PrometheusQuery} from './catalogue/prometheus-queries.js'
import {chooseQueries, type PlannedQuery, rangeStep} from './choose-queries.js'

export interface PrometheusAdapterOptions {
  url: string
  auth: SourceAuth
  userQueries: readonly UserPromql[]
  catalogue?: readonly PrometheusQuery[]
  fetch?: typeof globalThis.fetch
}

/** Queries in flight at once: enough to hide latency, few enough not to load a busy Prometheus. */
const CONCURRENCY = 4

const LabelValuesSchema = z.object({status: z.literal('success'), data: z.array(z.string())})
const WarningsSchema = z.object({warnings: z.array(z.string()).optional()})

/**
 * A live Prometheus: lists which of the catalogue's metric names it has (one small query),
 * then asks `query_range` for the user's queries and the catalogue entries the symptoms call for,
 * with a step that keeps every series to a few hundred points. Answers with series are saved as
 * Prometheus sent them; those without are dropped; warnings and rejected queries are noted.
 */
export function prometheusAdapter(options: PrometheusAdapterOptions): LiveSourceAdapter {
  const catalogue = options.catalogue ?? PROMETHEUS_QUERIES
  const location = displayUrl(options.url)
  return {
    name: 'prometheus',
    location,
    settingFor: (failure) =>
      failure === 'auth'
        ? 'PROMETHEUS_BEARER_TOKEN, or PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD (or sources.prometheus in the config file)'
        : failure === 'time' || failure === 'bytes' || failure === 'queries'
          ? BUDGET_SETTINGS[failure]
          : '--prometheus (the base URL of the Prometheus HTTP API, e.g. http://prometheus:9090)',
    async ask(question: SourceQuestion, budget: SourceBudget, answers: AnswerWriter): Promise<void> {
      const http = createSourceHttp({baseUrl: options.url, auth: options.auth, budget, fetch: options.fetch})
      const start = question.window.from.getTime() / 1000
      const end = question.window.to.getTime() / 1000
      const step = rangeStep(question.window.from, question.window.to)
      const available = await metricNames(http, catalogue, start, end, answers)
      const planned = chooseQueries(catalogue, options.userQueries, {symptoms: question.symptoms, available})
      const limit = pLimit(CONCURRENCY)
      let fatal: unknown = null
      await Promise.all(
        planned.map((query, index) =>
          limit(async () => {
            if (fatal !== null) return
            try {
              await askRange(http, query, {start, end, step, seq: index + 1}, answers)
            } catch (error) {
              if (error instanceof SourceRequestError && error.kind === 'rejected') {
                answers.note(`rejected ${query.name} (${error.message})${query.fromUser ? ` — check --promql ${query.name}` : ''}.`)
              } else fatal ??= error
            }
          }),
        ),
      )
      if (fatal !== null) throw fatal
    },
  }
}

/**
 * The catalogue's metric names this Prometheus has in the window, or null when it cannot say (an
 * API without the label-values endpoint): then every entry is tried.
 */
async function metricNames(http: SourceHttp, catalogue: readonly PrometheusQuery[], start: number, end: number, answers: AnswerWriter): Promise<Set<string> | null> {
  const wanted = [...new Set(catalogue.flatMap((entry) => entry.metrics))]
  try {
    const answer = await http.get('/api/v1/label/__name__/values', {'match[]': `{__name__=~"${wanted.join('|')}"}`, start, end})
    const parsed = LabelValuesSchema.safeParse(answer.json)
    if (parsed.success) return new Set(parsed.data.data)
    answers.note('its list of metric names was not the documented label-values answer, so every catalogue query was tried.')
    return null
  } catch (error) {
    if (error instanceof SourceRequestError && (error.kind === 'rejected' || error.kind === 'not-found')) return null
    throw error
  }
}

async function askRange(http: SourceHttp, query: PlannedQuery, range: {start: number; end: number; step: number; seq: number}, answers: AnswerWriter): Promise<void> {
  const answer = await http.get('/api/v1/query_range', {query: query.expr, start: range.start, end: range.end, step: range.step})
  const read = parsePrometheusRange(answer.json)
  if (read.problems.length > 0) {
    answers.note(`the answer to ${query.name} is not a query_range result (${read.problems[0]}), so it was not used — check that --prometheus points at the Prometheus HTTP API.`)
    return
  }
  for (const warning of WarningsSchema.safeParse(answer.json).data?.warnings ?? []) answers.note(`warned on ${query.name}: ${warning}.`)
  // Each query is tried and dropped when it returns no series: the metric is not exported here.
  if (read.series.length === 0) return
  await answers.save({
    role: 'range',
    name: query.name,
    request: `GET /api/v1/query_range?query=${query.expr}&step=${range.step}`,
    body: answer.json,
    meta: {series: query.series, fromUser: query.fromUser, step: range.step},
    seq: range.seq,
  })
}
