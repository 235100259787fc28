import {describe, expect, it} from 'vitest'

import {maskToken, tokenHasDigit, tokenize} from '../../../src/evidence/logs/mask-tokens.js'

describe('maskToken at its edges', () => {
  it.each(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])(
    'masks the calendar word %s, part of a date spelled out',
    (word) => {
      expect(maskToken(word)).toBe('<*>')
    },
  )

  it.each([
    ['May', 'a month that is also a word'],
    ['Monday', 'a calendar word that is longer'],
    ['mon', 'a calendar word in lower case'],
  ])('keeps %s (%s)', (token) => {
    expect(maskToken(token)).toBe(token)
  })

  it.each([
    ["'x'", '<*>'],
    ['"x"', '<*>'],
    ["''", "''"], // an empty quote is punctuation, not a value
    ['""', '""'],
    ['"x\'', '"x\''], // quotes that do not pair
    ["'x\"", "'x\""],
    ['axa', 'axa'], // same first and last letter, no quotes
    ['/x', '<*>'],
    ['/', '/'], // a lone slash is punctuation
    ['x<*>', '<*>'], // partly replaced by a preprocessing regex: a value as a whole
    ['host-<*>.example.net', '<*>'],
    ['<*>', '<*>'],
  ])('quotes, paths and partly masked tokens: %s → %s', (token, masked) => {
    expect(maskToken(token)).toBe(masked)
  })

  it.each([
    ['ipv4', 'ipv4'],
    ['md5,', 'md5,'],
    ['SOCKS5)', 'SOCKS5)'],
    ['v2', '<*>'], // one letter and a digit: a version, a value
    ['ipv42', '<*>'],
    ['xmd5', 'xmd5'],
    ['md5x', '<*>'],
    ['md5;;', '<*>'],
    ['1md5', '<*>'],
  ])('names ending in one digit are vocabulary: %s → %s', (token, masked) => {
    expect(maskToken(token)).toBe(masked)
  })

  it.each([
    ['A=1', 'A=<*>'],
    ['Z=1', 'Z=<*>'],
    ['a=1', 'a=<*>'],
    ['z=1', 'z=<*>'],
    ['@=1', '<*>'], // the character before A
    ['[=1', '<*>'], // the character after Z; alone it opens nothing
    ['`=1', '<*>'], // the character before a
    ['{=1', '<*>'], // the character after z
    ['user_=1', 'user_=<*>'],
    ['user-id=1', 'user-id=<*>'],
    ['user.id=1', '<*>'],
    ['LOGIN[uid=0]', 'LOGIN[uid=<*>'],
    ['LOGIN(uid=0)', 'LOGIN(uid=<*>'],
    ['(=1', '<*>'], // a bracket and no letters: no key
    ['=1', '<*>'],
    ['took:15ms', 'took:<*>'],
    ['A:1', 'A:<*>'],
    [':15', '<*>'],
    ['10.0.0.1:5432', '<*>'],
  ])('keeps the key of key=value and key:value: %s → %s', (token, masked) => {
    expect(maskToken(token)).toBe(masked)
  })
})

describe('tokenize', () => {
  it('splits on spaces, tabs, newlines and carriage returns, and nothing else', () => {
    expect(tokenize('a b\tc\nd\re\ff\vg', false)).toEqual(['a', 'b', 'c', 'd', 'e\ff\vg'])
  })

  it('masks when asked to, and only then', () => {
    expect(tokenize('took 15 ms', true)).toEqual(['took', '<*>', 'ms'])
    expect(tokenize('took 15 ms', false)).toEqual(['took', '15', 'ms'])
  })
})

describe('tokenHasDigit', () => {
  it.each([
    ['0', true],
    ['9', true],
    ['ssh2', true],
    ['/', false], // the character before 0
    [':', false], // the character after 9
    ['', false],
  ])('%j → %s', (token, has) => {
    expect(tokenHasDigit(token)).toBe(has)
  })
})
