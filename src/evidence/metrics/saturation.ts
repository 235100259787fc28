import {z} from 'zod'

import type {RawSeries} from './metric-source.js'

export const SaturationSchema = z.object({
  limit: z.number(),
  /** `series:<name>` for a companion limit series, `percent` (100) or `ratio` (1). */
  limitSource: z.string(),
  peak: z.number(),
  /** peak / limit. */
  ratio: z.number(),
  /** When the peak was reached. */
  at: z.iso.datetime(),
  /** peak ≥ 90 % of the limit. */
  saturated: z.boolean(),
})
export type Saturation = z.infer<typeof SaturationSchema>

/** Share of a limit in use from which a resource counts as saturated: metrics and live database alike. */
export const SATURATED_RATIO = 0.9

const RESOURCE_NAME = /memory|mem([_.-]|$)|heap|rss|disk|filesystem|fs[_.-]|inode|connection|conn([_.-]|$)|cpu|pool|utili[sz]ation|saturation|threads?|workers?|file[_.-]?descriptors|fds/i
const LIMIT_TOKENS = new Set(['limit', 'limits', 'max', 'maximum', 'capacity', 'total', 'size', 'quota', 'allocatable'])
// Words in a limit series' name that do not have to appear in the resource's name (cAdvisor's `spec`).
const NEUTRAL_TOKENS = new Set(['spec', 'configured', 'setting', 'settings'])
// Free or available space falls as the resource fills: its peak says nothing about saturation.
const INVERSE_TOKENS = new Set(['free', 'avail', 'available', 'idle', 'remaining'])
const PERCENT_NAME = /percent|pct|%/i
const FRACTION_NAME = /utili[sz]ation|ratio|fraction/i

/** True for series that measure a bounded resource and may be checked against a limit. */
export function isResourceSeries(name: string): boolean {
  return RESOURCE_NAME.test(name) && !isLimitSeries(name) && !tokens(name).some((t) => INVERSE_TOKENS.has(t))
}

function tokens(name: string): string[] {
  return name
    .replace(/\{.*$/, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

function isLimitSeries(name: string): boolean {
  return tokens(name).some((t) => LIMIT_TOKENS.has(t))
}

/**
 * How close a resource series came to its limit. The limit comes from a companion series whose name
 * is the resource's name with a limit word (`memory_limit_bytes` for `memory_usage_bytes`,
 * `max_connections` for `db_connections`), else 100 for percentages and 1 for ratios.
 * Null when the series is not a resource or no limit is known.
 */
export function detectSaturation(series: RawSeries, all: readonly RawSeries[]): Saturation | null {
  if (!isResourceSeries(series.name)) return null
  const peak = peakOf(series)
  if (peak === null) return null
  const companion = findLimitSeries(series, all)
  let limit: number | null = null
  let limitSource = ''
  if (companion !== null) {
    limit = valueNear(companion, peak.t)
    limitSource = `series:${companion.name}`
  } else if (PERCENT_NAME.test(series.name)) {
    ;[limit, limitSource] = [100, 'percent']
  } else if (FRACTION_NAME.test(series.name)) {
    // A utilisation may be a fraction (0–1) or a percentage (0–100): the values tell which.
    ;[limit, limitSource] = peak.v <= 1 ? [1, 'ratio'] : [100, 'percent']
  }
  if (limit === null || limit <= 0) return null
  const ratio = peak.v / limit
  return {
    limit,
    limitSource,
    peak: peak.v,
    ratio: Number(ratio.toFixed(4)),
    at: new Date(peak.t).toISOString(),
    saturated: ratio >= SATURATED_RATIO,
  }
}

function findLimitSeries(series: RawSeries, all: readonly RawSeries[]): RawSeries | null {
  const own = new Set(tokens(series.name))
  let best: RawSeries | null = null
  let bestOverlap = 0
  for (const candidate of all) {
    if (candidate === series || !isLimitSeries(candidate.name) || !sameLabels(series, candidate)) continue
    const meaningful = tokens(candidate.name).filter((t) => !LIMIT_TOKENS.has(t) && !NEUTRAL_TOKENS.has(t))
    if (meaningful.length === 0 || !meaningful.every((t) => own.has(t) || own.has(t.replace(/s$/, '')) || own.has(`${t}s`))) continue
    if (meaningful.length > bestOverlap) [best, bestOverlap] = [candidate, meaningful.length]
  }
  return best
}

/** Prometheus series pair up only when their labels (other than the name) agree. */
function sameLabels(a: RawSeries, b: RawSeries): boolean {
  const keys = new Set([...Object.keys(a.labels), ...Object.keys(b.labels)])
  keys.delete('__name__')
  for (const key of keys) if (a.labels[key] !== undefined && b.labels[key] !== undefined && a.labels[key] !== b.labels[key]) return false
  return true
}

function peakOf(series: RawSeries): {t: number; v: number} | null {
  let peak: {t: number; v: number} | null = null
  for (const [t, v] of series.points) if (v !== null && (peak === null || v > peak.v)) peak = {t, v}
  return peak
}

/** The limit in force at time `t` (limits can change, e.g. after a resize). */
function valueNear(series: RawSeries, t: number): number | null {
  let best: number | null = null
  let distance = Number.POSITIVE_INFINITY
  for (const [pt, v] of series.points) {
    if (v !== null && Math.abs(pt - t) < distance) [best, distance] = [v, Math.abs(pt - t)]
  }
  return best
}
