import {describe, expect, it} from 'vitest'

import {buildRca} from '../../src/phases/rca/build-rca.js'
import {EXAMPLE_STORY} from '../../src/render/sentences/example-story.js'
import {facts, migrationFinding, report, SHA} from './fixtures.js'

const base = {recorded: [], service: 'checkout-api', story: EXAMPLE_STORY, impactMinutes: 29, limitations: []}

describe('buildRca', () => {
  it('names the change two specialists agree on, with five whys and a timeline', () => {
    const rca = buildRca({...base, facts: facts(), reports: [report('root-cause-analyst', [migrationFinding(0.75)]), report('database', [migrationFinding(0.6)])]})
    expect(rca.rootCause).toMatchObject({category: 'database-migration', change: {sha: SHA}})
    expect(rca.rootCause.confidence).toBeGreaterThan(0.85)
    expect(rca.fiveWhys).toHaveLength(5)
    expect(rca.trigger).toMatch(/8 min before the onset/)
    expect(rca.timeline.map((event) => event.kind)).toEqual(['change', 'onset'])
    expect(rca.contributingFactors.map((factor) => factor.text).join('\n')).toMatch(/Detection took 7 min/)
  })

  it('says unknown, with next steps, when nothing clears the bar', () => {
    const weak = {...migrationFinding(0.3), change: null, category: 'code-change' as const}
    const rca = buildRca({...base, facts: facts(), reports: [report('root-cause-analyst', [weak])]})
    expect(rca.rootCause.category).toBe('unknown')
    expect(rca.rootCause.change).toBeNull()
    expect(rca.rootCause.summary).toMatch(/^Undetermined/)
    expect(rca.nextSteps.length).toBeGreaterThan(0)
    expect(rca.alternatives[0].category).toBe('code-change')
  })

  it('never keeps a change committed after the onset, whatever a specialist says', () => {
    const afterOnset = {...migrationFinding(0.9), category: 'code-change' as const, change: {sha: 'a'.repeat(40), subject: 'checkout: retry order insert', kind: 'code-change' as const}}
    const rca = buildRca({...base, facts: facts(), reports: [report('root-cause-analyst', [afterOnset])]})
    expect(rca.rootCause.change).toBeNull()
  })

  it('says unknown when there are no findings at all', () => {
    const rca = buildRca({...base, facts: facts({errors: null, changes: []}), reports: [report('root-cause-analyst', [])]})
    expect(rca.rootCause).toMatchObject({category: 'unknown', change: null})
    expect(rca.nextSteps).toContain('Collect the service logs for the hour before and after the onset (--logs).')
  })
})
