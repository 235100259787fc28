import {describe, expect, it} from 'vitest'

import {InternalError} from '../../src/errors/errors.js'
import {computeIncidentStats, MIN_TREND_SAMPLE, NO_CATEGORY, type StatsIncident} from '../../src/stats/incident-stats.js'
import {renderStatsText} from '../../src/stats/render-stats-text.js'

const T0 = Date.parse('2026-01-01T00:00:00Z')
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString()

/** A generated set: incident i is detected after i+1 min, acknowledged 2 min later, mitigated at 10·(i+1), resolved at 20·(i+1). */
function generateIncidents(count: number): StatsIncident[] {
  const severities = ['P0', 'P1', 'P2'] as const
  const categories = ['code-change', 'config-change', 'code-change', null] as const
  return Array.from({length: count}, (_, i) => ({
    id: `incident-${i}`,
    severity: severities[i % 3],
    status: 'resolved',
    category: categories[i % 4],
    startedAt: at(0),
    detectedAt: at(i + 1),
    acknowledgedAt: at(i + 3),
    mitigatedAt: at(10 * (i + 1)),
    resolvedAt: at(20 * (i + 1)),
  }))
}

describe('computeIncidentStats', () => {
  it('counts by severity, status and root-cause category', () => {
    const stats = computeIncidentStats(generateIncidents(12))
    expect(stats.incidentCount).toBe(12)
    expect(stats.bySeverity).toEqual({P0: 4, P1: 4, P2: 4})
    expect(stats.byStatus).toEqual({investigating: 0, mitigated: 0, resolved: 12})
    expect(stats.byCategory).toEqual([
      {category: 'code-change', count: 6},
      {category: NO_CATEGORY, count: 3},
      {category: 'config-change', count: 3},
    ])
  })

  it('reports n, median and nearest-rank p90 per duration, in minutes', () => {
    const stats = computeIncidentStats(generateIncidents(20))
    const byKey = Object.fromEntries(stats.durations.map((d) => [d.key, d]))
    expect(byKey.timeToDetect).toMatchObject({n: 20, medianMinutes: 10.5, p90Minutes: 18, definition: 'detectedAt − startedAt'})
    expect(byKey.timeToAcknowledge).toMatchObject({n: 20, medianMinutes: 2, p90Minutes: 2, definition: 'acknowledgedAt − detectedAt'})
    expect(byKey.timeToMitigate).toMatchObject({n: 20, medianMinutes: 105, p90Minutes: 180})
    expect(byKey.timeToResolve).toMatchObject({n: 20, medianMinutes: 210, p90Minutes: 360, definition: 'resolvedAt − startedAt'})
    expect(stats.warnings).toEqual([])
    expect(stats.method.p90).toBe('nearest rank')
  })

  it('warns when a duration has fewer than ten samples', () => {
    const incidents = generateIncidents(12).map((incident, i) => (i < 9 ? incident : {...incident, status: 'mitigated', resolvedAt: null}))
    incidents[0] = {...incidents[0], status: 'investigating', acknowledgedAt: null, mitigatedAt: null, resolvedAt: null}
    const stats = computeIncidentStats(incidents)
    expect(MIN_TREND_SAMPLE).toBe(10)
    expect(stats.durations.find((d) => d.key === 'timeToResolve')?.n).toBe(8)
    expect(stats.warnings).toEqual(['only 8 incidents with a resolve time: too few to show a trend'])
  })

  it('says "no incidents with …" for an empty duration and uses the singular for one', () => {
    const [one] = generateIncidents(1)
    const stats = computeIncidentStats([{...one, acknowledgedAt: null}])
    expect(stats.warnings).toContain('only 1 incident with a detect time: too few to show a trend')
    expect(stats.warnings).toContain('no incidents with an acknowledge time')
  })

  it('leaves out durations that end before they start, and says which', () => {
    const incidents = generateIncidents(10)
    incidents[3] = {...incidents[3], detectedAt: at(-5)}
    const stats = computeIncidentStats(incidents)
    const detect = stats.durations.find((d) => d.key === 'timeToDetect')
    expect(detect).toMatchObject({n: 9, excludedIds: ['incident-3']})
    expect(stats.warnings[0]).toBe('1 incident left out of time to detect: detectedAt is before startedAt (incident-3)')
  })

  it('handles no incidents', () => {
    const stats = computeIncidentStats([])
    expect(stats.incidentCount).toBe(0)
    expect(stats.durations.every((d) => d.n === 0 && d.medianMinutes === null && d.p90Minutes === null)).toBe(true)
    expect(stats.warnings).toEqual([])
  })

  it('rejects malformed incidents', () => {
    expect(() => computeIncidentStats([{id: 'x', severity: 'P9'}])).toThrow(InternalError)
  })
})

describe('renderStatsText', () => {
  it('prints counts, an aligned duration table, the method and warnings, without colour', () => {
    const text = renderStatsText(computeIncidentStats(generateIncidents(5)))
    expect(text).toContain('Incidents: 5 (P0 2 · P1 2 · P2 1; investigating 0 · mitigated 0 · resolved 5)')
    expect(text).toMatch(/ {2}code-change +3\n/)
    expect(text).toMatch(/time to resolve +5 +1 h 00 min +1 h 40 min +resolvedAt − startedAt/)
    expect(text).toContain('Medians and p90 (nearest rank)')
    expect(text).toContain('  ! only 5 incidents with a resolve time: too few to show a trend')
    expect(text).not.toMatch(/\u001b\[/)
    const rows = text.split('\n').filter((l) => /^ {2}time to /.test(l))
    expect(rows).toHaveLength(4)
    expect(new Set(rows.map((r) => r.search(/ 5 /))).size).toBe(1)
  })

  it('says so when there are no incidents', () => {
    expect(renderStatsText(computeIncidentStats([]))).toBe('No incidents found.\n')
  })
})
