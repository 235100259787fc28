import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
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
