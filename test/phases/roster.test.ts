import {describe, expect, it} from 'vitest'

import {chooseSpecialists} from '../../src/phases/investigation/roster.js'

describe('chooseSpecialists', () => {
  it('always has the root-cause analyst and at most three specialists', () => {
    expect(chooseSpecialists(['high-error-rate'])).toEqual(['root-cause-analyst', 'backend-reliability'])
    const all = chooseSpecialists(['high-error-rate', 'slow-performance', 'security-incident', 'database-issues'])
    expect(all).toHaveLength(3)
    expect(all[0]).toBe('root-cause-analyst')
  })

  it('gives each of two symptoms its own first-choice specialist', () => {
    expect(chooseSpecialists(['service-unavailable', 'database-issues'])).toEqual(['root-cause-analyst', 'infrastructure', 'database'])
  })

  it('fills a free slot with a symptom’s second choice', () => {
    expect(chooseSpecialists(['slow-performance'])).toEqual(['root-cause-analyst', 'performance', 'database'])
  })
})
