import {afterEach, describe, expect, it} from 'vitest'

import {DeliveryError} from '../../src/integrations/http/delivery-error.js'
import {createHttpClient, type HttpClientOptions} from '../../src/integrations/http/http-client.js'
import {type FakeServer, json, startFakeServer} from './fakes/fake-server.js'

const TOKEN = 'tok-SECRET-http-7f3a9c'

let server: FakeServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function clientFor(url: string, overrides: Partial<HttpClientOptions> = {}) {
  const sleeps: number[] = []
  const client = createHttpClient({
    service: 'Test',
    baseUrl: url,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => 0,
    now: () => new Date('2026-11-30T12:00:00Z'),
    secrets: [TOKEN],
    ...overrides,
  })
  return {client, sleeps}
}

async function failureOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(DeliveryError)
  return error as DeliveryError
}

describe('createHttpClient', () => {
  it('sends JSON with the configured headers and returns the body', async () => {
    server = await startFakeServer(() => json(200, {hello: 'world'}, {'x-request-id': 'req-1'}))
    const {client} = clientFor(server.url, {headers: {authorization: `Bearer ${TOKEN}`}})
    const response = await client.request({method: 'POST', path: '/v1/things', json: {a: 1}, idempotencyKey: 'key-1'})
    expect(response.json()).toEqual({hello: 'world'})
    expect(response.requestId).toBe('req-1')
    const [request] = server.requests
    expect(request.method).toBe('POST')
    expect(request.path).toBe('/v1/things')
    expect(request.headers['content-type']).toBe('application/json')
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(request.headers['idempotency-key']).toBe('key-1')
    expect(request.json).toEqual({a: 1})
  })

  it.each([408, 429, 500, 502, 503])('retries %i of a GET and succeeds, with doubling backoff', async (status) => {
    server = await startFakeServer(() => json(200, {ok: true}))
    server.script(json(status, {error: 'busy'}), json(status, {error: 'busy'}))
    const {client, sleeps} = clientFor(server.url)
    const response = await client.request({method: 'GET', path: '/'})
    expect(response.status).toBe(200)
    expect(server.requests).toHaveLength(3)
    expect(sleeps).toEqual([500, 1000])
  })

  it.each([400, 401, 403, 404, 409, 410, 422])('does not retry %i, and says the vendor refused', async (status) => {
    server = await startFakeServer(() => json(status, {error: 'nope'}))
    const {client, sleeps} = clientFor(server.url)
    const error = await failureOf(client.request({method: 'GET', path: '/'}))
    expect(error.status).toBe(status)
    expect(error.retryable).toBe(false)
    expect(error.outcome).toBe('refused')
    expect(server.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it.each([408, 409, 429, 500, 503])('never resends a POST itself (%i): one request, the outcome for the delivery policy', async (status) => {
    server = await startFakeServer(() => json(status, {error: 'busy'}, {'retry-after': '120'}))
    const {client, sleeps} = clientFor(server.url)
    const error = await failureOf(client.request({method: 'POST', path: '/', json: {}}))
    expect(server.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
    expect(error.outcome).toBe(status >= 500 ? 'unknown' : 'refused')
    expect(error.retryAfterMs).toBe(120_000)
  })

  it('resends a POST marked idempotent (a search)', async () => {
    server = await startFakeServer(() => json(200, {ok: true}))
    server.script(json(503, {}))
    const {client} = clientFor(server.url)
    await client.request({method: 'POST', path: '/search', json: {}, idempotent: true})
    expect(server.requests).toHaveLength(2)
  })

  it("reads Jira's x-ratelimit-reset time", async () => {
    server = await startFakeServer(() => json(429, {}, {'x-ratelimit-reset': '2026-11-30T12:01:30Z'}))
    const {client} = clientFor(server.url, {maxRetries: 0})
    const error = await failureOf(client.request({method: 'GET', path: '/'}))
    expect(error.retryAfterMs).toBe(90_000)
  })

  it('honours Retry-After in seconds, as an HTTP date, and retry-after-ms', async () => {
    server = await startFakeServer(() => json(200, {}))
    server.script(
      json(429, {}, {'retry-after': '3'}),
      json(429, {}, {'retry-after': 'Mon, 30 Nov 2026 12:00:04 GMT'}),
      json(503, {}, {'retry-after-ms': '250', 'retry-after': '9'}),
    )
    const {client, sleeps} = clientFor(server.url, {maxRetries: 3})
    await client.request({method: 'GET', path: '/'})
    expect(sleeps).toEqual([3000, 4000, 250])
  })

  it("honours PagerDuty's ratelimit-reset when there is no Retry-After", async () => {
    server = await startFakeServer(() => json(200, {}))
    server.script(json(429, {}, {'ratelimit-reset': '2'}))
    const {client, sleeps} = clientFor(server.url)
    await client.request({method: 'GET', path: '/'})
    expect(sleeps).toEqual([2000])
  })

  it('does not wait out a Retry-After longer than 5 s: fails with the delay asked, for the outbox to defer', async () => {
    server = await startFakeServer(() => json(429, {error: 'slow down'}, {'retry-after': '6'}))
    const {client, sleeps} = clientFor(server.url)
    const error = await failureOf(client.request({method: 'GET', path: '/'}))
    expect(error.retryable).toBe(true)
    expect(error.status).toBe(429)
    expect(error.retryAfterMs).toBe(6000)
    expect(sleeps).toEqual([])
  })

  it('applies up to 25% jitter and caps the backoff at 8 s', async () => {
    server = await startFakeServer(() => json(500, {}))
    const {client, sleeps} = clientFor(server.url, {maxRetries: 6, random: () => 1})
    await failureOf(client.request({method: 'GET', path: '/'}))
    expect(sleeps).toEqual([375, 750, 1500, 3000, 6000, 6000])
  })

  it('gives up after maxRetries with a retryable error carrying status and request id', async () => {
    server = await startFakeServer(() => json(500, {error: 'rollup_error'}, {'x-request-id': 'req-9'}))
    const {client} = clientFor(server.url)
    const error = await failureOf(client.request({method: 'GET', path: '/'}))
    expect(server.requests).toHaveLength(3)
    expect(error.message).toBe('Test: 500 rollup_error')
    expect(error).toMatchObject({service: 'Test', status: 500, requestId: 'req-9', retryable: true})
  })

  it('times out a hanging server and retries it', async () => {
    server = await startFakeServer(() => 'hang')
    const {client, sleeps} = clientFor(server.url, {timeoutMs: 100, maxRetries: 1})
    const error = await failureOf(client.request({method: 'GET', path: '/'}))
    expect(error.message).toBe('Test: no answer within 100 ms')
    expect(error.retryable).toBe(true)
    expect(server.requests).toHaveLength(2)
    expect(sleeps).toHaveLength(1)
  })

  it('retries network errors of a GET and reports the reason without the URL', async () => {
    const closed = await startFakeServer(() => json(200, {}))
    const url = `${closed.url}/services/${TOKEN}`
    await closed.close()
    const {client, sleeps} = clientFor(url)
    const error = await failureOf(client.request({method: 'GET'}))
    expect(error.message).toBe('Test: network error (ECONNREFUSED)')
    expect(sleeps).toHaveLength(2)
  })

  it('tells a POST that never left (connection refused) from one that may have arrived (reset, timeout)', async () => {
    const closed = await startFakeServer(() => json(200, {}))
    await closed.close()
    expect((await failureOf(clientFor(closed.url).client.request({method: 'POST', json: {}}))).outcome).toBe('not-sent')

    server = await startFakeServer(() => json(200, {}))
    server.inject({method: 'POST'}, {kind: 'act-then-reset'}, {kind: 'act-then-hang'})
    const {client} = clientFor(server.url, {timeoutMs: 100})
    const reset = await failureOf(client.request({method: 'POST', path: '/', json: {}}))
    expect(reset.outcome).toBe('unknown')
    const timeout = await failureOf(client.request({method: 'POST', path: '/', json: {}}))
    expect([timeout.outcome, timeout.message]).toEqual(['unknown', 'Test: no answer within 100 ms'])
    expect(server.requests).toHaveLength(2)
  })

  it('names the setting to fix and never echoes a secret from the body', async () => {
    server = await startFakeServer(() => json(401, {error: `token ${TOKEN} is invalid`}))
    const {client} = clientFor(server.url, {settingFor: (status) => (status === 401 ? 'TEST_TOKEN' : null)})
    const error = await failureOf(client.request({method: 'GET', path: '/'}))
    expect(error.message).toBe('Test: 401 token *** is invalid — check TEST_TOKEN')
  })

  it('reads a plain-text error code (Slack webhooks)', async () => {
    server = await startFakeServer(() => ({status: 404, body: 'channel_not_found'}))
    const {client} = clientFor(server.url)
    const error = await failureOf(client.request({method: 'POST', path: '/', json: {}}))
    expect(error.message).toBe('Test: 404 channel_not_found')
  })

  it('stops when the caller aborts', async () => {
    server = await startFakeServer(() => 'hang')
    const {client} = clientFor(server.url)
    const controller = new AbortController()
    const pending = client.request({method: 'GET', path: '/', signal: controller.signal})
    await server.received(1)
    controller.abort()
    const error = await failureOf(pending)
    expect(error.message).toBe('Test: request cancelled')
    expect(server.requests).toHaveLength(1)
  })
})
