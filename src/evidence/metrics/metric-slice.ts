import {openMetricSource} from './open-metric-source.js'
import {redactSeries, type MetricPoint, type RawSeries} from './metric-source.js'
import {median} from './robust-stats.js'
import {guessUnit, slugifySeries} from './series-names.js'

const MAX_ROWS = 60

/**
 * A compact text table of one series between `from` and `to`, for a specialist's tool call. The
 * series may be named exactly, by slug or evidence id, or by a unique part of its name. Problems
 * (no such series, nothing in range) come back as text so the model can correct itself.
 */
export async function metricSlice(locations: string[], series: string, from?: string | Date, to?: string | Date): Promise<string> {
  const all: RawSeries[] = []
  for (const location of locations) {
    const opened = await openMetricSource(location)
    if ('source' in opened) all.push(...(await opened.source.read()).series.map(redactSeries))
  }
  return formatMetricSlice(all, series, toMs(from, Number.NEGATIVE_INFINITY), toMs(to, Number.POSITIVE_INFINITY))
}

/** Pure: pick the series, cut the range, bucket to at most MAX_ROWS rows. */
export function formatMetricSlice(all: readonly RawSeries[], wanted: string, from: number, to: number): string {
  const found = findSeries(all, wanted)
  if (typeof found === 'string') return found
  const points = found.points.filter(([t]) => t >= from && t <= to)
  const unit = guessUnit(found.name)
  const title = `${found.name}${unit === null ? '' : ` (${unit})`}`
  if (points.length === 0) return `${title}: no samples in the requested range.`
  if (points.length <= MAX_ROWS) {
    return [title, 'time                      value', ...points.map(([t, v]) => `${iso(t)}  ${v ?? 'gap'}`)].join('\n')
  }
  const size = Math.ceil(points.length / MAX_ROWS)
  const rows: string[] = []
  for (let i = 0; i < points.length; i += size) rows.push(bucketRow(points.slice(i, i + size)))
  return [`${title}, ${points.length} samples in buckets of ${size}`, 'time                      median  min  max', ...rows].join('\n')
}

function bucketRow(bucket: MetricPoint[]): string {
  const values = bucket.flatMap(([, v]) => (v === null ? [] : [v]))
  if (values.length === 0) return `${iso(bucket[0][0])}  gap`
  const round = (v: number) => Number(v.toPrecision(5))
  return `${iso(bucket[0][0])}  ${round(median(values))}  ${round(Math.min(...values))}  ${round(Math.max(...values))}`
}

function findSeries(all: readonly RawSeries[], wanted: string): RawSeries | string {
  const slug = slugifySeries(wanted.replace(/^ev-metric-/, '').replace(/-sat$/, ''))
  const exact = all.find((s) => s.name === wanted) ?? all.find((s) => slugifySeries(s.name) === slug)
  if (exact) return exact
  const partial = all.filter((s) => s.name.toLowerCase().includes(wanted.toLowerCase()))
  if (partial.length === 1) return partial[0]
  const names = (partial.length > 1 ? partial : all).map((s) => s.name)
  const listed = names.slice(0, 20).join(', ') + (names.length > 20 ? `, … (${names.length} in all)` : '')
  return partial.length > 1 ? `Several series match "${wanted}": ${listed}. Name one exactly.` : `No series named "${wanted}". Available: ${listed || 'none'}.`
}

function toMs(value: string | Date | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const ms = value instanceof Date ? value.getTime() : Date.parse(value)
  return Number.isNaN(ms) ? fallback : ms
}

function iso(t: number): string {
  return new Date(t).toISOString().replace('.000Z', 'Z')
}
