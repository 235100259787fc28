import type {EvidenceFacts} from '../../src/evidence/evidence-facts.js'
import type {SpecialistReport} from '../../src/incident/finding.js'
import type {Incident} from '../../src/incident/incident.js'

/** Small in-memory inputs for the pure phase cores. */
export const SHA = 'e3f0244aa1b2c3d4e5f60718293a4b5c6d7e8f90'

export function incident(over: Partial<Incident> = {}): Incident {
  return {
    schemaVersion: 1,
    id: 'incident-2026-11-12-140900',
    title: 'checkout-api: high-error-rate',
    severity: 'P0',
    symptoms: ['high-error-rate'],
    service: 'checkout-api',
    status: 'investigating',
    createdAt: '2026-11-12T14:09:00Z',
    phases: {},
    timestamps: {startedAt: '2026-11-12T14:02:00.000Z', detectedAt: '2026-11-12T14:09:00.000Z', acknowledgedAt: null, mitigatedAt: null, resolvedAt: null},
    inputs: {logs: ['app.log'], repo: null, metrics: [], deploys: null, health: [], databaseUrlSet: false, startedAtFlag: '2026-11-12T14:09:00.000Z', lookback: '48h', redactIps: false},
    provider: 'offline',
    specialists: [],
    usage: null,
    pagerDutyIncidentId: null,
    mitigation: null,
    resolution: null,
    ...over,
  }
}

export function facts(over: Partial<EvidenceFacts> = {}): EvidenceFacts {
  return {
    onset: '2026-11-12T14:02:00.000Z',
    onsetEvidenceIds: ['ev-logs-1'],
    declaredAt: '2026-11-12T14:09:00.000Z',
    errors: {count: 531, requests: 15_600, rateSinceOnset: 0.16, baselineRate: 0.002, peakRate: 0.3, firstErrorAt: '2026-11-12T14:02:00.000Z', lastErrorAt: '2026-11-12T14:31:00.000Z', countedTo: '2026-11-12T14:31:00.000Z', evidenceIds: ['ev-logs-1', 'ev-logs-2']},
    endpoints: [{endpoint: 'POST /api/checkout', errors: 531, evidenceId: 'ev-logs-24'}],
    affectedUsers: null,
    topErrors: [{text: 'null value in column "currency" of relation "orders" violates not-null constraint', count: 531, evidenceId: 'ev-logs-2', isNew: true}],
    changes: [
      {sha: SHA, shortSha: SHA.slice(0, 7), subject: 'migrations: make orders.currency NOT NULL', kind: 'database-migration', committedAt: '2026-11-12T13:54:00.000Z', minutesBeforeOnset: 8, afterOnset: false, files: ['migrations/20261112_1350_orders_currency_not_null.sql'], components: ['database', 'orders'], evidenceId: `ev-git-${SHA.slice(0, 7)}`},
      {sha: 'f'.repeat(40), shortSha: 'fffffff', subject: 'docs: checkout guide', kind: 'docs-tests', committedAt: '2026-11-12T13:42:00.000Z', minutesBeforeOnset: 20, afterOnset: false, files: ['docs/checkout.md'], components: ['docs'], evidenceId: 'ev-git-fffffff'},
      {sha: 'a'.repeat(40), shortSha: 'aaaaaaa', subject: 'checkout: retry order insert', kind: 'code-change', committedAt: '2026-11-12T14:12:00.000Z', minutesBeforeOnset: -10, afterOnset: true, files: ['src/checkout/create-order.ts'], components: ['checkout'], evidenceId: 'ev-git-aaaaaaa'},
    ],
    events: [],
    unhealthy: [],
    buckets: [],
    arc: {onset: '2026-11-12T14:02:00.000Z', peak: null, mitigation: null, attempts: [], recovery: null, endOfImpact: null, notRecovered: [], evidenceEnd: '2026-11-12T14:40:00.000Z'},
    requests: null,
    lookback: '48h',
    examined: {logs: true, git: true, deploys: false, metrics: false},
    templateExamples: {},
    ...over,
  }
}

export function report(specialist: SpecialistReport['specialist'], findings: SpecialistReport['findings']): SpecialistReport {
  return {schemaVersion: 1, specialist, provider: 'offline', summary: '', findings, observations: [], limitations: [], fallback: null, droppedFindings: 0, usage: null}
}

export const migrationFinding = (confidence: number): SpecialistReport['findings'][number] => ({
  hypothesis: 'The migration made orders.currency NOT NULL while the legacy checkout path inserts orders without a currency.',
  category: 'database-migration',
  component: 'orders',
  change: {sha: SHA, subject: 'migrations: make orders.currency NOT NULL', kind: 'database-migration'},
  onset: '2026-11-12T14:02:00.000Z',
  confidence,
  evidenceIds: [`ev-git-${SHA.slice(0, 7)}`, 'ev-logs-2'],
})
