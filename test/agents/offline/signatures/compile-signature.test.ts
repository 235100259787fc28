import {describe, expect, it} from 'vitest'

import {compileSignature, matchLine, matchLines, SignatureDefinitionError} from '../../../../src/agents/offline/signatures/compile-signature.js'
import {EXTRACT_FIELDS, UserSignatureSchema, type UserSignature} from '../../../../src/agents/offline/signatures/signature-schema.js'

/** A user entry as the config file would give it, parsed for its defaults. */
const entry = (fields: Record<string, unknown>): UserSignature => UserSignatureSchema.parse({id: 'acme-test', failure: 'timeout', ...fields})
const compiled = (match: Record<string, unknown>, fields: Record<string, unknown> = {}) => compileSignature(entry({match, ...fields}))

describe('compileSignature: the match fields besides patterns', () => {
  it('matches any of several exit codes, in any case', () => {
    const signature = compiled({exitCodes: [1, 137]})
    expect(matchLine(signature, 'worker exited with code 137')).toEqual({})
    expect(matchLine(signature, 'Exit Code: 1')).toEqual({})
    expect(matchLine(signature, 'exited with code 2')).toBeNull()
  })

  it('matches a signal by its number or its word, in any case', () => {
    const signature = compiled({signals: ['SIGKILL']})
    expect(matchLine(signature, 'Killed by Signal 9')).toEqual({})
    expect(matchLine(signature, 'Signal: killed')).toEqual({})
    expect(matchLine(signature, 'signal 15')).toBeNull()
  })

  it('matches any of several HTTP statuses, in any case', () => {
    const signature = compiled({httpStatuses: [502, 503]})
    expect(matchLine(signature, 'upstream Responded 503')).toEqual({})
    expect(matchLine(signature, 'Status=502')).toEqual({})
    expect(matchLine(signature, 'status=504')).toBeNull()
  })
})

describe('compileSignature: the documentation fields', () => {
  it('keeps the title, mitigation and source an entry gives', () => {
    const signature = compiled({patterns: ['x']}, {title: 'Ledger lock wait', mitigation: 'Shorten the batch.', source: 'https://example.com/ledger'})
    expect(signature).toMatchObject({title: 'Ledger lock wait', mitigation: 'Shorten the batch.', source: 'https://example.com/ledger'})
  })

  it('titles an entry without a title by its id, and has no mitigation or source without them', () => {
    expect(compiled({patterns: ['x']})).toMatchObject({title: 'acme-test', mitigation: null, source: null})
  })
})

describe('compileSignature refuses an entry naming the part at fault', () => {
  it('a metric pattern that is not a regular expression', () => {
    expect(() => compiled({metrics: ['ledger_(wait']})).toThrow(new SignatureDefinitionError('match.metrics[0] "ledger_(wait" is not a valid regular expression (/ledger_(wait/i: Unterminated group)'))
  })

  it('a named group that is no field it can extract, listing the fields', () => {
    const error = (() => {
      try {
        compiled({patterns: ['colour (?<colour>\\w+)']})
      } catch (caught) {
        return caught as Error
      }
      return null
    })()
    expect(error).toBeInstanceOf(SignatureDefinitionError)
    // The whole list, from the schema it is checked against (it grows as the catalogue learns fields).
    expect(EXTRACT_FIELDS).toEqual(expect.arrayContaining(['host', 'port', 'url', 'table']))
    expect(error?.message).toBe(`pattern group "colour" is not a field it can extract (${EXTRACT_FIELDS.join(', ')})`)
  })

  it('every declared field without a group, listed', () => {
    expect(() => compiled({patterns: ['x']}, {extracts: ['table', 'column']})).toThrow(new SignatureDefinitionError('extracts table, column but no pattern has a group of that name'))
  })
})

describe('matchLines: the values named groups capture', () => {
  it('takes an empty capture for no value', () => {
    const signature = compiled({patterns: ['down: host=(?<host>[\\w.]*)']}, {extracts: ['host']})
    expect(matchLine(signature, 'down: host= (unknown)')).toEqual({})
  })

  it('drops every trailing punctuation mark from a value', () => {
    const signature = compiled({patterns: ['lost connection to (?<host>\\S+)']}, {extracts: ['host']})
    expect(matchLine(signature, 'lost connection to db.internal.;')).toEqual({host: 'db.internal'})
  })

  it('keeps each value once, and at most 8 per field', () => {
    const signature = compiled({patterns: ['lost connection to (?<host>\\S+)']}, {extracts: ['host']})
    const hosts = Array.from({length: 10}, (_, i) => `db-${i}`)
    const lines = ['lost connection to db-0', ...hosts.map((host) => `lost connection to ${host}`)]
    expect(matchLines(signature, lines)).toEqual({host: hosts.slice(0, 8)})
  })
})
