import {describe, expect, it} from 'vitest'

import {classifyDeploy, compareVersions} from '../../../src/evidence/arc/classify-mitigation.js'
import {findIncidentArc, ONSET_WINDOW_RULE} from '../../../src/evidence/arc/find-incident-arc.js'
import {recoveryOf} from '../../../src/evidence/arc/signal-recovery.js'
import type {DeployEvent} from '../../../src/evidence/deploys/deploy-event.js'
import type {EvidenceBundle} from '../../../src/evidence/evidence-bundle.js'
import type {LogDigest} from '../../../src/evidence/logs/log-digest.js'

const T0 = Date.parse('2026-11-12T13:00:00Z')
const at = (minute: number, second = 0) => new Date(T0 + minute * 60_000 + second * 1000).toISOString()

/** 100 minutes of logs: 0.2% errors, 15% from minute 62 (14:02) while `failingUntil`, then back. */
function logs(failingUntil: number | null): LogDigest {
  const buckets = Array.from({length: 100}, (_, m) => {
    const failing = m >= 62 && (failingUntil === null || m < failingUntil)
    return {t: at(m), total: 400, warn: 0, error: failing ? 60 : m % 5 === 0 ? 1 : 0, http5xx: 0}
  })
  return {
    schemaVersion: 1,
    files: [],
    totals: {lines: 40_000, errors: 0, warnings: 0, http5xx: 0, requests: 0},
    timeRange: {from: at(0), to: at(99, 59)},
    firstErrorAt: at(0),
    bucketWidthMs: 60_000,
    buckets,
    onset: {at: at(62), method: 'binomial', confidence: 0.99, baselineErrorRate: 0.0005, incidentErrorRate: 0.15, evidenceId: 'ev-logs-1'},
    templates: [
      {evidenceId: 'ev-logs-2', template: 'null value in column <*>', count: 500, baselineCount: 0, incidentCount: 500, surgeScore: 9, isNew: true, firstSeen: at(62, 3), lastSeen: failingUntil === null ? at(99, 50) : at(failingUntil - 1, 40), levels: ['error'], samples: [], ref: {file: 'app.log', line: 1}},
    ],
    templatesTotal: 1,
    endpoints: [],
    clients: {distinctUsers: 0, distinctIps: 0, capped: false, topUsers: []},
    exceptions: [],
    latency: null,
  }
}

const deploy = (line: number, minute: number, version: string | null, description: string, kind: DeployEvent['kind'] = 'deploy', service = 'checkout-api'): DeployEvent => ({line, time: at(minute), kind, service, version, sha: null, description})

function bundle(over: Partial<EvidenceBundle>): EvidenceBundle {
  return {schemaVersion: 1, window: {onset: at(62), onsetSource: 'logs', declaredAt: at(69)}, logs: null, git: null, deploys: null, metrics: null, postgres: null, health: null, items: [], limitations: [], ...over}
}

const EXAMPLE_DEPLOYS = [deploy(6, 58, '2.14.1', 'Deploy 2.14.1 with migration 20261112_1350_orders_currency_not_null'), deploy(7, 76, '2.14.2', 'Hotfix 2.14.2: retry order insert'), deploy(8, 90, '2.14.3', 'Deploy 2.14.3 with migration 20261112_1425_orders_currency_drop_not_null')]

describe('findIncidentArc', () => {
  it('finds the example arc: a forward change at 14:30, recovery at 14:31, the hotfix at 14:16 an attempt', () => {
    const arc = findIncidentArc(bundle({logs: logs(91), deploys: {schemaVersion: 1, file: 'deploys.jsonl', events: EXAMPLE_DEPLOYS, skippedLines: 0}}))
    expect(arc.recovery?.at).toBe('2026-11-12T14:31:00.000Z')
    expect(arc.recovery?.signals).toEqual([{signal: 'log error rate', at: '2026-11-12T14:31:00.000Z', evidenceId: 'ev-logs-1'}])
    expect(arc.endOfImpact).toBe('2026-11-12T14:30:40.000Z')
    expect(arc.mitigation).toMatchObject({at: '2026-11-12T14:30:00.000Z', kind: 'forward-change', label: 'deploy 2.14.3 of checkout-api', version: '2.14.3', evidenceIds: ['ev-deploy-8']})
    expect(arc.mitigation?.description).toContain('orders_currency_drop_not_null')
    expect(arc.attempts).toEqual([{at: '2026-11-12T14:16:00.000Z', label: 'deploy 2.14.2 of checkout-api', description: 'deploy 2.14.2 of checkout-api, "Hotfix 2.14.2: retry order insert"', evidenceIds: ['ev-deploy-7']}])
    expect(arc.peak).toMatchObject({signal: 'log error rate', value: 0.15})
    expect(arc.notRecovered).toEqual([])
    expect(arc.evidenceEnd).toBe('2026-11-12T14:39:59.000Z')
  })

  it('names no recovery and no mitigation while the signal is still up at the end of the evidence', () => {
    const arc = findIncidentArc(bundle({logs: logs(null), deploys: {schemaVersion: 1, file: 'd', events: EXAMPLE_DEPLOYS, skippedLines: 0}}))
    expect(arc.recovery).toBeNull()
    expect(arc.endOfImpact).toBeNull()
    expect(arc.mitigation).toBeNull()
    expect(arc.notRecovered).toEqual(['log error rate'])
    expect(arc.attempts.map((attempt) => attempt.at)).toEqual(['2026-11-12T14:16:00.000Z', '2026-11-12T14:30:00.000Z'])
  })

  it('does not call a change that came long before the recovery its mitigation', () => {
    const arc = findIncidentArc(bundle({logs: logs(91), deploys: {schemaVersion: 1, file: 'd', events: EXAMPLE_DEPLOYS.slice(0, 2), skippedLines: 0}}))
    expect(arc.recovery?.at).toBe('2026-11-12T14:31:00.000Z')
    expect(arc.mitigation).toBeNull()
    expect(arc.attempts).toHaveLength(1)
  })

  it('has nothing to say without an onset', () => {
    const arc = findIncidentArc(bundle({window: {onset: null, onsetSource: null, declaredAt: null}, logs: logs(91)}))
    expect(arc).toMatchObject({onset: null, recovery: null, mitigation: null, peak: null, evidenceEnd: '2026-11-12T14:39:59.000Z'})
  })
})

describe('recoveryOf', () => {
  const shape = {baseline: 0.002, level: 0.13, noise: 0.002}
  const series = (values: number[]) => values.map((value, i) => ({at: i, value}))
  it('needs five minutes back in the band, or the rest of the evidence when shorter (at least two)', () => {
    expect(recoveryOf(series([0.002, 0.13, 0.12, 0.001, 0.0, 0.14, 0.0, 0, 0, 0, 0]), 1, shape)).toBe(6)
    expect(recoveryOf(series([0.002, 0.13, 0.12, 0.0, 0.0]), 1, shape)).toBe(3)
    expect(recoveryOf(series([0.002, 0.13, 0.12, 0.0]), 1, shape)).toBeNull()
  })
  it('ignores a signal that never left its band, and a drop below the baseline', () => {
    expect(recoveryOf(series([0.002, 0.003, 0.0, 0.002]), 1, shape)).toBe('never-left')
  })
})

describe('classifyDeploy', () => {
  it('tells a rollback from a forward change', () => {
    expect(classifyDeploy(EXAMPLE_DEPLOYS[2], EXAMPLE_DEPLOYS)).toBe('forward-change')
    expect(classifyDeploy(deploy(9, 95, '2.14.0', 'Deploy 2.14.0'), [...EXAMPLE_DEPLOYS, deploy(4, 20, '2.14.0', 'x')])).toBe('rollback')
    expect(classifyDeploy(deploy(9, 95, '2.14.4', 'Roll back the currency migration'), EXAMPLE_DEPLOYS)).toBe('rollback')
    expect(classifyDeploy(deploy(9, 95, '2.13.9', 'Deploy'), EXAMPLE_DEPLOYS)).toBe('rollback')
    expect(classifyDeploy(deploy(9, 95, null, 'Flag checkout-v1 off', 'feature-flag'), EXAMPLE_DEPLOYS)).toBe('flag-flip')
    expect(classifyDeploy(deploy(9, 95, null, 'Pool size 20', 'config'), EXAMPLE_DEPLOYS)).toBe('config-change')
    expect(compareVersions('v2.10.0', '2.9.9')).toBeGreaterThan(0)
    expect(compareVersions('release-41', 'release-42')).toBeLessThan(0)
    expect(compareVersions('ghcr.io/acme/api:1.10', 'ghcr.io/acme/api:1.9')).toBeGreaterThan(0)
    expect(compareVersions('1286', '1287')).toBeLessThan(0)
    expect(compareVersions('release-42', 'hotfix-41')).toBe(0)
    expect(classifyDeploy(deploy(9, 95, 'release-41', 'Deploy'), [deploy(4, 20, 'release-42', 'Deploy')])).toBe('rollback')
  })
})

describe('findIncidentArc: the impact ends where the onset reading says', () => {
  /** 30% errors at 20 lines a minute, then lone error lines (too thin for a rate) from minute 40 to 69, then 30% again. */
  function thinWindow(windowEnd: number | null): LogDigest {
    const thin = (m: number) => m >= 40 && (windowEnd === null || m < windowEnd)
    const buckets = Array.from({length: 100}, (_, m) => (thin(m) ? {t: at(m), total: 1, warn: 0, error: 1, http5xx: 0} : {t: at(m), total: 20, warn: 0, error: 6, http5xx: 0}))
    return {
      ...logs(null),
      buckets,
      onset: {at: at(40), method: 'binomial', confidence: 0.25, baselineErrorRate: 0.3, incidentErrorRate: 1, evidenceId: 'ev-logs-1', ...(windowEnd === null ? {} : {windowEnd: at(windowEnd)})},
      templates: [],
    }
  }

  it('ends the impact at the end of the change-point window when its minutes are too thin for a per-minute rate', () => {
    const arc = findIncidentArc(bundle({window: {onset: at(40), onsetSource: 'logs', declaredAt: null}, logs: thinWindow(70)}))
    expect(arc.recovery).toMatchObject({at: at(70), rule: ONSET_WINDOW_RULE, signals: [{signal: 'log error rate', at: at(70), evidenceId: 'ev-logs-1'}]})
    expect(arc.endOfImpact).toBe(at(70))
  })

  it('claims no end while the onset window runs to the end of the evidence', () => {
    const arc = findIncidentArc(bundle({window: {onset: at(40), onsetSource: 'logs', declaredAt: null}, logs: thinWindow(null)}))
    expect(arc.recovery).toBeNull()
    expect(arc.endOfImpact).toBeNull()
  })
})
