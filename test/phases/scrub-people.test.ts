import {describe, expect, it} from 'vitest'

import {scrubPeople} from '../../src/phases/postmortem/scrub-people.js'

describe('scrubPeople', () => {
  it('replaces full names, their parts and emails, whole words only', () => {
    const text = 'Revert Jane Doe change; jane.doe@example.com paged; Doeville unaffected; ask Jane.'
    expect(scrubPeople(text, {names: ['Jane Doe'], emails: ['jane.doe@example.com']})).toBe(
      'Revert a responder change; [a responder] paged; Doeville unaffected; ask a responder.',
    )
  })

  it('ignores names too short to match safely', () => {
    expect(scrubPeople('Al ran it', {names: ['Al'], emails: []})).toBe('Al ran it')
  })
  it('leaves ordinary words and bot accounts alone, as the blameless lint does', () => {
    const people = {names: ['Will Smith', 'GitHub Actions'], emails: []}
    expect(scrubPeople('We will cap connections; GitHub Actions deploy ran; Will Smith rolled back', people)).toBe(
      'We will cap connections; GitHub Actions deploy ran; a responder rolled back',
    )
  })
})
