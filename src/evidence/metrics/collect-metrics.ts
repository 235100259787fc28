import type {EvidenceItem} from '../../incident/evidence-item.js'
import {detectChangePoint, type ChangePoint} from './change-point.js'
import {redactSeries, type MetricSource, type RawSeries} from './metric-source.js'
import {MetricsDigestSchema, type MetricSeriesDigest, type MetricsDigest} from './metrics-digest.js'
import {displayLocation, openMetricSource} from './open-metric-source.js'
import {detectSaturation, type Saturation} from './saturation.js'
import {guessUnit, slugifySeries} from './series-names.js'
import {detectTrend, type Trend} from './trend.js'

export interface CollectMetricsResult {
  digest: MetricsDigest
  items: EvidenceItem[]
  limitations: string[]
}

/** A series missing more than this share of its points is named in the limitations. */
const GAP_SHARE_WORTH_NOTING = 0.1

/**
 * Reads every `--metrics` source and, per series, finds its change point and how close it came to
 * a limit. Unreadable content and gappy series are limitations; a missing file is the user's
 * mistake (UserError from `openMetricSource`). Series a live Prometheus answered (`live`) join
 * the same analysis.
 */
export async function collectMetrics(
  locations: string[],
  options: {onsetHint?: Date | null; live?: {locations: string[]; series: Array<{source: string; series: RawSeries}>}} = {},
): Promise<CollectMetricsResult> {
  const limitations: string[] = []
  const sources: MetricSource[] = []
  for (const location of locations) {
    const opened = await openMetricSource(location)
    if ('unsupported' in opened) limitations.push(`${opened.unsupported}.`)
    else sources.push(opened.source)
  }
  const read: Array<{source: string; series: RawSeries}> = []
  for (const source of sources) {
    const {series, problems} = await source.read()
    for (const problem of problems) limitations.push(`Metrics ${source.location}: ${problem}.`)
    for (const s of series) read.push({source: source.location, series: s})
  }
  if (options.live) read.push(...options.live.series)
  return analyseMetrics(read, [...locations, ...(options.live?.locations ?? [])], options.onsetHint ?? null, limitations)
}

/** Pure: the series read → digest, items and limitations. */
export function analyseMetrics(
  read: Array<{source: string; series: RawSeries}>,
  locations: string[],
  onsetHint: Date | null,
  limitations: string[] = [],
): CollectMetricsResult {
  const redacted = read.map((r) => ({source: r.source, series: redactSeries(r.series)}))
  const all = redacted.map((r) => r.series)
  const usedIds = new Set<string>()
  const digests: MetricSeriesDigest[] = redacted.map(({source, series}) => {
    const changePoint = detectChangePoint(series.points)
    const gaps = series.points.filter((p) => p[1] === null).length
    if (series.points.length > 0 && gaps / series.points.length > GAP_SHARE_WORTH_NOTING) {
      limitations.push(`Metric ${series.name} has ${gaps} of ${series.points.length} samples missing (empty, NaN or Inf); its change point is less certain.`)
    }
    return {
      name: series.name,
      evidenceId: uniqueId(`ev-metric-${slugifySeries(series.name)}`, usedIds),
      source,
      labels: series.labels,
      unit: guessUnit(series.name),
      points: series.points,
      gaps,
      changePoint,
      changeMinutesFromOnset:
        changePoint === null || onsetHint === null ? null : Math.round((Date.parse(changePoint.at) - onsetHint.getTime()) / 6000) / 10,
      trend: changePoint === null ? detectTrend(series.points) : null,
      saturation: detectSaturation(series, all),
    }
  })
  if (locations.length > 0 && digests.length === 0) limitations.push('No metric series could be read from --metrics.')
  const digest = MetricsDigestSchema.parse({schemaVersion: 1, sources: locations.map(displayLocation), onsetHint: onsetHint?.toISOString() ?? null, series: digests})
  return {digest, items: digests.flatMap(seriesEvidence), limitations}
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id
  for (let n = 2; used.has(candidate) || used.has(`${candidate}-sat`); n++) candidate = `${id}-${n}`
  used.add(candidate)
  return candidate
}

export function seriesEvidence(series: MetricSeriesDigest): EvidenceItem[] {
  const items: EvidenceItem[] = [
    {
      id: series.evidenceId,
      source: 'metrics',
      kind: series.changePoint !== null ? 'change-point' : series.trend ? 'trend' : 'steady',
      summary:
        series.changePoint !== null
          ? describeChange(series.name, series.unit, series.changePoint)
          : series.trend
            ? describeTrend(series.name, series.unit, series.trend)
            : describeSteady(series),
      at: series.changePoint?.at ?? null,
      ref: {file: series.source, series: series.name},
      data: {
        series: series.name,
        unit: series.unit,
        changePoint: series.changePoint,
        changeMinutesFromOnset: series.changeMinutesFromOnset,
        trend: series.trend ?? null,
        samples: series.points.length,
        gaps: series.gaps,
      },
    },
  ]
  if (series.saturation?.saturated) {
    items.push({
      id: `${series.evidenceId}-sat`,
      source: 'metrics',
      kind: 'saturation',
      summary: describeSaturation(series.name, series.unit, series.saturation),
      at: series.saturation.at,
      ref: {file: series.source, series: series.name},
      data: {series: series.name, unit: series.unit, ...series.saturation},
    })
  }
  return items
}

function describeChange(name: string, unit: string | null, change: ChangePoint): string {
  const verb = change.direction === 'up' ? 'rose' : 'fell'
  const factor = change.before !== 0 && change.after / change.before >= 2 ? ` (${(change.after / change.before).toFixed(1)}×)` : ''
  const ended = change.endedAt === null ? '' : `, back by ${change.endedAt}`
  return `${name} ${verb} from ${format(change.before, unit)} to ${format(change.after, unit)}${factor} at ${change.at}${ended}`
}

function describeTrend(name: string, unit: string | null, trend: Trend): string {
  return `${name} ${trend.direction === 'up' ? 'climbed' : 'fell'} steadily from ${format(trend.from, unit)} to ${format(trend.to, unit)} (rank correlation with time ${trend.rho})`
}

function describeSteady(series: MetricSeriesDigest): string {
  const values = series.points.flatMap((p) => (p[1] === null ? [] : [p[1]]))
  if (values.length === 0) return `${series.name}: no samples`
  const low = values.reduce((a, b) => Math.min(a, b))
  const high = values.reduce((a, b) => Math.max(a, b))
  return `${series.name}: no significant change (range ${format(low, series.unit)} – ${format(high, series.unit)})`
}

function describeSaturation(name: string, unit: string | null, saturation: Saturation): string {
  return `${name} peaked at ${format(saturation.peak, unit)} of a limit of ${format(saturation.limit, unit)} (${Math.round(saturation.ratio * 100)}%) at ${saturation.at}`
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB']

function format(value: number, unit: string | null): string {
  if (unit === 'bytes') {
    const power = Math.min(BYTE_UNITS.length - 1, Math.max(0, Math.floor(Math.log(Math.abs(value) || 1) / Math.log(1024))))
    return `${Number((value / 1024 ** power).toPrecision(4))} ${BYTE_UNITS[power]}`
  }
  const text = Number(value.toPrecision(4)).toString()
  if (unit === null || unit === 'count' || unit === 'ratio') return text
  return unit === '%' ? `${text}%` : `${text} ${unit}`
}
