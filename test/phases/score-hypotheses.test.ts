import {describe, expect, it} from 'vitest'

import type {Finding, SpecialistReport} from '../../src/incident/finding.js'
import {keyOf, scoreHypotheses} from '../../src/phases/rca/score-hypotheses.js'

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

  it('leads a group with its strongest finding, wherever it stands in the reports', () => {
    const [only] = scoreHypotheses([
      report('root-cause-analyst', [finding({hypothesis: 'middling', confidence: 0.5})]),
      report('backend-reliability', [finding({hypothesis: 'strongest', confidence: 0.9}), finding({hypothesis: 'weakest', confidence: 0.3})]),
    ])
    expect(only.lead.hypothesis).toBe('strongest')
  })

  it('ranks by score, whatever order the specialists reported in', () => {
    const ranked = scoreHypotheses([
      report('database', [finding({category: 'database-saturation', component: 'orders-db', confidence: 0.45})]),
      report('backend-reliability', [finding({category: 'external-dependency', component: 'stripe', confidence: 0.8})]),
      report('root-cause-analyst', [finding({category: 'traffic-surge', component: 'checkout', confidence: 0.6})]),
    ])
    expect(ranked.map((hypothesis) => [hypothesis.key, hypothesis.score])).toEqual([
      ['external-dependency:stripe', 0.8],
      ['traffic-surge:checkout', 0.6],
      ['database-saturation:orders-db', 0.45],
    ])
  })

  it('puts a cause naming a change before an equally scored one naming none', () => {
    const change = {sha: 'b'.repeat(40), subject: 'Raise pool size', kind: 'config-change' as const}
    const ranked = scoreHypotheses([
      report('database', [finding({category: 'database-saturation', component: 'orders-db', confidence: 0.6})]),
      report('root-cause-analyst', [finding({category: 'config-change', change, confidence: 0.6})]),
    ])
    expect(ranked.map((hypothesis) => hypothesis.key)).toEqual([`change:${'b'.repeat(40)}`, 'database-saturation:orders-db'])
    // And the other way round: the order of the reports does not decide it.
    const reversed = scoreHypotheses([
      report('root-cause-analyst', [finding({category: 'config-change', change, confidence: 0.6})]),
      report('database', [finding({category: 'database-saturation', component: 'orders-db', confidence: 0.6})]),
    ])
    expect(reversed.map((hypothesis) => hypothesis.key)).toEqual([`change:${'b'.repeat(40)}`, 'database-saturation:orders-db'])
  })

  it('puts the causes naming a change first among equally scored ones, each group in the order reported', () => {
    const config = {sha: 'b'.repeat(40), subject: 'Raise pool size', kind: 'config-change' as const}
    const flag = {sha: null, subject: 'Enable new pricing', kind: 'feature-flag' as const}
    const others = [
      finding({category: 'database-saturation', component: 'orders-db', confidence: 0.6}),
      finding({category: 'traffic-surge', component: 'checkout', confidence: 0.6}),
      finding({category: 'network', component: 'edge', confidence: 0.6}),
    ]
    const named = [finding({category: 'config-change', change: config, confidence: 0.6}), finding({category: 'feature-flag', change: flag, confidence: 0.6})]
    for (const at of [0, 1, 2, 3]) {
      const findings = [...others.slice(0, at), ...named, ...others.slice(at)]
      const ranked = scoreHypotheses([report('root-cause-analyst', findings)])
      expect(ranked.map((hypothesis) => hypothesis.key), `reported at ${at}`).toEqual([...named, ...others].map((one) => keyOf(one)))
    }
  })
})

describe('keyOf', () => {
  it('names a change by its sha, a change without one (a flag flip) by kind and subject', () => {
    expect(keyOf(finding({change: {sha: 'c'.repeat(40), subject: 'x', kind: 'code-change'}}))).toBe(`change:${'c'.repeat(40)}`)
    expect(keyOf(finding({category: 'feature-flag', change: {sha: null, subject: 'Enable new pricing', kind: 'feature-flag'}}))).toBe(
      'change:feature-flag:Enable new pricing',
    )
  })

  it('names a cause without a change by category and component, * when no component', () => {
    expect(keyOf(finding({category: 'traffic-surge', component: 'checkout'}))).toBe('traffic-surge:checkout')
    expect(keyOf(finding({category: 'network', component: null}))).toBe('network:*')
  })

  it('groups the same flag flip named by two specialists into one cause', () => {
    const flip = {sha: null, subject: 'Enable new pricing', kind: 'feature-flag' as const}
    const ranked = scoreHypotheses([
      report('root-cause-analyst', [finding({category: 'feature-flag', change: flip, confidence: 0.5})]),
      report('backend-reliability', [finding({category: 'feature-flag', change: flip, confidence: 0.5})]),
    ])
    expect(ranked).toHaveLength(1)
    expect(ranked[0].score).toBe(0.75)
  })
})
