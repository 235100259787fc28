import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'

import {loadFileConfig} from '../../src/config/config.js'
import {UserError} from '../../src/errors/errors.js'
import {configureSecretRules, redact} from '../../src/redact/redact.js'

const ACME = {
  id: 'acme-token',
  description: 'ACME internal service tokens',
  pattern: 'acme_[a-z0-9]{24}',
  keywords: ['acme_'],
  examples: {match: ['auth with acme_0a1b2c3d4e5f6g7h8i9j0k1l'], nonMatch: ['acme_short']},
}

async function configWith(secretRules: unknown): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ir-user-rules-'))
  await writeFile(join(root, '.incident-response.json'), JSON.stringify({secretRules}))
  return root
}

describe('secret detectors from the config file', () => {
  afterEach(() => configureSecretRules([]))

  it('take effect for everything redacted after the config is read, named by their id', async () => {
    expect(redact('auth with acme_0a1b2c3d4e5f6g7h8i9j0k1l')).toContain('acme_0a1b2c3d')
    await loadFileConfig(await configWith([ACME]))
    expect(redact('auth with acme_0a1b2c3d4e5f6g7h8i9j0k1l failed')).toBe('auth with [REDACTED:acme-token] failed')
  })

  it.each([
    [{...ACME, pattern: 'acme_[a-z'}, /secretRules\.0\.pattern: does not compile/],
    [{...ACME, examples: {match: ['no token here'], nonMatch: []}}, /the pattern does not match its example "no token here"/],
    [{...ACME, examples: {match: ACME.examples.match, nonMatch: ['acme_0a1b2c3d4e5f6g7h8i9j0k1l']}}, /the pattern matches its non-example/],
    [{...ACME, keywords: ['zzz']}, /no keyword occurs in the example/],
    [{...ACME, examples: {match: []}}, /give at least one real-shaped example/],
  ])('refuse a broken entry, naming the file and the entry', async (entry, message) => {
    const root = await configWith([entry])
    await expect(loadFileConfig(root)).rejects.toThrow(UserError)
    await expect(loadFileConfig(root)).rejects.toThrow(message)
    await expect(loadFileConfig(root)).rejects.toThrow(join(root, '.incident-response.json'))
  })
})
