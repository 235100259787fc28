import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {builtInCatalogue} from '../../../../src/agents/offline/signatures/catalogue.js'
import {catalogueWith, compileUserSignatures} from '../../../../src/agents/offline/signatures/user-signatures.js'
import {loadFileConfig} from '../../../../src/config/config.js'
import {UserError} from '../../../../src/errors/errors.js'
import {bundleOf, INCIDENT} from '../bundle-builder.js'

const LEDGER = {
  id: 'acme-ledger-lock-timeout',
  failure: 'lock-contention',
  match: {patterns: ['LEDGER-(?<resource>\\d+) lock wait exceeded']},
  extracts: ['resource'],
  examples: {match: ['E ledger: LEDGER-4411 lock wait exceeded after 30s'], nonMatch: ['ledger: LEDGER-4411 committed']},
}

describe('failure signatures from the config file', () => {
  it('extends the catalogue: a user signature names a cause like a built-in one', () => {
    const catalogue = catalogueWith(compileUserSignatures([LEDGER], '.incident-response.json'))
    const bundle = bundleOf({templates: [{template: 'E ledger: LEDGER-<*> lock wait exceeded after <*>', samples: ['E ledger: LEDGER-4411 lock wait exceeded after 30s']}]})
    expect(rootCauseAnalyst(bundle, INCIDENT, catalogue).findings[0]).toMatchObject({category: 'database-saturation'})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings).toEqual([])
  })

  it.each([
    [{...LEDGER, match: {patterns: ['LEDGER-(\\d+ lock']}}, /signature "acme-ledger-lock-timeout" \(signatures\[0\]\) is invalid: match\.patterns\[0\] "LEDGER-\(\\\\d\+ lock" is not a valid regular expression/],
    [{...LEDGER, failure: 'gremlins'}, /signature "acme-ledger-lock-timeout" \(signatures\[0\]\) is invalid: failure: Invalid option/],
    [{...LEDGER, examples: {match: ['nothing like it'], nonMatch: []}}, /its example "nothing like it" does not match/],
    [{...LEDGER, extracts: ['table']}, /extracts table but no pattern has a group of that name/],
    [{id: 'Bad Id', failure: 'timeout', match: {patterns: ['x']}}, /"Bad Id" \(signatures\[0\]\) is invalid: id:/],
    [{id: 'empty', failure: 'timeout', match: {}}, /says nothing to match/],
  ])('rejects a broken entry with a message naming the file and the entry (%#)', (entry, message) => {
    expect(() => compileUserSignatures([entry], '/repo/.incident-response.json')).toThrow(UserError)
    expect(() => compileUserSignatures([entry], '/repo/.incident-response.json')).toThrow(message)
  })

  it('is checked when the config file is read, before anything else happens', async () => {
    const root = await mkdtemp(join(tmpdir(), 'user-signatures-'))
    await writeFile(join(root, '.incident-response.yaml'), 'signatures:\n  - id: acme-broken\n    failure: timeout\n    match:\n      patterns: ["(unclosed"]\n')
    await expect(loadFileConfig(root)).rejects.toThrow(`${join(root, '.incident-response.yaml')}: signature "acme-broken" (signatures[0]) is invalid`)
  })
})

describe('failure signatures from the config file at their edges', () => {
  const FILE = '/repo/.incident-response.json'
  const errorOf = (entries: unknown[]): UserError => {
    try {
      compileUserSignatures(entries, FILE)
    } catch (error) {
      if (error instanceof UserError) return error
      throw error
    }
    throw new Error('no error')
  }

  it('points a broken entry to the README, and lists all its problems', () => {
    const error = errorOf([{id: 'Bad Id', failure: 'gremlins', match: {patterns: ['x']}}])
    expect(error.suggestions).toEqual(['See the README section "Failure signatures" for the fields an entry takes.'])
    expect(error.message).toMatch(/is invalid: id: .*; failure: /)
  })

  it('names an entry that is not an object, or has no string id, by its place', () => {
    expect(errorOf([null]).message).toMatch(/^\/repo\/\.incident-response\.json: signature signatures\[0\] is invalid: /)
    expect(errorOf([LEDGER, 'acme-ledger']).message).toMatch(/: signature signatures\[1\] is invalid: /)
    expect(errorOf([{...LEDGER, id: 42}]).message).toMatch(/: signature signatures\[0\] is invalid: id: /)
  })

  it('refuses two entries with one id', () => {
    expect(errorOf([LEDGER, LEDGER]).message).toBe(`${FILE}: signature "acme-ledger-lock-timeout" (signatures[1]) is invalid: another entry has the same id`)
  })

  it('refuses an entry whose counter-example matches, quoting at most 120 characters of it', () => {
    const long = `LEDGER-4411 lock wait exceeded ${'x'.repeat(200)}`
    const error = errorOf([{...LEDGER, examples: {match: [], nonMatch: [long]}}])
    expect(error.message).toBe(`${FILE}: signature "acme-ledger-lock-timeout" (signatures[0]) is invalid: its counter-example ${JSON.stringify(long.slice(0, 120))} matches`)
  })

  it('quotes at most 120 characters of an example that does not match', () => {
    const long = `ledger ${'y'.repeat(200)}`
    expect(errorOf([{...LEDGER, examples: {match: [long], nonMatch: []}}]).message).toContain(`its example ${JSON.stringify(long.slice(0, 120))} does not match`)
  })

  it('accepts an entry without examples, one whose example states what it extracts, and a metric-only one whose example is a series name', () => {
    const {examples: _examples, ...bare} = LEDGER
    const stated = {...LEDGER, id: 'acme-stated', examples: {match: [{line: 'LEDGER-7 lock wait exceeded', extracted: {resource: '7'}}], nonMatch: []}}
    const metric = {id: 'acme-ledger-waits', failure: 'lock-contention', match: {metrics: ['^ledger_lock_waits']}, examples: {match: ['ledger_lock_waits_total'], nonMatch: ['ledger_commits_total']}}
    expect(compileUserSignatures([bare, stated, metric], FILE).map((signature) => signature.id)).toEqual(['acme-ledger-lock-timeout', 'acme-stated', 'acme-ledger-waits'])
  })

  it('replaces a built-in entry that has the same id, in its place first', () => {
    const builtIn = builtInCatalogue()
    const id = builtIn[0].id
    const own = compileUserSignatures([{...LEDGER, id}], FILE)
    const catalogue = catalogueWith(own)
    expect(catalogue).toHaveLength(builtIn.length)
    expect(catalogue[0]).toBe(own[0])
    expect(catalogue.filter((signature) => signature.id === id)).toEqual([own[0]])
    expect(catalogue.slice(1)).toEqual(builtIn.slice(1))
  })
})
