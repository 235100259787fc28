import {z} from 'zod'

import {InternalError} from '../errors/errors.js'
import {formatIssues} from '../errors/format-issues.js'
import {IncidentSchema} from '../incident/incident.js'
import {SEVERITY_LEVELS, SeveritySchema, type Severity} from '../incident/severity.js'
import {median, nearestRankPercentile} from './percentile.js'

const Iso = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date')

export const StatsIncidentSchema = z.object({
  id: z.string(),
  severity: SeveritySchema,
  status: IncidentSchema.shape.status,
  /** rca.rootCause.category, or null while there is no RCA. */
  category: z.string().nullable(),
  startedAt: Iso.nullable(),
  detectedAt: Iso.nullable(),
  acknowledgedAt: Iso.nullable(),
  mitigatedAt: Iso.nullable(),
  resolvedAt: Iso.nullable(),
})
export type StatsIncident = z.infer<typeof StatsIncidentSchema>
type IncidentStatus = StatsIncident['status']
type TimestampField = 'startedAt' | 'detectedAt' | 'acknowledgedAt' | 'mitigatedAt' | 'resolvedAt'

/** Below this many samples a median or p90 says little about a trend. */
export const MIN_TREND_SAMPLE = 10

export const NO_CATEGORY = '(no root cause yet)'

/**
 * The durations, each from one timestamp to another. Mitigate and resolve count from the start
 * of impact, not from detection, so they measure how long users were affected.
 */
export const DURATION_DEFINITIONS = [
  {key: 'timeToDetect', label: 'time to detect', noun: 'a detect time', from: 'startedAt', to: 'detectedAt'},
  {key: 'timeToAcknowledge', label: 'time to acknowledge', noun: 'an acknowledge time', from: 'detectedAt', to: 'acknowledgedAt'},
  {key: 'timeToMitigate', label: 'time to mitigate', noun: 'a mitigate time', from: 'startedAt', to: 'mitigatedAt'},
  {key: 'timeToResolve', label: 'time to resolve', noun: 'a resolve time', from: 'startedAt', to: 'resolvedAt'},
] as const satisfies ReadonlyArray<{key: string; label: string; noun: string; from: TimestampField; to: TimestampField}>

export interface DurationStat {
  key: (typeof DURATION_DEFINITIONS)[number]['key']
  label: string
  /** e.g. "detectedAt − startedAt". */
  definition: string
  /** Incidents with both timestamps, in order. */
  n: number
  medianMinutes: number | null
  p90Minutes: number | null
  /** Incidents left out because the end is before the start. */
  excludedIds: string[]
}

export interface IncidentStats {
  incidentCount: number
  bySeverity: Record<Severity, number>
  byStatus: Record<IncidentStatus, number>
  /** Most frequent first; incidents without an RCA count under NO_CATEGORY. */
  byCategory: Array<{category: string; count: number}>
  durations: DurationStat[]
  warnings: string[]
  method: {median: string; p90: string; unit: 'minutes'}
}

const MINUTE = 60_000

/** Counts and duration medians/p90 across incidents. Pure: the caller loads the incidents. */
export function computeIncidentStats(input: readonly unknown[]): IncidentStats {
  const incidents = input.map((raw, index) => {
    const parsed = StatsIncidentSchema.safeParse(raw)
    if (parsed.success) return parsed.data
    throw new InternalError(`stats: incident #${index + 1} is invalid (${formatIssues(parsed.error, 1)[0]})`)
  })

  const bySeverity = Object.fromEntries(Object.keys(SEVERITY_LEVELS).map((s) => [s, 0])) as Record<Severity, number>
  const byStatus: Record<IncidentStatus, number> = {investigating: 0, mitigated: 0, resolved: 0}
  const categories = new Map<string, number>()
  for (const incident of incidents) {
    bySeverity[incident.severity] += 1
    byStatus[incident.status] += 1
    const category = incident.category ?? NO_CATEGORY
    categories.set(category, (categories.get(category) ?? 0) + 1)
  }
  const byCategory = [...categories]
    .map(([category, count]) => ({category, count}))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category))

  const warnings: string[] = []
  const durations = DURATION_DEFINITIONS.map((definition): DurationStat => {
    const values: number[] = []
    const excludedIds: string[] = []
    for (const incident of incidents) {
      const from = incident[definition.from]
      const to = incident[definition.to]
      if (from === null || to === null) continue
      const minutes = (Date.parse(to) - Date.parse(from)) / MINUTE
      if (minutes < 0) excludedIds.push(incident.id)
      else values.push(minutes)
    }
    values.sort((a, b) => a - b)
    if (excludedIds.length > 0) {
      warnings.push(`${plural(excludedIds.length, 'incident')} left out of ${definition.label}: ${definition.to} is before ${definition.from} (${excludedIds.join(', ')})`)
    }
    if (incidents.length > 0 && values.length < MIN_TREND_SAMPLE) {
      warnings.push(
        values.length === 0
          ? `no incidents with ${definition.noun}`
          : `only ${plural(values.length, 'incident')} with ${definition.noun}: too few to show a trend`,
      )
    }
    return {
      key: definition.key,
      label: definition.label,
      definition: `${definition.to} − ${definition.from}`,
      n: values.length,
      medianMinutes: median(values),
      p90Minutes: nearestRankPercentile(values, 90),
      excludedIds,
    }
  })

  return {
    incidentCount: incidents.length,
    bySeverity,
    byStatus,
    byCategory,
    durations,
    warnings,
    method: {median: 'middle value (mean of the two middle values for an even count)', p90: 'nearest rank', unit: 'minutes'},
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
