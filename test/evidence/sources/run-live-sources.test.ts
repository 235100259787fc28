import {mkdtemp, readdir, readFile, rm, stat} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {prometheusAdapter} from '../../../src/evidence/sources/prometheus/prometheus-adapter.js'
import {runLiveSources} from '../../../src/evidence/sources/run-live-sources.js'
import {DEFAULT_SOURCE_BUDGET} from '../../../src/evidence/sources/source-budget.js'
import {type FakeServer, json, startFakeServer} from '../../integrations/fakes/fake-server.js'
import {closedPort} from './closed-port.js'

const TOKEN = 'PROMsecret-7f3a9c'
const question = {
  window: {from: new Date('2026-11-20T09:00:00Z'), to: new Date('2026-11-20T13:00:00Z')},
  declaredAt: new Date('2026-11-20T12:10:00Z'),
  symptoms: ['high-error-rate'] as const,
  service: null,
}
const matrix = (values: Array<[number, string]>) => ({status: 'success', data: {resultType: 'matrix', result: [{metric: {job: 'api'}, values}]}})

describe('a live source that fails becomes a limitation naming it and the setting to fix', () => {
  let dir: string
  let server: FakeServer | null = null
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ir-live-'))
  })
  afterEach(async () => {
    await server?.close()
    server = null
    await rm(dir, {recursive: true, force: true})
  })

  const run = (url: string, limits = DEFAULT_SOURCE_BUDGET) =>
    runLiveSources([prometheusAdapter({url, auth: {bearerToken: TOKEN}, userQueries: []})], {incidentDir: dir, question, limits, redactIps: false})

  it('unreachable: names the URL flag, and saves no manifest so the next run asks again', async () => {
    const port = await closedPort()
    const [manifest] = await run(`http://127.0.0.1:${port}`)
    expect(manifest.limitations).toEqual([
      `Prometheus (http://127.0.0.1:${port}): unreachable (ECONNREFUSED); nothing was read from it — check --prometheus (the base URL of the Prometheus HTTP API, e.g. http://prometheus:9090).`,
    ])
    expect(await stat(join(dir, 'evidence/sources/prometheus/manifest.json')).catch(() => null)).toBeNull()
  })

  it('401: names the credential variables, and the token appears nowhere', async () => {
    server = await startFakeServer((request) =>
      json(401, {status: 'error', errorType: 'unauthorized', error: `invalid token in header ${String(request.headers.authorization)}`}),
    )
    const [manifest] = await run(server.url)
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(manifest.limitations).toEqual([
      expect.stringMatching(/^Prometheus \(http:\/\/127\.0\.0\.1:\d+\): 401 unauthorized: invalid token in header Bearer \*\*\*; nothing was read from it — check PROMETHEUS_BEARER_TOKEN, or PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD/),
    ])
    expect(JSON.stringify(manifest)).not.toContain(TOKEN)
  })

  it('a malformed answer: says so and names the URL', async () => {
    server = await startFakeServer(() => ({status: 200, headers: {'content-type': 'text/html'}, body: '<html>Grafana login</html>'}))
    const [manifest] = await run(server.url)
    expect(manifest.limitations).toEqual([expect.stringContaining('answered 200 with a body that is not JSON; nothing was read from it — check --prometheus')])
  })

  it('a query_range answer of the wrong shape is not used, and the others are', async () => {
    server = await startFakeServer((request) => {
      if (request.path.startsWith('/api/v1/label/')) return json(200, {status: 'success', data: ['http_requests_total', 'up']})
      if (request.path.includes('query=topk%2820%2C+min+by')) return json(200, {status: 'success', data: {resultType: 'vector', result: []}})
      return json(200, {...matrix([[1763629200, '0.5'], [1763629260, '0.7']]), warnings: ['PromQL warning: encountered a mix of histograms and floats']})
    })
    const [manifest] = await run(server.url)
    expect(manifest.answers.map((a) => a.name)).toEqual(['http-request-rate', 'http-error-ratio'])
    expect(manifest.limitations).toEqual(
      expect.arrayContaining([
        expect.stringContaining('the answer to target-up is not a query_range result (resultType vector is not a range (matrix) result), so it was not used'),
        expect.stringContaining('warned on http-error-ratio: PromQL warning: encountered a mix of histograms and floats.'),
      ]),
    )
  })

  it('never answers: stops at the time budget', async () => {
    server = await startFakeServer(() => 'hang')
    const [manifest] = await run(server.url, {...DEFAULT_SOURCE_BUDGET, seconds: 1})
    expect(manifest.limitations).toEqual([expect.stringContaining('stopped at the time budget (1 s); nothing was read from it — raise sources.budget.seconds in the config file.')])
  })

  it('an answer bigger than the byte budget is cut off, and what was saved before counts', async () => {
    let calls = 0
    server = await startFakeServer((request) => {
      if (request.path.startsWith('/api/v1/label/')) return json(200, {status: 'success', data: ['http_requests_total']})
      calls++
      const points = calls === 1 ? 10 : 200_000
      return json(200, matrix(Array.from({length: points}, (_, i) => [1763629200 + i * 15, String(i)])))
    })
    const [manifest] = await run(server.url, {...DEFAULT_SOURCE_BUDGET, megabytes: 1})
    expect(manifest.answers).toHaveLength(1)
    expect(manifest.stats.bytes).toBeLessThanOrEqual(1024 * 1024 + 65_536)
    expect(manifest.limitations).toEqual([expect.stringContaining('stopped at the byte budget (1 MB); the 1 answer(s) saved before count — raise sources.budget.megabytes')])
    expect(await readdir(join(dir, 'evidence/sources/prometheus'))).toContain('manifest.json')
    expect(await readFile(join(dir, manifest.answers[0].file), 'utf8')).toContain('"resultType":"matrix"')
  })
})
