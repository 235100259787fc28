import {describe, expect, it} from 'vitest'

import {UsageError} from '../../src/errors/errors.js'
import {parseSeverityFlag, parseSymptomsFlag} from '../../src/incident/parse-input.js'

describe('severity and symptom parsing', () => {
  it('accepts p0/P1/ p2 ', () => {
    expect(parseSeverityFlag('p0')).toBe('P0')
    expect(parseSeverityFlag('P1')).toBe('P1')
    expect(parseSeverityFlag(' p2 ')).toBe('P2')
  })

  it('rejects an unknown severity with a usage error', () => {
    expect(() => parseSeverityFlag('sev1')).toThrow(UsageError)
  })

  it('splits, trims, dedupes and validates symptoms, naming every unknown one', () => {
    expect(parseSymptomsFlag(['high-error-rate, database-issues', 'high-error-rate'])).toEqual(['high-error-rate', 'database-issues'])
    expect(() => parseSymptomsFlag(['slow', 'high-error-rate', 'broken'])).toThrow(/Unknown symptoms: slow, broken/)
    expect(() => parseSymptomsFlag([' , '])).toThrow(UsageError)
  })
})
