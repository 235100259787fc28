import {describe, expect, it} from 'vitest'

import {BUILT_IN_SIGNATURES} from '../../../../src/agents/offline/signatures/catalogue.js'
import {compileSignature, matchesMetric, matchLine} from '../../../../src/agents/offline/signatures/compile-signature.js'
import {SignatureEntrySchema} from '../../../../src/agents/offline/signatures/signature-schema.js'

describe('the failure-signature catalogue', () => {
  it('holds at least 150 entries with unique ids', () => {
    const ids = BUILT_IN_SIGNATURES.map((entry) => entry.id)
    expect(ids.length).toBeGreaterThanOrEqual(150)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each(BUILT_IN_SIGNATURES.map((entry) => [entry.id, entry] as const))('%s matches its examples and not its counter-examples', (_id, raw) => {
    const entry = SignatureEntrySchema.parse(raw)
    const signature = compileSignature(entry)
    // A metric-only entry's examples are series names.
    const metricOnly = signature.text.length === 0
    const matchOf = (line: string) => (metricOnly ? (matchesMetric(signature, line) ? {} : null) : matchLine(signature, line))
    expect(entry.examples.match.length).toBeGreaterThan(0)
    for (const example of entry.examples.match) {
      const line = typeof example === 'string' ? example : example.line
      const extracted = matchOf(line)
      expect(extracted, `should match: ${line}`).not.toBeNull()
      if (typeof example !== 'string') expect(extracted).toMatchObject(example.extracted)
    }
    expect(entry.examples.nonMatch.length).toBeGreaterThan(0)
    for (const line of entry.examples.nonMatch) expect(matchOf(line), `should not match: ${line}`).toBeNull()
  })
})

describe('entries that supersede others', () => {
  const ids = new Set(BUILT_IN_SIGNATURES.map((entry) => entry.id))
  it.each(BUILT_IN_SIGNATURES.filter((entry) => (entry.supersedes ?? []).length > 0).map((entry) => [entry.id, entry] as const))('%s supersedes entries that exist', (_id, entry) => {
    for (const id of entry.supersedes ?? []) expect(ids.has(id), id).toBe(true)
  })
})
