import {z} from 'zod'

import {exportAggregatorState} from '../../logs/aggregator-state.js'
import {LogAggregator} from '../../logs/log-aggregator.js'
import {SourceReader} from '../../logs/source-reader.js'
import type {LogFileSummary} from '../../logs/log-digest.js'
import {parsePrometheusRange} from '../../metrics/prometheus-json-source.js'
import type {SavedAnswer} from '../answer-store.js'
import {storeState, volumeFromSeries, type VolumeBucket} from '../log-volume.js'
import type {StoreReading} from '../store-reading.js'

const StreamsSchema = z.object({
  data: z.object({result: z.array(z.object({values: z.array(z.tuple([z.string(), z.string()]))}))}),
})

const levelOf = (labels: Record<string, string>) => labels.level ?? labels.detected_level ?? null

/**
 * What Loki answered, as log evidence: the per-minute counts by level are the volume; the lines
 * of every sample page go through the log readers (each page a source, each line cited by its
 * place in the page), a line seen on two pages read once. Pure: the caller reads the files.
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
    const parsed = StreamsSchema.safeParse(body)
    if (!parsed.success) {
      problems.push(`${answer.file} is not a Loki streams answer; its lines were not read.`)
      continue
    }
    const entries = parsed.data.data.result.flatMap((stream) => stream.values).map(([ns, line], index) => ({ns: BigInt(ns), line, index}))
    entries.sort((a, b) => (a.ns === b.ns ? a.index - b.index : a.ns < b.ns ? -1 : 1))
    const reader = new SourceReader(answer.file, aggregator, {now: options.now, reference: null})
    for (const entry of entries) {
      const key = `${entry.ns} ${entry.line}`
      if (seen.has(key)) continue
      seen.add(key)
      reader.line(entry.line, entry.index + 1)
      sampled++
    }
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
