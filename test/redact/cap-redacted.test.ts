import {describe, expect, it} from 'vitest'

import {capRedacted, redactSample} from '../../src/redact/cap-redacted.js'

const NOTE = '\n[… truncated]'
/** A JWT of exactly `length` characters. */
const jwtOf = (length: number) => {
  const head = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.'
  return head + 's'.repeat(length - head.length)
}

describe('capRedacted', () => {
  it('keeps a text of up to maxChars whole, redacted', () => {
    expect(capRedacted('a'.repeat(20), 20)).toBe('a'.repeat(20))
    expect(capRedacted('key AKIAIOSFODNN7EXAMPLE', 40)).toBe('key [REDACTED:aws-key]')
  })

  it('cuts a longer one to maxChars, the note included', () => {
    const capped = capRedacted('a'.repeat(21), 20)
    expect(capped).toBe('a'.repeat(20 - NOTE.length) + NOTE)
    expect(capped).toHaveLength(20)
  })

  it('keeps only the note when maxChars is shorter than it', () => {
    expect(capRedacted('a'.repeat(30), 5)).toBe(NOTE)
  })

  it('redacts before it cuts: a key across the cut leaves nothing of itself', () => {
    const capped = capRedacted(`${'x'.repeat(10)} AKIAIOSFODNN7EXAMPLE and more`, 30)
    expect(capped).toBe(`${'x'.repeat(10)} [REDACTED:aws-key]`.slice(0, 30 - NOTE.length) + NOTE)
    expect(capped).not.toContain('AKIA')
  })

  it('reads no more than a million characters of a text that breaks its promise to be bounded', () => {
    expect(capRedacted('a'.repeat(1_000_001), 2_000_000)).toHaveLength(1_000_000)
  })
})

describe('redactSample', () => {
  it('cuts to maxChars without a note, and keeps a shorter text whole', () => {
    expect(redactSample('a'.repeat(11), 10)).toBe('a'.repeat(10))
    expect(redactSample('a'.repeat(10), 10)).toBe('a'.repeat(10))
  })

  it('redacts the first four times maxChars whole, before cutting: a secret that ends there is gone, what follows is not read', () => {
    const jwt = jwtOf(120)
    expect(redactSample(`${jwt} and more text`, 30)).toBe('[REDACTED:jwt]')
    expect(redactSample(`${jwt}`, 30)).toBe('[REDACTED:jwt]')
  })
})
