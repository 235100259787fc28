import {z} from 'zod'

import {parsePrometheusRange} from '../../metrics/prometheus-json-source.js'
import type {AnswerWriter} from '../answer-store.js'
import {BUDGET_SETTINGS, type LiveSourceAdapter, type SourceQuestion} from '../live-source.js'
import {hasLevels, volumeFromSeries, volumeOnset} from '../log-volume.js'
import {newErrorProbes} from '../new-error-probes.js'
import {lineMessages} from '../sample-messages.js'
import type {SourceBudget} from '../source-budget.js'
import {createSourceHttp, displayUrl, type SourceAuth, type SourceHttp, SourceRequestError} from '../source-http.js'

export interface LokiAdapterOptions {
  url: string
  /** A LogQL stream selector: `{namespace="shop", app="checkout"}`. */
  selector: string
  /** Sent as X-Scope-OrgID. */
  tenant: string | null
  auth: SourceAuth
  fetch?: typeof globalThis.fetch
}

const QUERY_RANGE = '/loki/api/v1/query_range'
/** Lines per request: well under Loki's default max_entries_limit_per_query (5000). */
export const LOKI_PAGE = 500
/** The sample: this long on each side of the onset, and this many lines of each kind. */
const SAMPLE_MS = 15 * 60_000
const SAMPLE = {before: 500, after: 1000, errorsBefore: 500, errorsAfter: 1000}
const NEW_ERRORS = 5
const FIRST_LINES = 3
/** Level values that are errors, for a label filter (Loki regex matchers match the whole value). */
const ERROR_LEVELS = '(?i)(error|err|eror|fatal|critical|crit|panic|emerg|emergency|alert|severe)'
/** Error lines by content, for streams that carry no level at all. */
const ERROR_CONTENT = '(?i)(error|fatal|panic|exception|critical)'

const StreamsSchema = z.object({
  status: z.literal('success'),
  data: z.object({resultType: z.literal('streams'), result: z.array(z.object({stream: z.record(z.string(), z.string()).default({}), values: z.array(z.tuple([z.string(), z.string()]))}))}),
})

const levelOf = (labels: Record<string, string>) => labels.level ?? labels.detected_level ?? null

/**
 * A live Loki, asked for aggregates and a bounded sample, never for the stream: per-minute line
 * counts by level over the whole window (`sum by (level, detected_level) (count_over_time(…[1m]))`,
 * or error lines by content when the streams carry no level), then — around the onset those counts
 * show — pages of lines before and after it, error lines before and after it, and for each error
 * template new since the onset its first lines in the whole window. Every answer is saved as
 * Loki sent it; the log readers read the lines, the volume analysis the counts.
 */
export function lokiAdapter(options: LokiAdapterOptions): LiveSourceAdapter {
  return {
    name: 'loki',
    location: `${displayUrl(options.url)} ${options.selector}`,
    settingFor: (failure) =>
      failure === 'auth'
        ? 'LOKI_BEARER_TOKEN, or LOKI_USERNAME and LOKI_PASSWORD, and LOKI_ORG_ID for a multi-tenant Loki (or sources.loki in the config file)'
        : failure === 'rejected'
          ? '--loki-selector (a LogQL stream selector such as {namespace="shop", app="checkout"})'
          : failure === 'time' || failure === 'bytes' || failure === 'queries'
            ? BUDGET_SETTINGS[failure]
            : "--loki (the base URL of Loki's HTTP API, e.g. http://loki:3100)",
    async ask(question: SourceQuestion, budget: SourceBudget, answers: AnswerWriter): Promise<void> {
      const headers = options.tenant ? {'X-Scope-OrgID': options.tenant} : undefined
      const http = createSourceHttp({baseUrl: options.url, auth: {...options.auth, headers}, budget, fetch: options.fetch})
      const from = Math.floor(question.window.from.getTime() / 60_000) * 60_000
      const to = Math.ceil(question.window.to.getTime() / 60_000) * 60_000
      const selector = options.selector

      const levels = await askCounts(http, answers, 'volume', `sum by (level, detected_level) (count_over_time(${selector} [1m]))`, from, to)
      if (levels.length === 0) {
        answers.note(`no lines matched ${selector} between ${iso(from)} and ${iso(to)} — check --loki-selector.`)
        return
      }
      const levelLabel = levels.some((s) => s.labels.level !== undefined) ? 'level' : levels.some((s) => s.labels.detected_level !== undefined) ? 'detected_level' : null
      const labelled = hasLevels(levels, levelOf)
      const errorsOnly = labelled ? [] : await askCounts(http, answers, 'volume-errors', `sum(count_over_time(${selector} |~ "${ERROR_CONTENT}" [1m]))`, from, to)
      const volume = volumeFromSeries(levels, {from, to, levelOf, endStamped: true, errorsOnly})
      const onset = volumeOnset(volume, question.declaredAt.getTime()) ?? question.declaredAt.getTime()
      const errorFilter = labelled && levelLabel ? `${selector} | ${levelLabel}=~"${ERROR_LEVELS}"` : `${selector} |~ "${ERROR_CONTENT}"`

      const sample = async (name: string, query: string, start: number, end: number, forward: boolean, want: number) =>
        pagedLines(http, answers, {name, query, start: BigInt(Math.max(from, start)) * 1_000_000n, end: BigInt(Math.min(to, end)) * 1_000_000n, forward, want})
      await sample('before-onset', selector, onset - SAMPLE_MS, onset, false, SAMPLE.before)
      await sample('after-onset', selector, onset, onset + SAMPLE_MS, true, SAMPLE.after)
      const errorsBefore = await sample('errors-before-onset', errorFilter, from, onset, false, SAMPLE.errorsBefore)
      const errorsAfter = await sample('errors-after-onset', errorFilter, onset, to, true, SAMPLE.errorsAfter)

      const messages = (lines: string[]) => lineMessages(lines, question.window.to).map((record) => record.message)
      for (const probe of newErrorProbes(messages(errorsBefore), messages(errorsAfter), NEW_ERRORS)) {
        const filters = probe.words.map((word) => `|= ${JSON.stringify(word)}`).join(' ')
        await sample(`first-${probe.words[0]}`, `${selector} ${filters}`, from, to, true, FIRST_LINES)
      }
    },
  }
}

/** A count query over the window at a one-minute step; the answer is saved when it has series. */
async function askCounts(http: SourceHttp, answers: AnswerWriter, role: string, query: string, from: number, to: number) {
  const answer = await http.get(QUERY_RANGE, {query, start: `${from}000000`, end: `${to}000000`, step: 60})
  const read = parsePrometheusRange(answer.json)
  if (read.problems.length > 0) throw new SourceRequestError('malformed', `the answer to the counts query is not a Loki matrix (${read.problems[0]})`)
  if (read.series.length > 0) await answers.save({role, name: role, request: `GET ${QUERY_RANGE}?query=${query}&step=60`, body: answer.json, meta: {from, to}})
  return read.series
}

/**
 * Up to `want` lines of a log query, in pages: each next page starts at the last line's
 * timestamp (Loki has no cursor), and lines of that same nanosecond already seen are dropped.
 * Every page is saved. Returns the lines, oldest first or newest first as asked.
 */
async function pagedLines(
  http: SourceHttp,
  answers: AnswerWriter,
  ask: {name: string; query: string; start: bigint; end: bigint; forward: boolean; want: number},
): Promise<string[]> {
  const lines: string[] = []
  let {start, end} = ask
  let boundary = new Set<string>()
  for (let page = 1; lines.length < ask.want && start < end; page++) {
    const limit = Math.min(LOKI_PAGE, ask.want - lines.length + boundary.size)
    const direction = ask.forward ? 'forward' : 'backward'
    const answer = await http.get(QUERY_RANGE, {query: ask.query, start: start.toString(), end: end.toString(), limit, direction})
    const parsed = StreamsSchema.safeParse(answer.json)
    if (!parsed.success) {
      answers.note(`the answer to ${ask.name} is not a Loki streams result (${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}), so it was not used.`)
      break
    }
    const entries = parsed.data.data.result
      .flatMap((stream) => stream.values.map(([ns, line]) => ({ns: BigInt(ns), line})))
      .sort((a, b) => (a.ns === b.ns ? 0 : (a.ns < b.ns) === ask.forward ? -1 : 1))
    const fresh = entries.filter((entry) => !boundary.has(`${entry.ns} ${entry.line}`))
    if (fresh.length > 0) {
      await answers.save({role: 'sample', name: `${ask.name}-${page}`, request: `GET ${QUERY_RANGE}?query=${ask.query}&direction=${direction}&limit=${limit}`, body: answer.json})
    }
    lines.push(...fresh.map((entry) => entry.line).slice(0, ask.want - lines.length))
    if (entries.length < limit || fresh.length === 0) break
    const last = entries.at(-1)!.ns
    boundary = new Set(entries.filter((entry) => entry.ns === last).map((entry) => `${entry.ns} ${entry.line}`))
    if (ask.forward) start = last
    else end = last + 1n
  }
  return lines
}

const iso = (ms: number) => new Date(ms).toISOString()

