import {redact, redactValue} from '../../redact/redact.js'

/** One point: epoch milliseconds and a value; null marks a gap (empty cell, NaN, ±Inf). */
export type MetricPoint = [t: number, v: number | null]

export interface RawSeries {
  /** Display name: the CSV column, or `__name__{label="v",…}` for Prometheus. */
  name: string
  labels: Record<string, string>
  /** In time order. */
  points: MetricPoint[]
}

export interface MetricReadResult {
  series: RawSeries[]
  /** What in the source could not be read (bad rows, unsupported result types). */
  problems: string[]
}

/**
 * A place metric series come from. Files are read whole; a live Prometheus reader can implement
 * the same interface and use `range` to bound its query_range call.
 */
export interface MetricSource {
  /** The file path or URL, for limitations and evidence refs. */
  readonly location: string
  read(range?: {from: Date; to: Date}): Promise<MetricReadResult>
}

/** Parses a finite number; anything else (empty, NaN, ±Inf, text) is a gap. */
export function parseMetricValue(text: unknown): number | null {
  if (typeof text === 'number') return Number.isFinite(text) ? text : null
  if (typeof text !== 'string' || text.trim() === '') return null
  const value = Number(text)
  return Number.isFinite(value) ? value : null
}

/** ISO-8601 or epoch seconds (or milliseconds, when too large to be seconds) → epoch ms. */
export function parseMetricTime(text: string | number): number | null {
  const raw = typeof text === 'number' ? text : text.trim()
  const numeric = typeof raw === 'number' ? raw : /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : null
  const ms = numeric !== null ? (numeric > 1e11 ? Math.round(numeric) : Math.round(numeric * 1000)) : Date.parse(raw as string)
  // A time no date can hold (1e20) is unreadable like text: every later date computation relies on it.
  return Number.isFinite(ms) && ms >= 0 && ms <= MAX_TIME_MS ? ms : null
}

/** The last instant a JavaScript Date represents. */
const MAX_TIME_MS = 8.64e15

/**
 * A series as it may leave its reader: names and labels carry whatever the scrape saw (a DSN with
 * its password, a token in a label), and evidence ids are built from the name.
 */
export function redactSeries(series: RawSeries): RawSeries {
  return {...series, name: redact(series.name), labels: redactValue(series.labels) as Record<string, string>}
}
