import {describe, expect, it} from 'vitest'

import type {EvidenceFacts} from '../../../src/evidence/evidence-facts.js'
import type {RootCause} from '../../../src/incident/rca.js'
import {nextStepsFor} from '../../../src/phases/rca/next-steps.js'

const UNKNOWN: RootCause = {category: 'unknown', summary: 'No cause found', component: null, change: null, onset: null, confidence: 0.1, evidenceIds: []}
const facts = (git: boolean) => ({errors: null, changes: [], events: [], lookback: '48h', examined: {logs: true, git, deploys: false, metrics: false}}) as unknown as EvidenceFacts

describe('nextStepsFor an unexplained incident', () => {
  it('names a longer --lookback when a repository was examined and nothing in the window explained it', () => {
    expect(nextStepsFor(UNKNOWN, facts(true), []).some((step) => step.includes('beyond --lookback 48h') && step.includes('--lookback 7d'))).toBe(true)
  })

  it('does not when no repository was examined', () => {
    expect(nextStepsFor(UNKNOWN, facts(false), []).some((step) => step.includes('--lookback'))).toBe(false)
  })

  it('does not when a change explains it with confidence', () => {
    const named: RootCause = {...UNKNOWN, category: 'code-change', confidence: 0.9, change: {sha: 'a1b2c3d'.padEnd(40, '0'), subject: 'x', kind: 'code-change'}}
    expect(nextStepsFor(named, facts(true), []).some((step) => step.includes('--lookback'))).toBe(false)
  })
})
