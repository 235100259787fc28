import {z} from 'zod'

import {exportAggregatorState} from '../../logs/aggregator-state.js'
import {readLogStoreExport} from '../../logs/exports/log-store-exports.js'
import {LogAggregator} from '../../logs/log-aggregator.js'
import type {LogFileSummary} from '../../logs/log-digest.js'
import {normalizeLevel} from '../../logs/log-record.js'
import {SourceReader} from '../../logs/source-reader.js'
import type {SavedAnswer} from '../answer-store.js'
import {storeState, type VolumeBucket} from '../log-volume.js'
import type {StoreReading} from '../store-reading.js'

const HistogramSchema = z.object({
  aggregations: z.object({
    per_minute: z.object({
      buckets: z.array(
        z.object({
          key: z.number(),
          doc_count: z.number(),
          levels: z.object({buckets: z.array(z.object({key: z.union([z.string(), z.number()]), doc_count: z.number()}))}).optional(),
          errors: z.object({doc_count: z.number()}).optional(),
        }),
      ),
    }),
  }),
})

/**
 * The per-minute volume of a `date_histogram` answer: documents per minute, split into errors and
 * warnings by the `terms` on the level field (or counted by the error-words filter). Null when the
 * answer is not that shape. `levelKeys` are the level values seen, for the error filter.
 */
export function volumeFromHistogram(json: unknown, window: {from: number; to: number}): {volume: VolumeBucket[]; total: number; levelKeys: string[]} | null {
  const parsed = HistogramSchema.safeParse(json)
  if (!parsed.success) return null
  const keys = new Set<string>()
  const volume = parsed.data.aggregations.per_minute.buckets
    .filter((bucket) => bucket.key >= window.from && bucket.key < window.to)
    .map((bucket) => {
      let error = bucket.errors?.doc_count ?? 0
      let warn = 0
      for (const level of bucket.levels?.buckets ?? []) {
        keys.add(String(level.key))
        const normal = normalizeLevel(typeof level.key === 'number' ? level.key : level.key)
        if (normal === 'error') error += level.doc_count
        else if (normal === 'warn') warn += level.doc_count
      }
      return {t: bucket.key, total: bucket.doc_count, warn, error: Math.min(error, bucket.doc_count)}
    })
  return {volume, total: volume.reduce((sum, b) => sum + b.total, 0), levelKeys: [...keys]}
}

/**
 * What Elasticsearch answered, as log evidence: the histogram is the volume; every sample page is
 * read by the log readers' Elasticsearch reader (each page a source, each document cited by its
 * place there), a document seen on two pages read once. Pure: the caller reads the files.
 */
export function readElasticsearchAnswers(answers: ReadonlyArray<{answer: SavedAnswer; body: unknown}>, options: {location: string; now: Date}): StoreReading | null {
  const counts = answers.find((a) => a.answer.role === 'volume')
  if (!counts) return null
  const {from, to} = counts.answer.meta as {from: number; to: number}
  const histogram = volumeFromHistogram(counts.body, {from, to})
  if (histogram === null) return null
  const problems: string[] = []
  const aggregator = new LogAggregator()
  const seen = new Set<string>()
  let sampled = 0
  for (const {answer, body} of answers) {
    if (answer.role !== 'sample') continue
    let entries
    try {
      entries = readLogStoreExport(body).entries.map((entry, index) => ({entry, index}))
    } catch {
      problems.push(`${answer.file} is not an Elasticsearch _search answer; its documents were not read.`)
      continue
    }
    // Pages come newest first or oldest first; the readers want time order.
    if (answer.meta.order === 'desc') entries.reverse()
    const reader = new SourceReader(answer.file, aggregator, {now: options.now, reference: null})
    for (const {entry, index} of entries) {
      const key = JSON.stringify(entry.fields ?? {})
      if (seen.has(key)) continue
      seen.add(key)
      reader.entry(entry, index + 1)
      sampled++
    }
    reader.finish({lines: entries.length, bytes: answer.bytes})
  }
  const file: LogFileSummary = {
    path: `elasticsearch ${options.location}`,
    format: 'elasticsearch',
    lines: histogram.total,
    bytes: answers.reduce((sum, a) => sum + a.answer.bytes, 0),
    skipped: [],
  }
  return {state: storeState(histogram.volume, sampled > 0 ? exportAggregatorState(aggregator) : null), file, volume: histogram.volume, sampled, problems}
}
