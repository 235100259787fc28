import {mkdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {incident} from '../phases/fixtures.js'
import {runCli, tempDir} from './cli-harness.js'

const minutes = (base: string, n: number) => new Date(Date.parse(base) + n * 60_000).toISOString()

/** Incidents with known durations, written as the pipeline would leave them. */
async function generateIncidents(out: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const start = `2026-10-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`
    const id = `incident-2026-10-${String(i + 1).padStart(2, '0')}-100000`
    const dir = join(out, id)
    await mkdir(dir, {recursive: true})
    const resolved = i < 11
    const state = incident({
      id,
      severity: i % 3 === 0 ? 'P0' : 'P1',
      status: resolved ? 'resolved' : 'investigating',
      phases: {rca: {status: 'done', at: start, files: ['rca.json']}},
      timestamps: {startedAt: start, detectedAt: minutes(start, i + 1), acknowledgedAt: minutes(start, i + 3), mitigatedAt: minutes(start, 10 * (i + 1)), resolvedAt: resolved ? minutes(start, 20 * (i + 1)) : null},
    })
    await writeFile(join(dir, 'incident.json'), JSON.stringify(state))
    const category = i % 2 === 0 ? 'database-migration' : 'config-change'
    const rca = {schemaVersion: 1, rootCause: {category, summary: 's', component: null, change: null, onset: start, confidence: 0.8, evidenceIds: []}, trigger: null, contributingFactors: [], fiveWhys: [], timeline: [], impact: {summary: '', errorCount: null, requestCount: null, peakErrorRate: null, firstErrorAt: null, durationMinutes: null, affectedEndpoints: [], affectedUsers: null, evidenceIds: []}, alternatives: [], limitations: [], nextSteps: []}
    await writeFile(join(dir, 'rca.json'), JSON.stringify(rca))
  }
}

describe('stats across a generated set of incidents', () => {
  it('counts by severity and cause, and gives median and p90 with the sample size', async () => {
    const work = await tempDir('stats')
    await generateIncidents(join(work, 'out'), 12)
    const result = await runCli(['stats', '--out-dir', join(work, 'out'), '--json'], {cwd: work})
    expect(result.code, result.stderr).toBe(0)
    const stats = JSON.parse(result.stdout)
    expect(stats.incidentCount).toBe(12)
    expect(stats.bySeverity).toMatchObject({P0: 4, P1: 8})
    expect(stats.byCategory).toEqual(expect.arrayContaining([{category: 'database-migration', count: 6}, {category: 'config-change', count: 6}]))
    const detect = stats.durations.find((d: {key: string}) => d.key === 'timeToDetect')
    expect(detect).toMatchObject({n: 12, medianMinutes: 6.5, p90Minutes: 11})
    const resolve = stats.durations.find((d: {key: string}) => d.key === 'timeToResolve')
    expect(resolve).toMatchObject({n: 11, medianMinutes: 120})
    expect(stats.warnings).toEqual([])
  })

  it('says plainly when the sample is too small to show a trend', async () => {
    const work = await tempDir('stats-small')
    await generateIncidents(join(work, 'out'), 3)
    const text = await runCli(['stats', '--out-dir', join(work, 'out')], {cwd: work})
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toMatch(/too few to show a trend/)
  })
})
