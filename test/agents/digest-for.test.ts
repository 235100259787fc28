import {describe, expect, it} from 'vitest'

import {digestFor, MAX_DIGEST_CHARS} from '../../src/agents/digest-for.js'
import {SPECIALISTS} from '../../src/incident/vocabulary.js'
import {bundleOf} from './offline/bundle-builder.js'

describe('digestFor', () => {
  const huge = bundleOf({
    templates: Array.from({length: 400}, (_, i) => ({template: `error ${i} ${'x'.repeat(600)}`, samples: [`sample ${i} ${'y'.repeat(900)}`]})),
    endpoints: Array.from({length: 50}, (_, i) => ({method: 'GET', path: `/api/${i}`, total: 100, errors: i})),
    commits: Array.from({length: 300}, (_, i) => ({subject: `change ${i} ${'z'.repeat(200)}`, files: Array.from({length: 40}, (_, f) => `src/m${i}/f${f}.ts`), minutesBefore: i})),
    buckets: Array.from({length: 600}, () => ({total: 10, warn: 1, error: 1})),
  })

  it.each(SPECIALISTS)('stays valid JSON within the bound for %s whatever the input', (specialist) => {
    const text = digestFor(specialist, huge)
    expect(text.length).toBeLessThanOrEqual(MAX_DIGEST_CHARS)
    expect(JSON.parse(text).window.onset).toBe(huge.window.onset)
  })

  it('halves the longest lists until the digest fits, and says so', () => {
    const text = digestFor('root-cause-analyst', huge, 6_000)
    expect(text.length).toBeLessThanOrEqual(6_000)
    const digest = JSON.parse(text)
    expect(digest.truncated).toMatch(/shortened/)
    expect(digest.changes.length).toBeGreaterThan(0)
    expect(digest.changes.length).toBeLessThan(40)
  })

  it('redacts secrets quoted in samples', () => {
    const bundle = bundleOf({templates: [{template: 'login to upstream failed', samples: ['POST /token Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789 password=hunter22']}]})
    const text = digestFor('backend-reliability', bundle)
    expect(text).not.toContain('hunter22')
    expect(text).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789')
    expect(text).toContain('[REDACTED:')
  })

  it('puts the specialist’s own kind of error first and scopes the sections', () => {
    const bundle = bundleOf({
      templates: [{template: 'refund failed: TypeError'}, {template: 'FATAL: sorry, too many clients already'}],
      metrics: [{name: 'pg_connections'}, {name: 'http_requests_per_second'}],
    })
    const database = JSON.parse(digestFor('database', bundle))
    expect(database.logs.templates[0].template).toContain('too many clients')
    expect(database.metrics.map((m: {name: string}) => m.name)).toEqual(['pg_connections'])
    expect(database).toHaveProperty('postgres')
    const security = JSON.parse(digestFor('security', bundle))
    expect(security.logs).toHaveProperty('clients')
    expect(security).not.toHaveProperty('postgres')
  })
})
