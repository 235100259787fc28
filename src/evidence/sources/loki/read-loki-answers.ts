import {exportAggregatorState} from '../../logs/aggregator-state.js'
import {readLogStoreExport} from '../../logs/exports/log-store-exports.js'
import {LogAggregator} from '../../logs/log-aggregator.js'
import {SourceReader} from '../../logs/source-reader.js'
import type {LogFileSummary} from '../../logs/log-digest.js'
import {parsePrometheusRange} from '../../metrics/prometheus-json-source.js'
import type {SavedAnswer} from '../answer-store.js'
import {storeState, volumeFromSeries, type VolumeBucket} from '../log-volume.js'
import type {StoreReading} from '../store-reading.js'

const levelOf = (labels: Record<string, string>) => labels.level ?? labels.detected_level ?? null

/**
 * What Loki answered, as log evidence: the per-minute counts by level are the volume; every sample
 * page is read by the log readers' Loki reader (each page a source, its entries in time order, each
 * cited by its place there; the stream labels and Loki's timestamp fill what a line does not say),
 * a line seen on two pages read once. Pure: the caller reads the files.
 */
export function readLokiAnswers(answers: ReadonlyArray<{answer: SavedAnswer; body: unknown}>, options: {location: string; now: Date}): StoreReading | null {
  const problems: string[] = []
  const counts = answers.find((a) => a.answer.role === 'volume')
  if (!counts) return null
  const read = parsePrometheusRange(counts.body)
  const errors = answers.find((a) => a.answer.role === 'volume-errors')
  const {from, to} = counts.answer.meta as {from: number; to: number}
  const volume: VolumeBucket[] = volumeFromSeries(read.series, {from, to, levelOf, endStamped: true, errorsOnly: errors ? parsePrometheusRange(errors.body).series : []})

  const aggregator = new LogAggregator()
  const seen = new Set<string>()
  let sampled = 0
  for (const {answer, body} of answers) {
    if (answer.role !== 'sample') continue
    let entries
    try {
      entries = readLogStoreExport(body).entries
    } catch {
      problems.push(`${answer.file} is not a Loki streams answer; its lines were not read.`)
      continue
    }
    const reader = new SourceReader(answer.file, aggregator, {now: options.now, reference: null})
    entries.forEach((entry, index) => {
      const key = `${entry.ts} ${JSON.stringify(entry.fields ?? {})} ${entry.text}`
      if (seen.has(key)) return
      seen.add(key)
      reader.entry(entry, index + 1)
      sampled++
    })
    reader.finish({lines: entries.length, bytes: answer.bytes})
  }
  const file: LogFileSummary = {
    path: `loki ${options.location}`,
    format: 'loki',
    lines: volume.reduce((sum, b) => sum + b.total, 0),
    bytes: answers.reduce((sum, a) => sum + a.answer.bytes, 0),
    skipped: [],
  }
  return {state: storeState(volume, sampled > 0 ? exportAggregatorState(aggregator) : null), file, volume, sampled, problems}
}
