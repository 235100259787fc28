import {describe, expect, it} from 'vitest'

import {createOfflineProvider, OFFLINE_SPECIALISTS} from '../../../src/agents/offline/offline-provider.js'
import {backendReliability} from '../../../src/agents/offline/specialists/backend-reliability.js'
import {databaseSpecialist} from '../../../src/agents/offline/specialists/database-specialist.js'
import {infrastructureSpecialist} from '../../../src/agents/offline/specialists/infrastructure-specialist.js'
import {performanceSpecialist} from '../../../src/agents/offline/specialists/performance-specialist.js'
import {rootCauseAnalyst} from '../../../src/agents/offline/specialists/root-cause-analyst.js'
import {securitySpecialist} from '../../../src/agents/offline/specialists/security-specialist.js'
import {SpecialistReportSchema} from '../../../src/incident/finding.js'
import {bundleOf, INCIDENT, minuteSeries, ONSET, shaOf} from './bundle-builder.js'

const saturation = (peak: number, limit: number) => ({limit, limitSource: 'series:limit', peak, ratio: peak / limit, at: ONSET, saturated: peak / limit >= 0.9})
const changePoint = (before: number, after: number) => ({at: ONSET, before, after, magnitude: Math.abs(after - before), relativeChange: (after - before) / before, direction: after > before ? ('up' as const) : ('down' as const), score: 20, endedAt: null})

describe('backendReliability', () => {
  const bundle = bundleOf({
    templates: [{template: 'refund failed: TypeError at src/payments/refund.ts', samples: ['at refund (/srv/app/src/payments/refund.ts:7:30)']}],
    endpoints: [
      {method: 'POST', path: '/api/orders/:id/refunds', total: 650, errors: 157},
      {method: 'GET', path: '/api/products', total: 2100, errors: 0},
    ],
    commits: [{subject: 'payments: support partial refunds', files: ['src/payments/refund.ts'], minutesBefore: 12, components: ['payments']}],
  })

  it('seconds the analyst on a supported change, with less confidence than the analyst', () => {
    const analyst = rootCauseAnalyst(bundle, INCIDENT).findings[0]
    const [finding] = backendReliability(bundle, INCIDENT).findings
    expect(finding.change?.sha).toBe(shaOf(bundle, 'payments: support partial refunds'))
    expect(finding.confidence).toBeLessThan(analyst.confidence)
  })

  it('observes new error templates and failing versus unaffected endpoints', () => {
    const texts = backendReliability(bundle, INCIDENT).observations.map((o) => o.text).join('\n')
    expect(texts).toContain('new since onset')
    expect(texts).toContain('POST /api/orders/:id/refunds: 157 errors')
    expect(texts).toContain('Unaffected endpoints: GET /api/products')
  })
})

describe('databaseSpecialist', () => {
  it('reports saturation from slot errors backed by the connections metric, and that no live diagnosis ran', () => {
    const bundle = bundleOf({
      templates: [{template: 'FATAL: sorry, too many clients already'}, {template: 'ERROR: canceling statement due to lock timeout'}],
      metrics: [{name: 'pg_connections', saturation: saturation(100, 100)}],
    })
    const report = databaseSpecialist(bundle, INCIDENT)
    expect(report.findings[0]).toMatchObject({category: 'database-saturation', component: 'database'})
    expect(report.findings[0].evidenceIds).toContain('ev-metric-pg-connections-sat')
    expect(report.limitations.join(' ')).toContain('--database-url')
  })

  it('uses the live diagnosis when the server has no free slots', () => {
    const bundle = bundleOf({
      templates: [{template: 'query failed: sorry, too many clients already'}],
      postgres: {schemaVersion: 1, target: 'postgres://db:5432/shop', reachable: false, unreachableReason: 'no-free-slots', observedAt: null, serverVersion: null, settings: {}, connections: null, activeQueries: [], longQueries: [], idleInTransaction: [], lockWaits: [], deadlocks: []},
    })
    bundle.items.push({id: 'ev-db-saturation-1', source: 'postgres', kind: 'saturation', summary: 'no free connection slots', at: null, ref: {}, data: {}})
    const report = databaseSpecialist(bundle, INCIDENT)
    expect(report.findings[0].evidenceIds).toContain('ev-db-saturation-1')
    expect(report.limitations.join(' ')).toContain('could not connect (no-free-slots)')
  })
})

describe('performanceSpecialist', () => {
  it('calls a request-rate jump with no new errors a traffic surge, and CPU saturation its consequence', () => {
    const bundle = bundleOf({
      metrics: [
        {name: 'http_requests_per_second', changePoint: changePoint(0.5, 2.5)},
        {name: 'http_request_duration_p95_seconds', changePoint: changePoint(0.12, 0.97)},
        {name: 'process_cpu_percent', saturation: saturation(97, 100)},
      ],
    })
    const report = performanceSpecialist(bundle, INCIDENT)
    expect(report.findings[0]).toMatchObject({category: 'traffic-surge', change: null, onset: ONSET})
    expect(report.findings.find((f) => f.component === 'cpu')).toBeUndefined()
    expect(rootCauseAnalyst(bundle, INCIDENT).findings.find((f) => f.component === 'cpu')!.confidence).toBeLessThan(0.3)
  })
})

describe('infrastructureSpecialist', () => {
  it('reports a full disk from ENOSPC errors and disk saturation', () => {
    const bundle = bundleOf({
      templates: [{template: 'Error: ENOSPC: no space left on device, write'}],
      metrics: [{name: 'disk_used_percent', saturation: saturation(100, 100)}],
    })
    expect(infrastructureSpecialist(bundle, INCIDENT).findings[0]).toMatchObject({category: 'resource-exhaustion', component: 'disk'})
  })

  it('reads a health probe failing TLS verification as a certificate problem', () => {
    const bundle = bundleOf({
      templates: [{template: 'request [server error]', before: 5}],
      health: {schemaVersion: 1, probes: [{url: 'https://inventory.internal/healthz', probedAt: ONSET, status: null, ok: false, latencyMs: 12, contentType: null, bodyExcerpt: null, error: 'tls', errorDetail: 'CERT_HAS_EXPIRED'}]},
    })
    const report = infrastructureSpecialist(bundle, INCIDENT)
    expect(report.findings[0]).toMatchObject({category: 'certificate-expiry', component: 'inventory', evidenceIds: ['ev-health-1', 'ev-logs-1']})
    expect(report.observations.map((o) => o.text).join(' ')).toContain('tls (CERT_HAS_EXPIRED)')
  })
})

describe('securitySpecialist', () => {
  it('dates a burst of failed logins from its own change-point when the logs found no error onset', () => {
    const buckets = [...Array.from({length: 20}, () => ({total: 35, warn: 1})), ...Array.from({length: 20}, () => ({total: 240, warn: 205}))]
    const bundle = bundleOf({
      onset: null,
      requests: 900,
      buckets,
      templates: [{template: 'login failed', levels: ['warn'], count: 3700, samples: ['level=warn msg="login failed" ip=198.51.100.23', 'level=warn msg="login failed" ip=203.0.113.77']}],
      endpoints: [{method: 'POST', path: '/api/login', total: 4200, errors: 0}],
    })
    const report = securitySpecialist(bundle, INCIDENT)
    expect(report.findings[0]).toMatchObject({category: 'security-attack', component: 'authentication', onset: ONSET})
    expect(report.findings[0].hypothesis).toContain('198.51.100.23')
    // The attack traffic is not a traffic surge of its own.
    expect(rootCauseAnalyst(bundle, INCIDENT).findings.find((f) => f.category === 'traffic-surge')?.confidence ?? 0).toBeLessThan(0.3)
  })

  it('finds a login attack in an access log from the 401s of the login endpoint, naming the busiest addresses', () => {
    const buckets = [...Array.from({length: 20}, () => ({total: 35, warn: 1})), ...Array.from({length: 20}, () => ({total: 240, warn: 205}))]
    const bundle = bundleOf({
      buckets,
      // An access log's template says nothing about logins: the path is masked.
      templates: [{template: 'POST <*> 401', levels: ['warn'], count: 3700}],
      endpoints: [{method: 'POST', path: '/api/login', total: 4200, errors: 0, denied: 3700}],
    })
    bundle.logs!.clients.topIps = [
      {ip: '203.0.113.7', count: 1900, failures: 1890},
      {ip: '198.51.100.23', count: 1800, failures: 1790},
      {ip: '10.1.0.4', count: 40, failures: 0},
    ]
    const finding = securitySpecialist(bundle, INCIDENT).findings[0]
    expect(finding).toMatchObject({category: 'security-attack', component: 'authentication', onset: ONSET})
    expect(finding.hypothesis).toContain('3,700 failed login attempts')
    expect(finding.hypothesis).toContain('most failed lines came from 203.0.113.7, 198.51.100.23.')
    expect(finding.evidenceIds).toContain(bundle.logs!.endpoints[0].evidenceId)
  })

  it('cites how concentrated the failed lines are by client IP, when the logs counted it', () => {
    const bundle = bundleOf({templates: [{template: 'login failed', levels: ['warn'], count: 200}]})
    bundle.items.push({id: 'ev-logs-9', source: 'logs', kind: 'log-clients', summary: 'Client IPs with the most failed (error or warning) lines: 203.0.113.7 (100 of 100)', at: null, ref: {}, data: {}})
    const report = securitySpecialist(bundle, INCIDENT)
    expect(report.observations).toContainEqual({text: 'Client IPs with the most failed (error or warning) lines: 203.0.113.7 (100 of 100).', evidenceIds: ['ev-logs-9']})
    expect(report.limitations.join(' ')).toContain('not of authentication failures alone')
  })

  it('does not call an internal authentication error an attack', () => {
    const bundle = bundleOf({templates: [{template: 'authentication failed unexpectedly: secretOrPublicKey must be an asymmetric key', count: 800}], buckets: Array.from({length: 40}, (_, i) => ({total: 60, error: i < 20 ? 0 : 40}))})
    expect(securitySpecialist(bundle, INCIDENT).findings).toEqual([])
  })
})

describe('every offline specialist', () => {
  it.each(Object.keys(OFFLINE_SPECIALISTS))('%s copes with a bundle that holds nothing, saying what it could not examine', (id) => {
    const report = OFFLINE_SPECIALISTS[id as keyof typeof OFFLINE_SPECIALISTS](bundleOf({onset: null}), INCIDENT)
    expect(report.findings).toEqual([])
    expect(report.limitations.length).toBeGreaterThan(0)
  })
})

describe('createOfflineProvider', () => {
  it('runs the requested specialist and returns a valid report', async () => {
    const bundle = bundleOf({templates: [{template: 'Error: ENOSPC: no space left on device'}], metrics: [{name: 'disk_used_percent', points: minuteSeries(-10, 10, () => 99)}]})
    const provider = createOfflineProvider()
    const report = await provider.runSpecialist({
      incident: INCIDENT,
      specialist: 'infrastructure',
      scope: '',
      digest: '{}',
      evidence: bundle.items,
      bundle,
      tools: {searchLogs: async () => '', commitDiff: async () => '', metricSlice: async () => '', listEvidence: async () => ''},
    })
    expect(provider.name).toBe('offline')
    expect(SpecialistReportSchema.parse(report)).toMatchObject({specialist: 'infrastructure', provider: 'offline'})
  })
})
