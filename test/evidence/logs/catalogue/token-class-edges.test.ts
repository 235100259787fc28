import {describe, expect, it} from 'vitest'

import {looksRandom, TOKEN_CLASSES} from '../../../../src/evidence/logs/catalogue/token-classes.js'

const tokenClass = (id: string) => {
  const found = TOKEN_CLASSES.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no token class ${id}`)
  return found
}

describe('looksRandom at its edges', () => {
  it.each([
    ['order7', true], // a digit
    ['order0', true],
    ['order9', true],
    ['xkq_a_zvb_e_rt', true], // two vowels among ten letters, no long consonant run
    ['crab', false], // one vowel in four letters: not few enough
    ['banana', false], // a is a vowel
    ['cumulus', false], // so is u
    ['syzygy', false], // and y
    ['pre-release', false], // a hyphen is no digit
  ])('%s → %s', (text, random) => {
    expect(looksRandom(text)).toBe(random)
  })
})

describe('long base62 ids without digits: mixed case that changes often', () => {
  it.each([
    ['ABcDEfGHiJKL', true], // three short runs and capitals side by side
    ['ABcDEfGHiJkkkLmmmNooo', true], // three short runs of six
    ['ABcDEfGHiJkkkLmmmNoooPqqq', false], // three short runs of seven: fewer than half
    ['MmmmAbCdEfGhIj', true], // five short runs, the last at the end
    ['AbcDefGhiJklMn', true], // runs of two letters are short
    ['AzBzCzDzEzFz', true],
  ])('%s → %s', (token, id) => {
    expect(tokenClass('base62-id').test(token)).toBe(id)
  })

  it('takes ids with a digit from 12 characters on', () => {
    expect(tokenClass('base62-id').test('Xk3pQ9zLmN2w')).toBe(true)
    expect(tokenClass('base62-id').test('v1.2.3')).toBe(false)
  })
})

describe('hex runs without digits', () => {
  it('count from 12 characters on', () => {
    expect(tokenClass('hex-run').test('deadbeefcafe')).toBe(true)
    expect(tokenClass('hex-run').test('deadbeefcaf')).toBe(false)
  })
})
