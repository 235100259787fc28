import {describe, expect, it} from 'vitest'

import {looksRandom, TOKEN_CLASSES} from '../../../../src/evidence/logs/catalogue/token-classes.js'
import {maskToken, tokenize, WILDCARD} from '../../../../src/evidence/logs/mask-tokens.js'

describe('token class catalogue', () => {
  it('has unique ids', () => {
    expect(TOKEN_CLASSES.length).toBeGreaterThanOrEqual(7)
    expect(new Set(TOKEN_CLASSES.map((c) => c.id)).size).toBe(TOKEN_CLASSES.length)
  })

  for (const tokenClass of TOKEN_CLASSES) {
    describe(tokenClass.id, () => {
      it('takes its examples for values, and masking makes them <*> in a message', () => {
        expect(tokenClass.examples.match.length).toBeGreaterThan(0)
        for (const token of tokenClass.examples.match) {
          expect(tokenClass.test(token), token).toBe(true)
          expect(maskToken(token), token).toBe(WILDCARD)
          expect(tokenize(`id ${token} seen`, true), token).toEqual(['id', WILDCARD, 'seen'])
        }
      })

      it('does not take its non-examples', () => {
        expect(tokenClass.examples.nonMatch.length).toBeGreaterThan(0)
        for (const token of tokenClass.examples.nonMatch) expect(tokenClass.test(token), token).toBe(false)
      })
    })
  }
})

describe('masking words that are values', () => {
  it('masks a value class behind punctuation and keeps the key of key=value', () => {
    expect(maskToken('(ord_auxrrbemqm),')).toBe(WILDCARD)
    expect(maskToken('session=dGhpcyBpcyBhIHRva2Vu')).toBe('session=<*>')
    expect(maskToken('email:jane.doe@example.com')).toBe('email:<*>')
    expect(maskToken('dat=file:///storage/emulated/0/x.apk')).toBe('dat=<*>')
  })

  it('keeps words, CamelCase names and snake_case keys', () => {
    for (const token of ['connection', 'WindowsUpdateAgent', 'StackScrollAlgorithm:', 'max_connections', 'tty=NODEVssh', 'REAL_GET_TASKS;']) expect(maskToken(token), token).toBe(token)
  })

  it('tells random letters from spelled words', () => {
    expect(looksRandom('auxrrbemqm')).toBe(true)
    expect(looksRandom('xwvbrtplmk')).toBe(true)
    expect(looksRandom('confirmation')).toBe(false)
    expect(looksRandom('ERR_DATA_INSERT')).toBe(false)
  })
})

describe('quoted strings over several tokens', () => {
  it('are one value when they hold only words (free text)', () => {
    expect(tokenize('search for "red running shoes" took 12 ms', true)).toEqual(['search', 'for', WILDCARD, 'took', WILDCARD, 'ms'])
    expect(tokenize('search for "red shoes", page 2', true)).toEqual(['search', 'for', WILDCARD, 'page', WILDCARD])
  })

  it('are one token keeping their words when they hold values (a request line)', () => {
    expect(tokenize('10.0.0.1 "GET /v2/servers HTTP/1.1" status: 200', true)).toEqual([WILDCARD, `"GET ${WILDCARD} ${WILDCARD}`, 'status:', WILDCARD])
  })

  it('leave an unclosed quote to the tokens as they are', () => {
    expect(tokenize('it said "hello and left', true)).toEqual(['it', 'said', '"hello', 'and', 'left'])
  })
})
