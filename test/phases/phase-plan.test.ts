import {describe, expect, it} from 'vitest'

import type {Incident} from '../../src/incident/incident.js'
import {planPhases} from '../../src/phases/phase-plan.js'
import {incident} from './fixtures.js'

const base: Incident = incident({severity: 'P1', timestamps: {startedAt: null, detectedAt: null, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null}})
const done = {status: 'done' as const, at: '2026-11-30T01:03:00Z', files: []}
const actions = (incident: Incident, options: {postmortem: boolean; skipTriage: boolean; refresh?: boolean} = {postmortem: false, skipTriage: false}) => planPhases(incident, options).map((step) => step.action)

describe('planPhases', () => {
  it('runs everything but the postmortem for a fresh P1', () => {
    expect(actions(base)).toEqual(['run', 'run', 'run', 'not-requested'])
  })

  it('runs the postmortem for P0, on request, or once resolved', () => {
    expect(actions({...base, severity: 'P0'})[3]).toBe('run')
    expect(actions(base, {postmortem: true, skipTriage: false})[3]).toBe('run')
    expect(actions({...base, status: 'resolved'})[3]).toBe('run')
  })

  it('resumes at the first phase not done, after each phase', () => {
    expect(actions({...base, phases: {triage: done}})).toEqual(['done', 'run', 'run', 'not-requested'])
    expect(actions({...base, phases: {triage: done, investigation: done}})).toEqual(['done', 'done', 'run', 'not-requested'])
    expect(actions({...base, severity: 'P0', phases: {triage: done, investigation: done, rca: done}})).toEqual(['done', 'done', 'done', 'run'])
    expect(actions({...base, severity: 'P0', phases: {triage: done, investigation: done, rca: done, postmortem: done}})).toEqual(['done', 'done', 'done', 'done'])
  })

  it('skips triage only when asked and not already done', () => {
    expect(actions(base, {postmortem: false, skipTriage: true})[0]).toBe('skip')
    expect(actions({...base, phases: {triage: done}}, {postmortem: false, skipTriage: true})[0]).toBe('done')
  })

  it('re-derives only the RCA and postmortem on refresh', () => {
    const all = {triage: done, investigation: done, rca: done, postmortem: done}
    expect(actions({...base, phases: all}, {postmortem: true, skipTriage: false, refresh: true})).toEqual(['done', 'done', 'run', 'run'])
  })
})
