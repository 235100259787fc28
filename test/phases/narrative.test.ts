import {describe, expect, it} from 'vitest'

import {lintBlameless} from '../../src/lint/lint-blameless.js'
import {mergeNarrative, type Narrative} from '../../src/phases/postmortem/narrative.js'

const base: Narrative = {executiveSummary: 'ours', wentWell: ['w'], wentWrong: ['x'], gotLucky: [], lessons: [], author: 'offline'}
const blameless = (text: string) => lintBlameless(text, {names: ['Jane Doe']}).length === 0

describe('mergeNarrative', () => {
  it('takes the drafted fields that are blameless and marks the prose as Claude’s', () => {
    const merged = mergeNarrative(base, {executiveSummary: 'The migration broke writes.', wentWell: null, wentWrong: ['Nothing gated schema changes.'], lessons: ['Schema and code ship apart.']}, blameless)
    expect(merged).toMatchObject({executiveSummary: 'The migration broke writes.', wentWell: ['w'], wentWrong: ['Nothing gated schema changes.'], lessons: ['Schema and code ship apart.'], author: 'claude'})
  })

  it('keeps our own text for a field that blames or names a person', () => {
    const merged = mergeNarrative(base, {executiveSummary: 'Jane Doe forgot to run the backfill.', wentWell: ['The team failed to notice.'], wentWrong: null, lessons: null}, blameless)
    expect(merged).toEqual(base)
  })
})
