import {describe, expect, it} from 'vitest'

import {SENTENCES} from '../../src/render/sentences/catalogue.js'

/** What an empty slot looks like once rendered. */
const EMPTY_SLOT = [
  /\bundefined\b/,
  /\bnull\b/,
  /\bNaN\b/,
  /\[object /,
  /\(\s*\)/,
  /""/,
  / {2}/,
  /\s[,.;:]/,
  /\bon unknown\b/i,
  /\b0 error lines\b/,
  /\b0\.0% \)/,
]

describe('the sentence catalogue', () => {
  it('has every entry once, each with examples', () => {
    const ids = SENTENCES.map((entry) => entry.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(SENTENCES.length).toBeGreaterThan(15)
  })

  for (const entry of SENTENCES) {
    describe(entry.id, () => {
      it('has a variant per missing value, each worded differently', () => {
        expect(entry.examples.length).toBeGreaterThanOrEqual(2)
        expect(new Set(entry.examples.map((example) => example.variant)).size).toBe(entry.examples.length)
        expect(new Set(entry.examples.map((example) => example.output)).size).toBe(entry.examples.length)
      })

      for (const example of entry.examples) {
        it(`renders "${example.variant}" word for word, with no empty slot`, () => {
          const text = entry.render(example.input as never)
          expect(text).toBe(example.output)
          for (const slot of EMPTY_SLOT) expect(text, String(slot)).not.toMatch(slot)
          expect(text).toMatch(/^[A-Z0-9[]/)
          expect(text).toMatch(/[.)]$/)
        })
      }
    })
  }
})
