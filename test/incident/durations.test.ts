import {describe, expect, it} from 'vitest'

import type {IncidentArc} from '../../src/incident/incident-arc.js'
import {formatImpactLong, formatImpactShort, formatMeasure, incidentDurations} from '../../src/incident/durations.js'
import {incident} from '../phases/fixtures.js'

const arc = (over: Partial<IncidentArc> = {}): IncidentArc => ({
  onset: '2026-11-12T14:02:00.000Z',
  peak: null,
  mitigation: {at: '2026-11-12T14:30:00.000Z', kind: 'forward-change', label: 'deploy 2.14.3', description: 'deploy 2.14.3', version: '2.14.3', sha: null, evidenceIds: ['ev-deploy-8']},
  attempts: [],
  recovery: {at: '2026-11-12T14:31:00.000Z', rule: 'r', signals: [], evidenceIds: []},
  endOfImpact: '2026-11-12T14:30:40.000Z',
  notRecovered: [],
  evidenceEnd: '2026-11-12T14:40:00.000Z',
  ...over,
})
const NEXT_DAY = new Date('2026-11-13T09:00:00Z')

describe('incidentDurations', () => {
  it('measures the example from the evidence: onset → last failure, mitigation and recovery labelled as evidence', () => {
    const d = incidentDurations(incident({arc: arc()}), NEXT_DAY)
    expect(d.impact).toMatchObject({basis: 'ended', until: 'evidence-recovery', from: '2026-11-12T14:02:00.000Z', to: '2026-11-12T14:30:40.000Z'})
    expect(formatImpactShort(d.impact)).toBe('29 min')
    expect(formatImpactLong(d.impact)).toBe('29 min (onset → last failure before the recovery, from the evidence)')
    expect(formatMeasure(d.timeToDetect)).toBe('7 min')
    expect(formatMeasure(d.timeToMitigate)).toBe('28 min (from the evidence)')
    expect(formatMeasure(d.timeToResolve)).toBe('29 min (from the evidence)')
    expect(formatMeasure(d.timeToAcknowledge)).toBe('unknown')
  })

  it('lets what people record win for time to mitigate and resolve, while the impact stays measured', () => {
    const d = incidentDurations(
      incident({arc: arc(), status: 'resolved', timestamps: {startedAt: '2026-11-12T14:02:00.000Z', detectedAt: '2026-11-12T14:09:00.000Z', acknowledgedAt: '2026-11-12T14:10:00.000Z', mitigatedAt: '2026-11-12T14:35:00.000Z', resolvedAt: '2026-11-12T16:02:00.000Z'}}),
      NEXT_DAY,
    )
    expect(formatMeasure(d.timeToMitigate)).toBe('33 min')
    expect(formatMeasure(d.timeToResolve)).toBe('2 h 00 min')
    expect(formatMeasure(d.timeToAcknowledge)).toBe('1 min')
    expect(formatImpactShort(d.impact)).toBe('29 min')
  })

  it('never counts a replayed incident to today: detection unknown, impact "at least" to the end of the evidence', () => {
    // Run a month later without --started-at: the declaration is the run's clock.
    const replay = incident({
      createdAt: '2026-12-12T09:00:00.000Z',
      timestamps: {startedAt: '2026-11-12T14:02:00.000Z', detectedAt: '2026-12-12T09:00:00.000Z', acknowledgedAt: null, mitigatedAt: null, resolvedAt: null},
      inputs: {...incident().inputs, startedAtFlag: null},
      arc: arc({mitigation: null, recovery: null, endOfImpact: null, notRecovered: ['log error rate']}),
    })
    const d = incidentDurations(replay, new Date('2026-12-13T10:00:00Z'))
    expect(d.declared).toBeNull()
    expect(formatMeasure(d.timeToDetect)).toBe('unknown')
    expect(d.impact).toMatchObject({basis: 'at-least', until: 'evidence-end'})
    expect(formatImpactShort(d.impact)).toBe('at least 38 min')
    expect(formatImpactLong(d.impact)).toBe('at least 38 min (still open; the evidence ends there)')
  })

  it('says "unknown", never a negative span, when the evidence ends before the onset it was anchored on', () => {
    // No change-point: the onset is the declaration, and the timed evidence (Kubernetes events) ends before it.
    const replay = incident({
      createdAt: '2026-12-12T09:00:00.000Z',
      timestamps: {startedAt: null, detectedAt: '2023-05-05T10:30:00.000Z', acknowledgedAt: null, mitigatedAt: null, resolvedAt: null},
      inputs: {...incident().inputs, startedAtFlag: '2023-05-05T10:30:00.000Z'},
      arc: arc({onset: '2023-05-05T10:30:00.000Z', peak: null, mitigation: null, attempts: [], recovery: null, endOfImpact: null, notRecovered: [], evidenceEnd: '2023-05-05T10:28:00.000Z'}),
    })
    const d = incidentDurations(replay, new Date('2026-12-13T10:00:00Z'))
    expect(d.impact).toMatchObject({basis: 'unknown', minutes: null})
    expect(formatImpactShort(d.impact)).toBe('unknown')
  })

  it('counts a live open incident to now, and says so', () => {
    const live = incident({arc: arc({mitigation: null, recovery: null, endOfImpact: null})})
    const d = incidentDurations(live, new Date('2026-11-12T14:50:00Z'))
    expect(d.impact.basis).toBe('so-far')
    expect(formatImpactShort(d.impact)).toBe('48 min so far')
    expect(formatMeasure(d.timeToDetect)).toBe('7 min')
  })

  it('falls back to what people recorded when there is no evidence arc (folders written before it existed)', () => {
    const old = incident({status: 'mitigated', timestamps: {startedAt: '2026-11-12T14:02:00.000Z', detectedAt: '2026-11-12T14:09:00.000Z', acknowledgedAt: null, mitigatedAt: '2026-11-12T14:40:00.000Z', resolvedAt: null}})
    const d = incidentDurations(old, NEXT_DAY)
    expect(d.impact).toMatchObject({basis: 'ended', until: 'mitigated'})
    expect(formatImpactLong(d.impact)).toBe('38 min (onset → mitigation recorded)')
    expect(formatMeasure(d.timeToResolve)).toBe('unknown')
  })

  it('says unknown without an onset or a declaration', () => {
    const none = incident({timestamps: {startedAt: null, detectedAt: null, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null}})
    const d = incidentDurations(none, NEXT_DAY)
    expect(formatImpactShort(d.impact)).toBe('unknown')
    expect(formatImpactLong(d.impact)).toBe('unknown (the onset is not known)')
    expect(formatMeasure(d.timeToDetect)).toBe('unknown')
  })
})
