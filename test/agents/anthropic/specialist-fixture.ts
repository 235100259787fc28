import {afterEach, beforeEach, expect} from 'vitest'

import {createAnthropicProvider, type AnthropicProviderOptions} from '../../../src/agents/anthropic/anthropic-provider.js'
import type {EvidenceTools, SpecialistInput, SpecialistProvider} from '../../../src/agents/specialist-input.js'
import type {EvidenceBundle} from '../../../src/evidence/evidence-bundle.js'
import type {EvidenceItem} from '../../../src/incident/evidence-item.js'
import type {Finding, SpecialistReport} from '../../../src/incident/finding.js'
import {IncidentSchema, type Incident} from '../../../src/incident/incident.js'
import type {SpecialistId} from '../../../src/incident/vocabulary.js'
import {startFakeAnthropicServer, type FakeAnthropicServer} from '../../fakes/fake-anthropic-server.js'

/** Parsed, so fields added to the schema later take their defaults. */
export const INCIDENT: Incident = IncidentSchema.parse({
  schemaVersion: 1,
  id: 'incident-2025-03-14-140500',
  title: 'checkout-api 5xx',
  severity: 'P1',
  symptoms: ['high-error-rate', 'database-issues'],
  service: 'checkout-api',
  status: 'investigating',
  createdAt: '2025-03-14T14:05:00Z',
  phases: {},
  timestamps: {startedAt: '2025-03-14T14:02:00Z', detectedAt: null, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null},
  inputs: {logs: [], repo: null, metrics: [], deploys: null, health: [], databaseUrlSet: false, startedAtFlag: null, lookback: '48h'},
  provider: 'anthropic',
  specialists: [],
  usage: null,
  mitigation: null,
  resolution: null,
})

export const EVIDENCE: EvidenceItem[] = [
  {id: 'ev-logs-3', source: 'logs', kind: 'template', summary: 'connection pool exhausted ×1204', at: '2025-03-14T14:02:10Z', ref: {}, data: {}},
  {id: 'ev-git-a1b2c3d', source: 'git', kind: 'commit', summary: 'raise pool timeout', at: '2025-03-14T13:55:00Z', ref: {sha: 'a1b2c3d'}, data: {}},
  {id: 'ev-metric-p99-latency', source: 'metrics', kind: 'change-point', summary: 'p99 latency ×6 at 14:02', at: '2025-03-14T14:02:00Z', ref: {series: 'p99_latency'}, data: {}},
]

/** The Claude provider reads the digest and tools, never the structured bundle; this one holds only items. */
export function evidenceBundle(items: EvidenceItem[]): EvidenceBundle {
  return {
    schemaVersion: 1,
    window: {onset: null, onsetSource: null, declaredAt: null},
    logs: null,
    git: null,
    deploys: null,
    metrics: null,
    postgres: null,
    health: null,
    items,
    limitations: [],
  }
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    hypothesis: 'Commit a1b2c3d lowered the DB pool size; the pool is exhausted under normal load.',
    category: 'code-change',
    component: 'checkout-api',
    change: {sha: 'a1b2c3d', subject: 'raise pool timeout', kind: 'code-change'},
    onset: '2025-03-14T14:02:00Z',
    confidence: 0.8,
    evidenceIds: ['ev-logs-3', 'ev-git-a1b2c3d'],
    ...overrides,
  }
}

/** Tools that answer from fixed strings and remember what they were asked. */
export function fakeTools(outputs: Partial<Record<keyof EvidenceTools, string | Error>> = {}): EvidenceTools & {calls: string[]} {
  const calls: string[] = []
  const answer = async (name: keyof EvidenceTools, detail: string): Promise<string> => {
    calls.push(`${name} ${detail}`)
    const out = outputs[name]
    if (out instanceof Error) throw out
    return out ?? `${name}: nothing found`
  }
  return {
    calls,
    searchLogs: (q) => answer('searchLogs', q.pattern),
    commitDiff: (sha, maxBytes) => answer('commitDiff', `${sha} ${maxBytes}`),
    metricSlice: (q) => answer('metricSlice', q.series),
    listEvidence: (q) => answer('listEvidence', q.source ?? '*'),
  }
}

export function specialistInput(specialist: SpecialistId, overrides: Partial<SpecialistInput> = {}): SpecialistInput {
  return {
    incident: INCIDENT,
    specialist,
    scope: `You are the ${specialist} specialist. Look at what your role covers.`,
    digest: JSON.stringify({templates: [{id: 'ev-logs-3', text: 'connection pool exhausted', count: 1204}], changes: [{id: 'ev-git-a1b2c3d'}]}),
    evidence: EVIDENCE,
    bundle: evidenceBundle(EVIDENCE),
    tools: fakeTools(),
    ...overrides,
  }
}

/** The offline stand-in: records why it was called. */
export function recordingFallback(): {calls: Array<{specialist: string; reason: string}>; fallback: (input: SpecialistInput, reason: string) => Promise<SpecialistReport>} {
  const calls: Array<{specialist: string; reason: string}> = []
  return {
    calls,
    fallback: async (input, reason) => {
      calls.push({specialist: input.specialist, reason})
      return {
        schemaVersion: 1,
        specialist: input.specialist,
        provider: 'offline',
        summary: 'offline summary',
        findings: [finding({confidence: 0.5})],
        observations: [],
        limitations: [],
        fallback: null,
        droppedFindings: 0,
        usage: null,
      }
    },
  }
}

/** The marker the fake server matches on: the role line of the system prompt. */
export const roleMarker = (specialist: SpecialistId): string => `## Your role: ${specialist}`

/**
 * A fresh fake Messages API for each test of the calling file, closed after it. With
 * `checkUnexpected`, each test also expects that no request went unanswered by a script.
 * Read `server` inside hooks and tests: it is new each test.
 */
export function useFakeAnthropicServer(options: {checkUnexpected: boolean}): {readonly server: FakeAnthropicServer} {
  let current: FakeAnthropicServer | undefined
  beforeEach(async () => {
    current = await startFakeAnthropicServer()
  })
  afterEach(async () => {
    const server = current!
    current = undefined
    try {
      if (options.checkUnexpected) expect(server.unexpected).toEqual([])
    } finally {
      await server.close()
    }
  })
  return {
    get server() {
      if (current === undefined) throw new Error('useFakeAnthropicServer: read outside a test')
      return current
    },
  }
}

/** The anthropic provider against `server`, without retries unless overridden, with a recording offline fallback. */
export function providerWithRecorder(
  server: FakeAnthropicServer,
  overrides: Partial<AnthropicProviderOptions> = {},
): {provider: SpecialistProvider; fallbackCalls: Array<{specialist: string; reason: string}>} {
  const recorder = recordingFallback()
  const provider = createAnthropicProvider({apiKey: server.apiKey, baseURL: server.baseURL, maxRetries: 0, fallback: recorder.fallback, ...overrides})
  return {provider, fallbackCalls: recorder.calls}
}
