import {describe, expect, it} from 'vitest'

import {testEndpoint, twoProportionZ} from '../../../src/evidence/impact/endpoint-test.js'
import {countRequestImpact} from '../../../src/evidence/impact/request-impact.js'
import type {IncidentArc} from '../../../src/incident/incident-arc.js'
import type {LogDigest} from '../../../src/evidence/logs/log-digest.js'

describe('testEndpoint', () => {
  it('finds the example: POST /api/checkout affected, POST /api/v2/checkout (13 errors in 1,172 requests) not', () => {
    const source = {total: 9672, failed: 14}
    expect(testEndpoint({total: 536, failed: 531}, {total: 1157, failed: 8}, source)).toMatchObject({affected: true, comparedWith: 'own-baseline'})
    const v2 = testEndpoint({total: 348, failed: 5}, {total: 706, failed: 6}, source)
    expect(v2.affected).toBe(false)
    expect(v2.z).toBeCloseTo(0.88, 1)
  })
  it('compares a thin endpoint with its source, and wants a margin that matters on huge volumes', () => {
    expect(testEndpoint({total: 40, failed: 20}, {total: 3, failed: 0}, {total: 10_000, failed: 10})).toMatchObject({affected: true, comparedWith: 'source-baseline'})
    // Significant (z ≈ 5) but 0.5 percentage points: not "affected".
    expect(testEndpoint({total: 1_000_000, failed: 6000}, {total: 1_000_000, failed: 5000}, {total: 1, failed: 0}).affected).toBe(false)
    expect(twoProportionZ({total: 10, failed: 0}, {total: 10, failed: 0})).toBe(0)
  })
})

const T0 = Date.parse('2026-11-12T14:00:00Z')
const arc: IncidentArc = {onset: '2026-11-12T14:02:00.000Z', peak: null, mitigation: null, attempts: [], recovery: null, endOfImpact: '2026-11-12T14:04:30.000Z', notRecovered: [], evidenceEnd: '2026-11-12T14:07:00.000Z'}

function digest(over: Partial<LogDigest>): LogDigest {
  const buckets = Array.from({length: 7}, (_, m) => ({t: new Date(T0 + m * 60_000).toISOString(), total: 300, warn: 0, error: 0, http5xx: 0, accessRequests: 100, accessFailed: m >= 2 && m <= 4 ? 50 : 1, appRequests: 100, appFailed: 0}))
  return {
    schemaVersion: 1,
    files: [{path: '/var/log/nginx/access.log', format: 'access', lines: 700, bytes: 1, skipped: []}, {path: '/srv/app.log', format: 'json', lines: 1400, bytes: 1, skipped: []}],
    totals: {lines: 2100, errors: 0, warnings: 0, http5xx: 0, requests: 1400},
    timeRange: null,
    firstErrorAt: null,
    bucketWidthMs: 60_000,
    buckets,
    onset: null,
    templates: [],
    templatesTotal: 0,
    endpoints: [
      {method: 'POST', path: '/api/checkout', total: 350, errors: 150, http5xx: 150, source: 'access', series: buckets.map((b, m) => [Date.parse(b.t), 50, m >= 2 && m <= 4 ? 50 : 0]), evidenceId: 'ev-logs-5'},
      {method: 'POST', path: '/api/checkout', total: 350, errors: 150, http5xx: 150, source: 'app', series: buckets.map((b, m) => [Date.parse(b.t), 50, m >= 2 && m <= 4 ? 50 : 0]), evidenceId: 'ev-logs-6'},
      {method: 'GET', path: '/api/cart', total: 350, errors: 7, http5xx: 7, source: 'access', series: buckets.map((b) => [Date.parse(b.t), 50, 1]), evidenceId: 'ev-logs-7'},
    ],
    clients: {distinctUsers: 0, distinctIps: 0, capped: false, topUsers: []},
    exceptions: [],
    latency: null,
    ...over,
  }
}

describe('countRequestImpact', () => {
  it('counts each failed request once, from the access log, in the onset → end-of-impact window', () => {
    const impact = countRequestImpact(digest({}), arc)!
    expect(impact).toMatchObject({source: 'access', files: ['access.log'], until: 'end-of-impact', during: {total: 300, failed: 150}, baseline: {total: 200, failed: 2}})
    expect(impact.endpoints.map((e) => [e.endpoint, e.affected, e.evidenceId])).toEqual([
      ['POST /api/checkout', true, 'ev-logs-5'],
      ['GET /api/cart', false, 'ev-logs-7'],
    ])
    expect(impact.endpoints[0]).toMatchObject({during: {total: 150, failed: 150}, baseline: {total: 100, failed: 0}, wholeLog: {total: 350, failed: 150}})
  })

  it('falls back to the application request lines without an access log, and counts to the end of the evidence while open', () => {
    const noAccess = digest({})
    for (const bucket of noAccess.buckets) Object.assign(bucket, {accessRequests: 0, accessFailed: 0, appFailed: 5})
    const impact = countRequestImpact(noAccess, {...arc, endOfImpact: null})!
    expect(impact).toMatchObject({source: 'app', files: ['app.log'], until: 'evidence-end', to: '2026-11-12T14:07:00.000Z', during: {total: 500, failed: 25}})
    expect(impact.endpoints.map((e) => e.evidenceId)).toEqual(['ev-logs-6'])
  })

  it('matches failed requests by id only when the authoritative source carries ids too, and never past the cap', () => {
    const withIds = (sources: NonNullable<LogDigest['requestIds']>['sources'], capped = false) => {
      const logs = digest({requestIds: {sources, capped}})
      // Per minute of the incident: 50 failed access lines, 45 distinct failed ids in all, 2 access failures without one.
      for (const bucket of logs.buckets) Object.assign(bucket, {failedRequestIds: (bucket.accessFailed ?? 0) > 1 ? 45 : 1, accessFailedWithoutId: (bucket.accessFailed ?? 0) > 1 ? 2 : 0, appFailedWithoutId: 0})
      return countRequestImpact(logs, arc)!
    }
    const access = {file: '/var/log/nginx/access.log', kind: 'access' as const, failed: 150, withId: 144}
    const app = {file: '/srv/app.log', kind: 'app' as const, failed: 140, withId: 140}
    const worker = {file: '/srv/worker.log', kind: 'app' as const, failed: 10, withId: 10}
    expect(withIds([access, app])).toMatchObject({correlatedAcross: ['access.log', 'app.log'], files: ['access.log', 'app.log'], during: {total: 300 - 150 + 141, failed: 141}, baseline: {total: 200, failed: 2}})
    // The access log's failures have no ids: the application's could not be matched with them.
    expect(withIds([{...access, withId: 0}, app, worker])).toMatchObject({correlatedAcross: null, during: {total: 300, failed: 150}})
    expect(withIds([access, app], true)).toMatchObject({correlatedAcross: null, during: {total: 300, failed: 150}})
    expect(withIds([access])).toMatchObject({correlatedAcross: null, during: {total: 300, failed: 150}})
  })

  it('is null without request lines or without an onset', () => {
    const lines = digest({})
    for (const bucket of lines.buckets) Object.assign(bucket, {accessRequests: 0, appRequests: 0})
    expect(countRequestImpact(lines, arc)).toBeNull()
    expect(countRequestImpact(digest({}), {...arc, onset: null})).toBeNull()
  })
})
