import {describe, expect, it} from 'vitest'

import type {EvidenceBundle} from '../../src/evidence/evidence-bundle.js'
import {factsFrom} from '../../src/evidence/facts-from-bundle.js'
import type {LogDigest} from '../../src/evidence/logs/log-digest.js'
import {INCIDENT} from '../agents/offline/bundle-builder.js'

const T0 = Date.parse('2005-12-04T07:00:00Z')
const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString()

/** 30% errors at 20 lines a minute, then one error line a minute (too thin for a rate) from minute 40 to 69, then 30% again. */
function logs(): LogDigest {
  const buckets = Array.from({length: 100}, (_, m) => (m >= 40 && m < 70 ? {t: at(m), total: 1, warn: 0, error: 1, http5xx: 0} : {t: at(m), total: 20, warn: 0, error: 6, http5xx: 0}))
  return {
    schemaVersion: 1,
    files: [],
    totals: {lines: 1430, errors: 450, warnings: 0, http5xx: 0, requests: 0},
    timeRange: {from: at(0), to: at(99)},
    firstErrorAt: at(0),
    bucketWidthMs: 60_000,
    buckets,
    onset: {at: at(40), method: 'binomial', confidence: 0.25, baselineErrorRate: 0.3, incidentErrorRate: 1, evidenceId: 'ev-logs-1', windowEnd: at(70)},
    templates: [],
    templatesTotal: 0,
    endpoints: [],
    clients: {distinctUsers: 0, distinctIps: 0, capped: false, topUsers: []},
    exceptions: [],
    latency: null,
  }
}

describe('factsFrom', () => {
  it('counts the error lines of the impact window the arc found (onset to recovery), not every error to the end of the logs', () => {
    const bundle: EvidenceBundle = {schemaVersion: 1, window: {onset: at(40), onsetSource: 'logs', declaredAt: null}, logs: logs(), git: null, deploys: null, metrics: null, postgres: null, health: null, items: [], limitations: []}
    const facts = factsFrom(bundle, INCIDENT)
    expect(facts.arc.recovery?.at).toBe(at(70))
    expect(facts.errors?.count).toBe(30)
    expect(facts.errors?.lastErrorAt).toBe(at(70))
    expect(facts.errors?.countedTo).toBe(at(70))
  })

  it('says the count runs over the whole evidence when the onset is unknown', () => {
    const bundle: EvidenceBundle = {schemaVersion: 1, window: {onset: null, onsetSource: null, declaredAt: null}, logs: logs(), git: null, deploys: null, metrics: null, postgres: null, health: null, items: [], limitations: []}
    const facts = factsFrom(bundle, INCIDENT)
    expect(facts.errors?.countedTo).toBeNull()
  })
})
