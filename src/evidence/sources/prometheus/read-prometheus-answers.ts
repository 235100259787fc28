import type {RawSeries} from '../../metrics/metric-source.js'
import {parsePrometheusRange} from '../../metrics/prometheus-json-source.js'
import type {SavedAnswer} from '../answer-store.js'

export interface SourcedSeries {
  /** The saved answer's file, relative to the incident folder: what the evidence cites. */
  source: string
  series: RawSeries
}

/**
 * The series of the saved `query_range` answers, read by the same reader as a saved `--metrics`
 * JSON file and named after their query (`http_requests_5xx_ratio{job="checkout-api"}`). When
 * the incident names a service and some series of an answer carry it in a label value, only
 * those are kept: the others are other services'. Pure: the caller reads the files.
 */
export function seriesFromAnswers(answers: ReadonlyArray<{answer: SavedAnswer; body: unknown}>, service: string | null): {series: SourcedSeries[]; problems: string[]} {
  const series: SourcedSeries[] = []
  const problems: string[] = []
  for (const {answer, body} of answers) {
    if (answer.role !== 'range') continue
    const read = parsePrometheusRange(body)
    if (read.problems.length > 0) {
      problems.push(`${answer.file}: ${read.problems[0]}`)
      continue
    }
    const prefix = typeof answer.meta.series === 'string' ? answer.meta.series : answer.name
    const named = read.series.map((raw) => {
      const {__name__: _name, ...labels} = raw.labels
      return {...raw, name: nameOf(prefix, labels), labels}
    })
    const ours = service === null ? [] : named.filter((raw) => Object.values(raw.labels).some((value) => mentions(value, service)))
    for (const raw of ours.length > 0 ? ours : named) series.push({source: answer.file, series: raw})
  }
  return {series, problems}
}

function nameOf(prefix: string, labels: Record<string, string>): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((key) => `${key}="${labels[key]}"`)
  return pairs.length === 0 ? prefix : `${prefix}{${pairs.join(',')}}`
}

/** A label value names the service: `checkout-api`, `shop/checkout-api`, `checkout-api-7d9f8-x2x9z`. */
function mentions(value: string, service: string): boolean {
  const v = value.toLowerCase()
  const s = service.toLowerCase()
  const at = v.indexOf(s)
  if (at < 0) return false
  const before = at === 0 ? '' : v[at - 1]
  const after = v[at + s.length] ?? ''
  return !/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)
}
