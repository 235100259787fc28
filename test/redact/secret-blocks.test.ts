import {describe, expect, it} from 'vitest'

import {SecretBlockFilter} from '../../src/redact/secret-blocks.js'

const BEGIN = '-----BEGIN RSA PRIVATE KEY-----'
const END = '-----END RSA PRIVATE KEY-----'
const through = (lines: string[]) => {
  const filter = new SecretBlockFilter()
  return lines.map((line) => filter.filter(line))
}

describe('SecretBlockFilter at its edges', () => {
  it('drops up to 400 body lines, and ends the block at the 401st', () => {
    const body = Array.from({length: 401}, () => 'MIIEowIBAAKCAQEAx7qZ1')
    const out = through([BEGIN, ...body])
    expect(out.slice(1, 401).every((line) => line === null)).toBe(true)
    expect(out[401]).toBe('MIIEowIBAAKCAQEAx7qZ1')
  })

  it('counts the lines of each block afresh', () => {
    const body = Array.from({length: 300}, () => 'MIIEowIBAAKCAQEAx7qZ1')
    const out = through([BEGIN, ...body, END, BEGIN, ...body, END, 'after'])
    expect(out.filter((line) => line !== null)).toEqual(['[REDACTED:private-key]', '[REDACTED:private-key]', 'after'])
  })

  it('leaves a block that closes on its own line to the text rules, and opens none', () => {
    const oneLine = `key ${BEGIN} MIIEow ${END}`
    expect(through([oneLine, 'MIIEowIBAAKCAQEAx7qZ1'])).toEqual([oneLine, 'MIIEowIBAAKCAQEAx7qZ1'])
  })

  it('opens a block at a BEGIN that follows an END on the same line', () => {
    expect(through([`${END} then ${BEGIN}`, 'MIIEowIBAAKCAQEAx7qZ1'])).toEqual([`${END} then [REDACTED:private-key]`, null])
  })

  it('reads body lines quoted, indented, from a diff, with armour headers and Windows line ends', () => {
    const lines = [BEGIN, 'Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,2C7E5B2B0A1F', '', '> MIIEowIBAAKCAQEAx7qZ1', '    Zm9vYmFyYmF6', '+Zm9vYmFyYmF6', 'Zm9vYmFyYmF6\r', END, 'after']
    expect(through(lines)).toEqual(['[REDACTED:private-key]', null, null, null, null, null, null, null, null, 'after'])
  })

  it('takes PuTTY private lines with or without a space after the colon', () => {
    expect(through(['Private-Lines:1', 'AAAAIBx3b2F4c2VjcmV0', 'Private-MAC:8f0e1d2c', 'done'])).toEqual(['[REDACTED:private-key]', null, null, 'done'])
  })
})
