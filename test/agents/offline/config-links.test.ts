import {describe, expect, it} from 'vitest'

import {keyChangesIn} from '../../../src/agents/offline/change-candidates.js'
import {CONFIG_KEY_RULES, ruleForKey} from '../../../src/agents/offline/config-key-rules.js'
import {linkConfigChanges} from '../../../src/agents/offline/config-links.js'
import {durationMs, magnitude} from '../../../src/agents/offline/config-values.js'
import {failureConditions} from '../../../src/agents/offline/failure-conditions.js'
import type {SignatureHit} from '../../../src/agents/offline/signature-hits.js'
import {builtInCatalogue} from '../../../src/agents/offline/signatures/catalogue.js'
import {matchLines} from '../../../src/agents/offline/signatures/compile-signature.js'

/** Hits as the matcher makes them, from real-shaped lines, all new at the onset. */
function hitsFor(lines: string[]): SignatureHit[] {
  return builtInCatalogue().flatMap((signature) => {
    const extracted = signature.text.length > 0 ? matchLines(signature, lines) : null
    return extracted ? [{signature, evidenceIds: ['ev-logs-2'], count: 40, isNew: true, fresh: true, startMs: 0, extracted, examples: [lines[0]], share: 0.5, metric: false, timed: true}] : []
  })
}

describe('config key rules', () => {
  it.each(CONFIG_KEY_RULES.map((rule) => [rule.id, rule] as const))('%s takes its keys and leaves the others', (id, rule) => {
    expect(rule.examples.match.length).toBeGreaterThan(0)
    for (const key of rule.examples.match) expect(ruleForKey(key)?.id, key).toBe(id)
    expect(rule.examples.nonMatch.length).toBeGreaterThan(0)
    for (const key of rule.examples.nonMatch) expect(ruleForKey(key)?.id, key).not.toBe(id)
  })
})

describe('config values', () => {
  it.each([
    ['5s', '', [5000]],
    ['1m30s', '', [90_000]],
    ['PT2S', '', [2000]],
    ['250ms', '', [250]],
    ['2000', 'http timeout ms', [2000]],
    ['5', 'read timeout seconds', [5000]],
    ['30', 'timeout', [30, 30_000]],
    ['30 seconds', '', [30_000]],
    ['1 minute(s)', '', [60_000]],
  ])('%s under "%s" is %j ms', (text, words, expected) => {
    expect(durationMs(text, words)).toEqual(expected)
  })

  it('compares sizes, CPU and plain numbers', () => {
    expect(magnitude('256Mi')! < magnitude('512Mi')!).toBe(true)
    expect(magnitude('500m')).toBe(0.5)
    expect(magnitude('5')).toBe(5)
    expect(magnitude('redis://redis-master:6379')).toBeNull()
  })

  it('reads key changes stated in a config event', () => {
    expect(keyChangesIn('payments.client.timeout 5s → 1s')).toEqual([{file: '(deploy event)', key: 'payments.client.timeout', from: '5s', to: '1s'}])
    expect(keyChangesIn('set pool.max from 50 to 5')).toMatchObject([{key: 'pool.max', from: '50', to: '5'}])
    expect(keyChangesIn('HTTP_TIMEOUT_MS=1000 (was 5000)')).toMatchObject([{key: 'HTTP_TIMEOUT_MS', from: '5000', to: '1000'}])
    expect(keyChangesIn('Search cache TTL 600 s')).toEqual([])
  })
})

describe('linkConfigChanges', () => {
  it('is strong when the calls time out at the new value', () => {
    const conditions = failureConditions(hitsFor(['AxiosError: timeout of 1000ms exceeded', 'GET https://api.shipping.example/v2/rates failed']))
    const [link] = linkConfigChanges([{file: 'config/shipping.yaml', key: 'shipping.client.timeout', from: '5s', to: '1s'}], conditions)
    expect(link.weight).toBe(1)
    expect(link.reason).toContain('gave up after 1000 ms')
  })

  it('is weaker when a timeout was lowered but the failures do not show the value', () => {
    const conditions = failureConditions(hitsFor(['java.net.SocketTimeoutException: Read timed out']))
    const [link] = linkConfigChanges([{file: 'config/app.yaml', key: 'ledger.readTimeout', from: '5000', to: '800'}], conditions)
    expect(link.weight).toBe(0.8)
  })

  it('ties a lowered pool size to pool exhaustion, a raised one to database saturation', () => {
    const pool = failureConditions(hitsFor(['HikariPool-1 - Connection is not available, request timed out after 30002ms.']))
    expect(linkConfigChanges([{file: 'a.properties', key: 'spring.datasource.hikari.maximum-pool-size', from: '50', to: '5'}], pool)[0].weight).toBe(0.8)
    const saturated = failureConditions(hitsFor(['FATAL:  sorry, too many clients already']))
    expect(linkConfigChanges([{file: 'a.properties', key: 'spring.datasource.hikari.maximum-pool-size', from: '10', to: '80'}], saturated)[0].weight).toBe(0.8)
  })

  it('is strong when the errors name the host an endpoint was changed to', () => {
    const conditions = failureConditions(hitsFor(['Error: Redis connection to redis-new:6379 failed - connect ECONNREFUSED 10.0.4.99:6379']))
    const [link] = linkConfigChanges([{file: '.env', key: 'REDIS_URL', from: 'redis://redis-master:6379', to: 'redis://redis-new:6379'}], conditions)
    expect(link.weight).toBe(1)
  })

  it('is strong when a change removed the variable the process asks for', () => {
    const conditions = failureConditions(hitsFor(['Error: Missing required environment variable: DATABASE_URL']))
    const [link] = linkConfigChanges([{file: 'deploy/api.yaml', key: 'spec.template.spec.containers[api].env[DATABASE_URL].value', from: 'postgres://db/orders', to: null}], conditions)
    expect(link).toMatchObject({weight: 1})
  })

  it('links nothing when the key has nothing to do with the failure', () => {
    const conditions = failureConditions(hitsFor(['getaddrinfo EAI_AGAIN inventory.shop.svc.cluster.local']))
    expect(linkConfigChanges([{file: 'config/search.yaml', key: 'search.cache_ttl_seconds', from: '60', to: '600'}], conditions)).toEqual([])
  })
})
