import type {Symptom} from '../../../incident/vocabulary.js'
import type {UserPromql} from '../source-settings.js'
import type {PrometheusQuery} from './catalogue/prometheus-queries.js'

/** One query to ask: its name (series prefix and answer name), the PromQL, and whether the user wrote it. */
export interface PlannedQuery {
  name: string
  series: string
  expr: string
  fromUser: boolean
}

/** At most this many series per catalogue query (topk): a large cluster must not fill the byte budget with one answer. */
export const MAX_SERIES_PER_QUERY = 20

/**
 * The queries to ask, the user's first (they asked for them), then the catalogue entries the
 * symptoms call for whose metrics Prometheus has. `available` is null when Prometheus could not
 * list its metric names: then every entry the symptoms call for is tried.
 */
export function chooseQueries(
  catalogue: readonly PrometheusQuery[],
  user: readonly UserPromql[],
  options: {symptoms: readonly Symptom[]; available: ReadonlySet<string> | null},
): PlannedQuery[] {
  const wanted = (symptoms: readonly Symptom[] | undefined) => !symptoms || symptoms.length === 0 || symptoms.some((s) => options.symptoms.includes(s))
  const fromUser = user.filter((query) => wanted(query.symptoms)).map((query) => ({name: query.name, series: query.name, expr: query.expr, fromUser: true}))
  const fromCatalogue = catalogue
    .filter((entry) => wanted(entry.symptoms) && (options.available === null || entry.metrics.every((metric) => options.available!.has(metric))))
    .map((entry) => ({name: entry.id, series: entry.series, expr: `topk(${MAX_SERIES_PER_QUERY}, ${entry.expr})`, fromUser: false}))
  return [...fromUser, ...fromCatalogue]
}

const NICE_STEPS_S = [15, 30, 60, 120, 300, 600, 900, 1800, 3600]

/** A query_range step that keeps each series to about `maxPoints` points, rounded to a readable step. */
export function rangeStep(from: Date, to: Date, maxPoints = 360): number {
  const raw = (to.getTime() - from.getTime()) / 1000 / maxPoints
  return NICE_STEPS_S.find((step) => step >= raw) ?? Math.ceil(raw / 3600) * 3600
}
