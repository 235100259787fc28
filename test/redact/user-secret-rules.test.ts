import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'

import {loadFileConfig} from '../../src/config/config.js'
import {exportAggregatorState} from '../../src/evidence/logs/aggregator-state.js'
import {LogAggregator} from '../../src/evidence/logs/log-aggregator.js'
import {analyzeInWorkers, splitForWorkers} from '../../src/evidence/logs/parallel-analysis.js'
import {UserError} from '../../src/errors/errors.js'
import {secretRuleOf, UserSecretRuleSchema} from '../../src/redact/catalogue/user-secret-rules.js'
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

  it('reach the worker thread that reads the second half of a large log', async () => {
    await loadFileConfig(await configWith([ACME]))
    const log = join(await mkdtemp(join(tmpdir(), 'ir-user-rules-log-')), 'app.log')
    const start = Date.UTC(2026, 10, 12, 14, 0, 0)
    // The last lines have a message of their own, so the worker's range has samples of its own.
    const lines = Array.from({length: 4000}, (_, i) => `${new Date(start + i * 1000).toISOString()} ERROR ${i < 3800 ? 'login' : 'payment'} failed for service acme_${String(i).padStart(4, '0')}a1b2c3d4e5f6g7h8i9j0`)
    await writeFile(log, lines.join('\n') + '\n')
    const aggregator = new LogAggregator()
    const summary = await analyzeInWorkers(log, (await splitForWorkers(log, 2, 1))!, aggregator, new Date(start), {})
    expect(summary.threads).toBe(2) // the worker really ran
    const samples = exportAggregatorState(aggregator).templates.flatMap((template) => template.stats.samples.map((sample) => sample.text))
    expect(samples.filter((text) => text.includes('payment'))).toHaveLength(3)
    expect(samples.filter((text) => /acme_\d{4}a1b2/.test(text))).toEqual([])
  }, 30_000)
})

describe('secret detectors from the config file at their edges', () => {
  afterEach(() => configureSecretRules([]))

  it('name the field at fault in each refusal', () => {
    const issues = (entry: unknown) => UserSecretRuleSchema.safeParse(entry).error?.issues.map(({code, path}) => ({code, path}))
    expect(issues({...ACME, examples: {match: ['no token here'], nonMatch: []}})).toEqual([{code: 'custom', path: ['examples', 'match']}])
    expect(issues({...ACME, examples: {match: ACME.examples.match, nonMatch: ['acme_0a1b2c3d4e5f6g7h8i9j0k1l']}})).toEqual([{code: 'custom', path: ['examples', 'nonMatch']}])
    expect(issues({...ACME, keywords: ['zzz']})).toEqual([{code: 'custom', path: ['keywords']}])
    expect(issues({...ACME, pattern: 'acme_[a-z'})).toEqual([{code: 'custom', path: ['pattern']}])
  })

  it('accept an entry without keywords, and one whose examples hold any one of its keywords', () => {
    const {keywords: _keywords, ...noKeywords} = ACME
    expect(UserSecretRuleSchema.safeParse(noKeywords).success).toBe(true)
    expect(UserSecretRuleSchema.safeParse({...ACME, keywords: ['acme_', 'ACME-TOKEN']}).success).toBe(true)
  })

  it('carry their examples, and redact every match in a text', () => {
    const entry = UserSecretRuleSchema.parse(ACME)
    expect(secretRuleOf(entry).examples).toEqual({match: ACME.examples.match, noMatch: ACME.examples.nonMatch})
    configureSecretRules([secretRuleOf(entry)])
    expect(redact('acme_0a1b2c3d4e5f6g7h8i9j0k1l then acme_9z8y7x6w5v4u3t2s1r0q9p8o')).toBe('[REDACTED:acme-token] then [REDACTED:acme-token]')
  })
})
