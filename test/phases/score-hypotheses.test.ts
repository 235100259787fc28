import {describe, expect, it} from 'vitest'

import type {Finding, SpecialistReport} from '../../src/incident/finding.js'
import {scoreHypotheses} from '../../src/phases/rca/score-hypotheses.js'

const finding = (over: Partial<Finding>): Finding => ({
  hypothesis: 'h',
  category: 'code-change',
  component: 'payments',
  change: null,
  onset: null,
  confidence: 0.5,
  evidenceIds: ['ev-logs-1', 'ev-logs-2'],
  ...over,
})
const report = (specialist: SpecialistReport['specialist'], findings: Finding[]): SpecialistReport => ({
  schemaVersion: 1,
  specialist,
  provider: 'offline',
  summary: '',
  findings,
  observations: [],
  limitations: [],
  fallback: null,
  droppedFindings: 0,
  usage: null,
})

describe('scoreHypotheses', () => {
  it('raises a cause two specialists agree on above either alone', () => {
    const change = {sha: 'a'.repeat(40), subject: 'Make currency NOT NULL', kind: 'database-migration' as const}
    const ranked = scoreHypotheses([
      report('root-cause-analyst', [finding({category: 'database-migration', change, confidence: 0.7})]),
      report('database', [finding({category: 'database-migration', change, confidence: 0.6})]),
      report('backend-reliability', [finding({category: 'external-dependency', component: 'stripe', confidence: 0.65})]),
    ])
    expect(ranked[0].key).toBe(`change:${'a'.repeat(40)}`)
    expect(ranked[0].score).toBeCloseTo(0.88, 2)
    expect(ranked[0].specialists).toEqual(['root-cause-analyst', 'database'])
    expect(ranked[1].score).toBe(0.65)
  })

  it('stops agreement short of certainty, at 0.97', () => {
    // Alone, each is below the cap; together their noisy-OR (0.995) would pass it.
    const ranked = scoreHypotheses([
      report('root-cause-analyst', [finding({confidence: 0.95})]),
      report('backend-reliability', [finding({confidence: 0.9})]),
    ])
    expect(ranked).toHaveLength(1)
    expect(ranked[0].score).toBe(0.97)
  })

  it('discounts a hypothesis resting on one evidence item', () => {
    const [only] = scoreHypotheses([report('security', [finding({category: 'security-attack', confidence: 0.6, evidenceIds: ['ev-logs-9']})])])
    expect(only.score).toBe(0.51)
  })
})
