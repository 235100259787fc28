import {z} from 'zod'

import {parseJsonText} from '../../errors/syntax-problem.js'
import {MAX_INPUT_FILE_BYTES, readBoundedText} from '../read-bounded-text.js'
import {parseMetricTime, parseMetricValue, type MetricReadResult, type MetricSource, type RawSeries} from './metric-source.js'

const SampleSchema = z.tuple([z.union([z.number(), z.string()]), z.union([z.string(), z.number()])])

/** The body of a saved Prometheus `/api/v1/query_range` response. */
const PrometheusRangeResponseSchema = z.object({
  status: z.string(),
  error: z.string().optional(),
  data: z
    .object({
      resultType: z.string(),
      result: z.array(z.object({metric: z.record(z.string(), z.string()).default({}), values: z.array(SampleSchema).default([])})),
    })
    .optional(),
})

/** A saved Prometheus `query_range` JSON response. */
export class PrometheusJsonMetricSource implements MetricSource {
  constructor(readonly location: string) {}

  async read(): Promise<MetricReadResult> {
    const text = await readBoundedText(this.location)
    if (text === null) return {series: [], problems: [`larger than ${MAX_INPUT_FILE_BYTES / 1024 ** 2} MiB, not read`]}
    const json = parseJsonText(text)
    if (!json.ok) return {series: [], problems: [`not valid JSON (${json.problem})`]}
    return parsePrometheusRange(json.value)
  }
}

export function parsePrometheusRange(json: unknown): MetricReadResult {
  const parsed = PrometheusRangeResponseSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {series: [], problems: [`not a Prometheus query_range response (${issue.path.join('.') || 'body'}: ${issue.message})`]}
  }
  const {status, error, data} = parsed.data
  if (status !== 'success' || data === undefined) return {series: [], problems: [`the saved query failed: ${error ?? status}`]}
  if (data.resultType !== 'matrix') return {series: [], problems: [`resultType ${data.resultType} is not a range (matrix) result`]}
  const series: RawSeries[] = data.result.map((result, index) => ({
    name: seriesName(result.metric, index),
    labels: result.metric,
    points: result.values
      .map(([t, v]) => [parseMetricTime(t), parseMetricValue(v)] as const)
      .filter((p): p is [number, number | null] => p[0] !== null)
      .sort((a, b) => a[0] - b[0]),
  }))
  return {series, problems: []}
}

/** `http_requests_total{code="500",job="api"}`; an expression result without a name gets its labels only. */
export function seriesName(metric: Record<string, string>, index: number): string {
  const {__name__: name, ...labels} = metric
  const pairs = Object.keys(labels)
    .sort()
    .map((key) => `${key}="${labels[key]}"`)
  if (pairs.length === 0) return name ?? `series-${index + 1}`
  return `${name ?? ''}{${pairs.join(',')}}`
}
