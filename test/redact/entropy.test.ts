import {describe, expect, it} from 'vitest'

import {looksKeyLike} from '../../src/redact/entropy.js'

/** 16 characters, three classes, all different: as key-like as a value gets at the shortest length. */
const KEY = 'Ab3kD9xQ2mZ7pL4w'

describe('looksKeyLike at its edges', () => {
  it.each([
    ['15 characters', false, KEY.slice(0, 15)],
    ['16 characters', true, KEY],
    ['8192 characters', true, KEY.repeat(512)],
    ['8193 characters', false, `${KEY.repeat(512)}x`],
  ])('length: %s → key-like: %s', (_, keyLike, value) => {
    expect(looksKeyLike(value)).toBe(keyLike)
  })

  it.each([
    ['a space inside', false, 'Ab3kD9xQ 2mZ7pL4w'],
    ['a space before', false, ` ${KEY}`],
    ['a space after', false, `${KEY} `],
    ['a control character', false, `${KEY}\x7f`],
    ['the first and last printable characters', true, `!${KEY}~`],
    ['a placeholder already', false, '[REDACTED:api-key]Ab3kD9xQ2mZ7'],
  ])('characters: %s → key-like: %s', (_, keyLike, value) => {
    expect(looksKeyLike(value)).toBe(keyLike)
  })

  it.each([
    ['words joined by separators', false, 'Reset-Password_Token.Header'],
    ['a dotted host name', false, 'api-2.prod-east.internal'],
    ['a dotted name behind other text', true, 'X_api-2.prod-east.internal'],
    ['a dotted name before other text', true, 'api-2.prod-east.internal_X'],
    ['a timestamp to the nanosecond', false, '2026-11-12T14:37:59.864213579+05:30'],
    ['a date at the end of a key', true, 'Ab3kD9xQ2026-11-12'],
    ['an absolute path', false, '/var/lib/Ab3kD9xQ2m'],
    ['a URL', false, 'https://Ab3kD9xQ2m.example/x'],
    ['a relative path', false, './Ab3kD9xQ2mZ7pL4w'],
    ['a path to the parent folder', false, '../Ab3kD9xQ2mZ7pL4w'],
    ['a slash inside, as base64 has', true, 'Ab3kD9xQ2m/Z7pL4w'],
    ['./ inside', true, 'Ab3kD9x./Q2mZ7pL4w'],
    ['names joined by colons', false, 'user:123:profileXy'],
    ['a word after a colon', false, 'XY12:9Qzprofile7'],
    ['a word before a colon', false, 'profileXY:9QZ7abX'],
    ['a colon between random characters', true, 'Ab3kD9:xQ2mZ7pL4w'],
  ])('shape: %s → key-like: %s', (_, keyLike, value) => {
    expect(looksKeyLike(value)).toBe(keyLike)
  })

  it.each([
    ['lower case and digits', true, 'ab3kd9xq2mz7pl4w'],
    ['upper case and digits', true, 'AB3KD9XQ2MZ7PL4W'],
    ['lower and upper case, not a word', true, 'abcdefgh!jklmnopQ'],
    ['lower case and punctuation only', false, 'abcdefghijkl!#$%'],
  ])('classes: %s → key-like: %s', (_, keyLike, value) => {
    expect(looksKeyLike(value)).toBe(keyLike)
  })

  it.each([
    ['hex at exactly 3 bits a character', true, 'a1b2c3d4a1b2c3d4'],
    ['not hex at 3 bits a character', false, 'g1h2i3j4g1h2i3j4'],
    ['hex with one more letter after it', false, 'a1b2c3d4a1b2c3d4g'],
    ['hex with one more letter before it', false, 'ga1b2c3d4a1b2c3d4'],
  ])('entropy: %s → key-like: %s', (_, keyLike, value) => {
    expect(looksKeyLike(value)).toBe(keyLike)
  })
})
