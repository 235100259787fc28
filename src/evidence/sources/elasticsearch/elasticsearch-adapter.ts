import {z} from 'zod'

import {normalizeLevel} from '../../logs/log-record.js'
import type {AnswerWriter} from '../answer-store.js'
import {BUDGET_SETTINGS, type LiveSourceAdapter, type SourceQuestion} from '../live-source.js'
import {volumeOnset} from '../log-volume.js'
import {newErrorProbes} from '../new-error-probes.js'
import {lineMessages} from '../sample-messages.js'
import type {SourceBudget} from '../source-budget.js'
import {createSourceHttp, displayUrl, type SourceAuth, type SourceHttp, SourceRequestError} from '../source-http.js'
import {chooseFields, FIELD_CANDIDATES, FieldCapsSchema, type LogFields} from './choose-fields.js'
import {volumeFromHistogram} from './read-elasticsearch-answers.js'

export interface ElasticsearchAdapterOptions {
  url: string
  /** Index pattern(s), comma-separated: `logs-*,filebeat-*`. */
  index: string
  auth: SourceAuth
  /** Field names the user fixed (config file); the rest are found with the field-capabilities API. */
  fields: {timeField: string | null; levelField: string | null; messageField: string | null}
  fetch?: typeof globalThis.fetch
}

/** Hits per `_search` page (search_after pages through more). */
export const ES_PAGE = 500
const SAMPLE_MS = 15 * 60_000
const SAMPLE = {before: 500, after: 1000, errorsBefore: 500, errorsAfter: 1000}
const NEW_ERRORS = 5
const FIRST_DOCS = 3
const TERMS_SIZE = 20
/** Level values counted as errors when the histogram showed none to take them from. */
const DEFAULT_ERROR_LEVELS = ['error', 'ERROR', 'Error', 'fatal', 'FATAL', 'critical', 'CRITICAL', 'crit', 'err', 'emerg', 'alert', 'panic']
const ERROR_WORDS = 'error OR fatal OR panic OR exception OR critical'

const HitsSchema = z.object({
  hits: z.object({hits: z.array(z.object({_id: z.string(), _source: z.record(z.string(), z.unknown()).default({}), sort: z.array(z.unknown()).optional()}))}),
})
const TermsSchema = z.object({
  aggregations: z.object({
    errors: z.object({buckets: z.array(z.object({key: z.union([z.string(), z.number()]), doc_count: z.number(), first_seen: z.object({value: z.number().nullable()})}))}),
  }),
})

type Query = Record<string, unknown>

/**
 * A live Elasticsearch or OpenSearch, asked for aggregates and a bounded sample: which fields
 * hold the time, level and error type (the field-capabilities API), a `date_histogram` of the
 * window by minute with a `terms` split by level, a `terms` on the error type with each one's
 * first time (new since the onset or not) and its first documents, and pages (search_after) of
 * documents before and after the onset and of errors before and after it. Answers are saved as
 * sent; the log readers read the documents, the volume analysis the histogram.
 */
export function elasticsearchAdapter(options: ElasticsearchAdapterOptions): LiveSourceAdapter {
  return {
    name: 'elasticsearch',
    location: `${displayUrl(options.url)}/${options.index}`,
    settingFor: (failure) =>
      failure === 'auth'
        ? 'ELASTICSEARCH_API_KEY, or ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD (or sources.elasticsearch in the config file)'
        : failure === 'not-found'
          ? '--elasticsearch-index (an index pattern such as logs-*)'
          : failure === 'rejected'
            ? 'sources.elasticsearch.timeField, levelField and messageField in the config file'
            : failure === 'time' || failure === 'bytes' || failure === 'queries'
              ? BUDGET_SETTINGS[failure]
              : '--elasticsearch (the base URL of the Elasticsearch or OpenSearch REST API, e.g. http://elasticsearch:9200)',
    async ask(question: SourceQuestion, budget: SourceBudget, answers: AnswerWriter): Promise<void> {
      const http = createSourceHttp({baseUrl: options.url, auth: options.auth, budget, fetch: options.fetch})
      const target = encodeURIComponent(options.index).replaceAll('%2A', '*')
      const caps = await http.get(`/${target}/_field_caps`, {fields: FIELD_CANDIDATES.join(','), ignore_unavailable: 'true', allow_no_indices: 'true'})
      const parsed = FieldCapsSchema.safeParse(caps.json)
      if (!parsed.success) throw new SourceRequestError('malformed', 'the field-capabilities answer is not the documented one')
      if (parsed.data.indices.length === 0) {
        answers.note(`no index matches ${options.index} — check --elasticsearch-index.`)
        return
      }
      const fields = chooseFields(parsed.data, options.fields, question.service)
      if (fields.time === null) {
        answers.note(`${options.index} has no date field the tool knows (@timestamp, timestamp) — set sources.elasticsearch.timeField in the config file.`)
        return
      }
      const search = new Searcher(http, answers, target, fields as LogFields & {time: string})
      const from = Math.floor(question.window.from.getTime() / 60_000) * 60_000
      const to = Math.ceil(question.window.to.getTime() / 60_000) * 60_000
      const scope: Query[] = fields.service && question.service ? [{term: {[fields.service]: question.service}}] : []

      const histogram = await search.volume(from, to, scope)
      if (histogram.total === 0) {
        answers.note(`no documents in ${options.index}${scope.length > 0 ? ` for service ${question.service}` : ''} between ${iso(from)} and ${iso(to)} — check --elasticsearch-index and --service.`)
        return
      }
      const onset = volumeOnset(histogram.volume, question.declaredAt.getTime()) ?? question.declaredAt.getTime()
      const errorLevels = histogram.levelKeys.filter((key) => normalizeLevel(key) === 'error')
      const errors: Query =
        fields.level !== null
          ? {terms: {[fields.level]: errorLevels.length > 0 ? errorLevels : DEFAULT_ERROR_LEVELS}}
          : {query_string: {query: ERROR_WORDS, default_field: fields.message ?? '*'}}

      await search.pages('before-onset', {from: Math.max(from, onset - SAMPLE_MS), to: onset}, scope, 'desc', SAMPLE.before)
      await search.pages('after-onset', {from: onset, to: Math.min(to, onset + SAMPLE_MS)}, scope, 'asc', SAMPLE.after)
      const errorsBefore = await search.pages('errors-before-onset', {from, to: onset}, [...scope, errors], 'desc', SAMPLE.errorsBefore)
      const errorsAfter = await search.pages('errors-after-onset', {from: onset, to}, [...scope, errors], 'asc', SAMPLE.errorsAfter)

      if (fields.errorType !== null) {
        // Pushed down: each error type's count and first time in the whole window; new ones began at the onset.
        const terms = await search.terms(fields.errorType, {from, to}, [...scope, errors])
        for (const bucket of terms.filter((b) => b.first_seen.value !== null && b.first_seen.value >= onset - 60_000).slice(0, NEW_ERRORS)) {
          await search.pages(`first-${bucket.key}`, {from, to}, [...scope, {term: {[fields.errorType]: bucket.key}}], 'asc', FIRST_DOCS)
        }
      } else if (fields.message !== null) {
        const messages = (docs: Array<Record<string, unknown>>) => lineMessages(docs.map((doc) => JSON.stringify(doc)), question.window.to).map((r) => r.message)
        for (const probe of newErrorProbes(messages(errorsBefore), messages(errorsAfter), NEW_ERRORS)) {
          await search.pages(`first-${probe.words[0]}`, {from, to}, [...scope, {match_phrase: {[fields.message]: probe.words[0]}}], 'asc', FIRST_DOCS)
        }
      }
    },
  }
}

/** The searches, each saved as Elasticsearch answered it. */
class Searcher {
  constructor(
    private readonly http: SourceHttp,
    private readonly answers: AnswerWriter,
    private readonly target: string,
    private readonly fields: LogFields & {time: string},
  ) {}

  private range(window: {from: number; to: number}): Query {
    return {range: {[this.fields.time]: {gte: window.from, lt: window.to, format: 'epoch_millis'}}}
  }

  async volume(from: number, to: number, scope: Query[]): Promise<NonNullable<ReturnType<typeof volumeFromHistogram>>> {
    const split = this.fields.level !== null
      ? {levels: {terms: {field: this.fields.level, size: 20}}}
      : {errors: {filter: {query_string: {query: ERROR_WORDS, default_field: this.fields.message ?? '*'}}}}
    const body = {
      size: 0,
      track_total_hits: true,
      query: {bool: {filter: [this.range({from, to}), ...scope]}},
      aggs: {per_minute: {date_histogram: {field: this.fields.time, fixed_interval: '1m', min_doc_count: 0, extended_bounds: {min: from, max: to - 1}}, aggs: split}},
    }
    const answer = await this.http.post(`/${this.target}/_search`, body)
    const read = volumeFromHistogram(answer.json, {from, to})
    if (read === null) throw new SourceRequestError('malformed', 'the date_histogram answer is not the documented one')
    if (read.total > 0) await this.answers.save({role: 'volume', name: 'volume', request: `POST /${this.target}/_search ${JSON.stringify(body)}`, body: answer.json, meta: {from, to}})
    return read
  }

  async terms(field: string, window: {from: number; to: number}, filters: Query[]): Promise<z.infer<typeof TermsSchema>['aggregations']['errors']['buckets']> {
    const body = {
      size: 0,
      query: {bool: {filter: [this.range(window), ...filters]}},
      aggs: {errors: {terms: {field, size: TERMS_SIZE}, aggs: {first_seen: {min: {field: this.fields.time}}}}},
    }
    const answer = await this.http.post(`/${this.target}/_search`, body)
    const parsed = TermsSchema.safeParse(answer.json)
    if (!parsed.success) {
      this.answers.note(`the terms answer on ${field} is not the documented one, so new error types were not looked for.`)
      return []
    }
    await this.answers.save({role: 'terms', name: `terms-${field}`, request: `POST /${this.target}/_search ${JSON.stringify(body)}`, body: answer.json})
    return parsed.data.aggregations.errors.buckets
  }

  /** Up to `want` documents in pages of ES_PAGE, each next page after the last one's sort values. */
  async pages(name: string, window: {from: number; to: number}, filters: Query[], order: 'asc' | 'desc', want: number): Promise<Array<Record<string, unknown>>> {
    const docs: Array<Record<string, unknown>> = []
    let after: unknown[] | undefined
    for (let page = 1; docs.length < want && window.from < window.to; page++) {
      const size = Math.min(ES_PAGE, want - docs.length)
      const body = {
        size,
        track_total_hits: false,
        query: {bool: {filter: [this.range(window), ...filters]}},
        sort: [{[this.fields.time]: {order}}, {_doc: {order}}],
        ...(after ? {search_after: after} : {}),
      }
      const answer = await this.http.post(`/${this.target}/_search`, body)
      const parsed = HitsSchema.safeParse(answer.json)
      if (!parsed.success) {
        this.answers.note(`the answer to ${name} has no hits.hits, so it was not used.`)
        break
      }
      const hits = parsed.data.hits.hits
      if (hits.length > 0) await this.answers.save({role: 'sample', name: `${name}-${page}`, request: `POST /${this.target}/_search ${JSON.stringify(body)}`, body: answer.json, meta: {order}})
      docs.push(...hits.map((hit) => hit._source))
      const last = hits.at(-1)?.sort
      if (hits.length < size || !last) break
      after = last
    }
    return docs
  }
}

const iso = (ms: number) => new Date(ms).toISOString()
