import {describe, expect, it} from 'vitest'

import {isLuhnValid} from '../../src/redact/luhn.js'

describe('isLuhnValid', () => {
  it.each([
    ['4222222222222', true], // 13 digits, the shortest card number
    ['422222222222', false], // 12 digits, however valid its checksum
    ['6011000990139424', true],
    ['5500000000000004', true],
    ['4111111111111111110', true], // 19 digits, the longest
    ['41111111111111111113', false], // 20 digits
    ['4111111111111121', false],
  ])('%s → %s', (digits, valid) => {
    expect(isLuhnValid(digits)).toBe(valid)
  })

  it.each(['411111111111/111', '411111111111:111', '4111 1111 1111 1111', '411111111111a111'])('refuses %j, which holds a character that is not a digit', (text) => {
    expect(isLuhnValid(text)).toBe(false)
  })
})
