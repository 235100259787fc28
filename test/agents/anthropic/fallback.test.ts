import {createServer} from 'node:net'
import {beforeEach, describe, expect, it} from 'vitest'

import {createAnthropicProvider, type AnthropicProviderOptions} from '../../../src/agents/anthropic/anthropic-provider.js'
import {SpecialistReportSchema} from '../../../src/incident/finding.js'
import {
  apiError,
  message,
  submitFindings,
  toolUse,
  type FakeAnthropicServer,
  type FakeReply,
} from '../../fakes/fake-anthropic-server.js'
import {finding, providerWithRecorder, roleMarker, specialistInput, useFakeAnthropicServer} from './specialist-fixture.js'

// Deliberately without the unexpected-request check (as this file has always been).
const fake = useFakeAnthropicServer({checkUnexpected: false})
let server: FakeAnthropicServer
beforeEach(() => {
  server = fake.server
})

const MARKER = roleMarker('database')
/** Fast retries: the SDK honours retry-after(-ms) when the server sends it. */
const retryFast = {'retry-after-ms': '5'}

/** One retry by default, so retried failures show as retried. */
const setup = (overrides: Partial<AnthropicProviderOptions> = {}) => providerWithRecorder(server, {maxRetries: 1, ...overrides})

async function expectFallback(replies: FakeReply[], reason: RegExp, overrides: Partial<AnthropicProviderOptions> = {}) {
  server.script(MARKER, ...replies)
  const {provider, fallbackCalls} = setup(overrides)
  const report = await provider.runSpecialist(specialistInput('database'))
  expect(SpecialistReportSchema.parse(report)).toEqual(report)
  expect(fallbackCalls).toHaveLength(1)
  expect(fallbackCalls[0].reason).toMatch(reason)
  expect(report.fallback).toBe(`Claude unavailable: ${fallbackCalls[0].reason}; offline analysis used`)
  expect(report).toMatchObject({provider: 'offline', summary: 'offline summary'})
  expect(report.usage).not.toBeNull()
  return report
}

describe('fallback to the offline analysis', () => {
  it('on 401 (bad key), without retrying', async () => {
    server.script(MARKER, submitFindings('never served', [finding()]))
    const {provider, fallbackCalls} = setup({apiKey: 'sk-ant-wrong'})
    const report = await provider.runSpecialist(specialistInput('database'))
    expect(fallbackCalls[0].reason).toMatch(/^authentication failed \(401, request req_fake_\d+\): check ANTHROPIC_API_KEY$/)
    expect(report.fallback).toMatch(/^Claude unavailable: authentication failed/)
    expect(server.requests).toHaveLength(1)
  })

  it('on 403', async () => {
    await expectFallback([apiError(403)], /^permission denied \(403/)
    expect(server.requests).toHaveLength(1)
  })

  it('on another 4xx, quoting the API message', async () => {
    await expectFallback([{kind: 'error', status: 400, errorType: 'invalid_request_error', message: 'prompt is too long'}], /^request rejected \(400, request req_fake_\d+\): prompt is too long$/)
  })

  it('on 429 once retries (honouring retry-after) are exhausted', async () => {
    await expectFallback([apiError(429, {'retry-after': '0.005'}), apiError(429, {'retry-after': '0.005'})], /^rate limited \(429.*\) after 1 retry$/)
    expect(server.requestsFor(MARKER)).toHaveLength(2)
  })

  it('not on a 429 that a retry gets past', async () => {
    server.script(MARKER, apiError(429, {'retry-after': '0.005'}), submitFindings('s', [finding()]))
    const {provider, fallbackCalls} = setup()
    const report = await provider.runSpecialist(specialistInput('database'))
    expect(fallbackCalls).toEqual([])
    expect(report.provider).toBe('anthropic')
  })

  it('on 500 once retries are exhausted', async () => {
    await expectFallback([apiError(500, retryFast), apiError(500, retryFast), apiError(500, retryFast)], /^API error 500, request req_fake_\d+ after 2 retries: fake 500$/, {maxRetries: 2})
    expect(server.requestsFor(MARKER)).toHaveLength(3)
  })

  it('on a server that accepts and never answers, within the timeout', async () => {
    const started = performance.now()
    await expectFallback([{kind: 'hang'}, {kind: 'hang'}], /^timed out after 150 ms \(and 1 retry\)$/, {timeoutMs: 150})
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('at the per-specialist deadline, however long the per-attempt timeout', async () => {
    const started = performance.now()
    await expectFallback([message([toolUse('list_evidence', {})]), {kind: 'hang'}], /^no answer within the 300 ms deadline$/, {
      timeoutMs: 60_000,
      deadlineMs: 300,
    })
    expect(performance.now() - started).toBeLessThan(5000)
    expect(server.requestsFor(MARKER)).toHaveLength(2)
  })

  it('on a base URL where nothing listens', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const {port} = probe.address() as {port: number}
        probe.close(() => resolve(port))
      })
    })
    await expectFallback([], /^connection failed \(ECONNREFUSED\) after 0 retries$/, {baseURL: `http://127.0.0.1:${closedPort}`, maxRetries: 0})
  })

  it('on invalid output twice', async () => {
    await expectFallback(
      [submitFindings('s', [{hypothesis: 'x'}]), submitFindings('s', [{hypothesis: 'y'}])],
      /^invalid output twice \(findings\.0\.category: .*\)$/,
    )
  })

  it('on a malformed reply body', async () => {
    await expectFallback([{kind: 'raw', status: 200, body: '{"content": "not blocks"}'}], /^malformed reply from the Messages API/)
  })

  it('when the token budget is exceeded, keeping the tokens already spent in usage', async () => {
    const report = await expectFallback(
      [message([toolUse('list_evidence', {})], {input_tokens: 9000, output_tokens: 1500})],
      /^token budget exceeded \(10500 of 10000 tokens used, no answer yet\)$/,
      {tokenBudget: 10_000},
    )
    expect(report.usage).toMatchObject({inputTokens: 9000, outputTokens: 1500})
  })

  it('still returns a report when the offline analysis fails too', async () => {
    server.script(MARKER, apiError(403))
    const provider = createAnthropicProvider({
      apiKey: server.apiKey,
      baseURL: server.baseURL,
      maxRetries: 0,
      fallback: async () => {
        throw new Error('no evidence store')
      },
    })
    const report = await provider.runSpecialist(specialistInput('database'))
    expect(SpecialistReportSchema.parse(report)).toEqual(report)
    expect(report.findings).toEqual([])
    expect(report.limitations).toEqual(['Offline analysis failed: no evidence store'])
    expect(report.fallback).toMatch(/^Claude unavailable: permission denied/)
  })
})
