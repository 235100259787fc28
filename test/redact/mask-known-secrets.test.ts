import {describe, expect, it} from 'vitest'

import {maskSecrets} from '../../src/redact/mask-known-secrets.js'

describe('maskSecrets', () => {
  it('masks every occurrence of each known secret', () => {
    expect(maskSecrets('token R0ut1ng and again R0ut1ng', ['R0ut1ng'])).toBe('token *** and again ***')
  })

  it('masks the longest first, so a secret that contains another goes whole', () => {
    expect(maskSecrets('url https://hooks.example/T0/abc', ['abc', 'https://hooks.example/T0/abc'])).toBe('url ***')
  })

  it('masks a secret as it appears URL-encoded too', () => {
    expect(maskSecrets('sent to https%3A%2F%2Fhooks.example%2FT0 and https://hooks.example/T0', ['https://hooks.example/T0'])).toBe('sent to *** and ***')
  })

  it('leaves secrets of fewer than three characters alone: they would mask ordinary text', () => {
    expect(maskSecrets('ab abc', ['ab'])).toBe('ab abc')
    expect(maskSecrets('ab abc', ['abc'])).toBe('ab ***')
  })
})
