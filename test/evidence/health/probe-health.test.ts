import {createServer, type Server, type ServerResponse} from 'node:http'
import type {Socket} from 'node:net'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {UsageError} from '../../../src/errors/errors.js'
import {EvidenceItemSchema} from '../../../src/incident/evidence-item.js'
import {HealthDigestSchema} from '../../../src/evidence/health/health-digest.js'
import {probeHealth} from '../../../src/evidence/health/probe-health.js'

describe('probeHealth against local servers', () => {
  const held: ServerResponse[] = []
  const sockets = new Set<Socket>()
  let server: Server
  let base = ''
  let refusedUrl = ''
  let authorization = ''

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/ok') {
        res.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify({status: 'ok', detail: 'x'.repeat(1000), token: 'api_key=sk_live_abcdefghijklmnop'}))
      } else if (req.url?.startsWith('/down')) {
        authorization = req.headers.authorization ?? ''
        res.writeHead(503, {'content-type': 'application/json'}).end('{"status":"down","db":"connection refused"}')
      } else if (req.url === '/slow-body') {
        res.writeHead(200, {'content-type': 'text/plain'})
        res.write('partial')
        held.push(res)
      } else {
        held.push(res) // /hang: never answers
      }
    })
    server.on('connection', (socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as {port: number}).port}`

    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    refusedUrl = `http://127.0.0.1:${(closed.address() as {port: number}).port}/health`
    await new Promise((resolve) => closed.close(resolve))
  })
  afterAll(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => server.close(resolve))
  })

  it('records status, latency, a redacted body excerpt and why a probe failed', async () => {
    const now = () => new Date('2026-11-20T12:00:00Z')
    const {digest, items, limitations} = await probeHealth(
      [`${base}/ok`, `http://user:pw-secret@127.0.0.1:${new URL(base).port}/down?token=abc123secret`, `${base}/hang`, `${base}/slow-body`, refusedUrl],
      {timeoutMs: 1500, now},
    )
    expect(limitations).toEqual([])
    expect(HealthDigestSchema.parse(JSON.parse(JSON.stringify(digest)))).toEqual(digest)
    const [ok, down, hang, slowBody, refused] = digest.probes

    expect(ok).toMatchObject({status: 200, ok: true, error: null, contentType: 'application/json', probedAt: '2026-11-20T12:00:00.000Z'})
    expect(ok.bodyExcerpt!.length).toBeLessThanOrEqual(300)
    expect(ok.latencyMs).toBeLessThan(1500)

    expect(down).toMatchObject({status: 503, ok: false, error: null, bodyExcerpt: '{"status":"down","db":"connection refused"}'})
    expect(down.url).toBe(`${base}/down`)
    expect(authorization).toBe(`Basic ${Buffer.from('user:pw-secret').toString('base64')}`)

    expect(hang).toMatchObject({status: null, ok: false, error: 'timeout'})
    expect(hang.latencyMs).toBeGreaterThanOrEqual(1490)
    expect(slowBody).toMatchObject({error: 'timeout', ok: false})
    expect(refused).toMatchObject({status: null, error: 'refused', errorDetail: 'ECONNREFUSED'})

    for (const item of items) EvidenceItemSchema.parse(item)
    expect(items.map((i) => [i.id, i.kind])).toEqual([
      ['ev-health-1', 'healthy'],
      ['ev-health-2', 'unhealthy'],
      ['ev-health-3', 'unreachable'],
      ['ev-health-4', 'unreachable'],
      ['ev-health-5', 'unreachable'],
    ])
    expect(items[1].summary).toBe(`GET ${base}/down → 503 in ${down.latencyMs} ms: {"status":"down","db":"connection refused"}`)
    const text = JSON.stringify({digest, items})
    expect(text).not.toContain('pw-secret')
    expect(text).not.toContain('abc123secret')
    expect(text).not.toContain('sk_live_abcdefghijklmnop')
  })
})

describe('probeHealth with an injected fetch', () => {
  const failing = (cause: object): typeof fetch => async () => {
    throw new TypeError('fetch failed', {cause})
  }

  it.each([
    [{code: 'ENOTFOUND'}, 'dns'],
    [{code: 'EAI_AGAIN'}, 'dns'],
    [{code: 'ECONNRESET'}, 'reset'],
    [{code: 'CERT_HAS_EXPIRED'}, 'tls'],
    [{code: 'UND_ERR_CONNECT_TIMEOUT'}, 'timeout'],
    [{message: 'something odd'}, 'other'],
  ])('classifies %j as %s', async (cause, kind) => {
    const {digest} = await probeHealth(['https://api.example.test/healthz'], {fetch: failing(cause)})
    expect(digest.probes[0]).toMatchObject({error: kind, status: null, ok: false})
  })

  it('rejects URLs that are not http(s) as usage errors', async () => {
    await expect(probeHealth(['not a url'])).rejects.toThrow(UsageError)
    await expect(probeHealth(['ftp://host/x'])).rejects.toThrow(UsageError)
  })
})
