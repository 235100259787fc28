import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {PassThrough} from 'node:stream'
import {gzipSync} from 'node:zlib'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {EvidenceItemSchema} from '../../../src/incident/evidence-item.js'
import {analyzeLogs} from '../../../src/evidence/logs/analyze-logs.js'
import {LogDigestSchema} from '../../../src/evidence/logs/log-digest.js'

const now = () => new Date('2024-03-02T00:00:00Z')
let dir: string
const file = async (name: string, content: string | Buffer) => {
  const target = path.join(dir, name)
  await writeFile(target, content)
  return target
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'analyze-logs-'))
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

/** 60 quiet minutes with a 1% error background, then 20 minutes of a new failing insert. */
function incidentLog(): string {
  const lines: string[] = []
  const start = Date.UTC(2024, 2, 1, 13, 0, 0)
  for (let minute = 0; minute < 80; minute++) {
    for (let i = 0; i < 50; i++) {
      const t = new Date(start + minute * 60_000 + i * 1000).toISOString()
      const incident = minute >= 60
      if (incident && i % 3 === 0) {
        lines.push(`${t} ERROR [w-${i % 4}] OrderService - insert into orders violates not-null constraint on column "currency" for order ${minute * 100 + i}`)
        lines.push('org.postgresql.util.PSQLException: ERROR: null value in column "currency"')
        lines.push('\tat com.shop.orders.OrderRepository.insert(OrderRepository.java:88)')
      } else if (i === 7 && minute % 2 === 0) {
        lines.push(`${t} ERROR [w-1] Mailer - smtp timeout after ${i * 10} ms`)
      } else {
        lines.push(`${t} INFO [w-${i % 4}] OrderService - processed order ${minute * 100 + i} in ${i} ms`)
      }
    }
  }
  return `${lines.join('\n')}\n`
}

describe('analyzeLogs', () => {
  it('finds the onset, ranks the new error template first and cites real lines', async () => {
    const log = await file('app.log', incidentLog())
    const {digest, items} = await analyzeLogs([log], {now})
    LogDigestSchema.parse(digest)
    for (const item of items) EvidenceItemSchema.parse(item)

    expect(digest.files[0]).toMatchObject({format: 'plain', lines: 4000 + 17 * 20 * 2})
    expect(digest.onset?.at).toBe('2024-03-01T14:00:00.000Z')
    const top = digest.templates[0]
    expect(top.template).toContain('insert into orders violates not-null constraint')
    expect(top).toMatchObject({isNew: true, baselineCount: 0, incidentCount: 340, levels: ['error']})
    expect(digest.exceptions[0]).toMatchObject({type: 'org.postgresql.util.PSQLException', count: 340})
    expect(digest.exceptions[0].frames[0]).toEqual({file: 'OrderRepository.java', line: 88, function: 'com.shop.orders.OrderRepository.insert'})
    const lines = incidentLog().split('\n')
    expect(lines[top.ref.line - 1]).toContain('insert into orders')
    const templateItem = items.find((item) => item.id === top.evidenceId)!
    expect(templateItem.summary).toMatch(/^340× ERROR .*insert into orders.*\(new since onset 14:00Z\)$/)
    expect(items.find((item) => item.kind === 'log-onset')?.id).toBe(digest.onset?.evidenceId)
  })

  it('gives the same ids for the same input', async () => {
    const log = await file('same.log', incidentLog())
    const first = await analyzeLogs([log], {now})
    const second = await analyzeLogs([log], {now})
    expect(second.items.map((i) => [i.id, i.summary])).toEqual(first.items.map((i) => [i.id, i.summary]))
  })

  it('uses the onset hint to choose between two incidents', async () => {
    const lines: string[] = []
    const start = Date.UTC(2024, 2, 1, 10, 0, 0)
    for (let minute = 0; minute < 200; minute++) {
      const burst = (minute >= 40 && minute < 60) || (minute >= 150 && minute < 170)
      for (let i = 0; i < 20; i++) {
        const t = new Date(start + minute * 60_000 + i * 2000).toISOString()
        lines.push(burst && i % 2 === 0 ? `${t} ERROR upstream refused connection` : `${t} INFO ok ${i}`)
      }
    }
    const log = await file('two.log', lines.join('\n'))
    expect((await analyzeLogs([log], {now})).digest.onset?.at).toBe('2024-03-01T10:40:00.000Z')
    const hinted = await analyzeLogs([log], {now, onsetHint: new Date('2024-03-01T12:35:00Z')})
    expect(hinted.digest.onset?.at).toBe('2024-03-01T12:30:00.000Z')
  })

  it('counts the distinct users seen in error lines', async () => {
    const lines = ['u1', 'u2', 'u3', 'u2', 'u2'].map((user, i) => JSON.stringify({time: `2024-03-01T12:0${i}:00Z`, level: user === 'u2' && i > 1 ? 'error' : 'info', msg: 'checkout', user_id: user}))
    const stdin = new PassThrough()
    stdin.end(lines.join('\n'))
    const {digest} = await analyzeLogs(['-'], {now, stdin})
    expect(digest.clients).toMatchObject({distinctUsers: 3, usersWithErrors: 1})
  })

  it('counts every request of an endpoint whose method is absurdly long under one row', async () => {
    const method = 'PROPFIND'.padEnd(30, 'X')
    const lines = Array.from({length: 5}, (_, i) => JSON.stringify({time: `2024-03-01T12:0${i}:00Z`, msg: 'request', method, path: '/dav', status: 207}))
    const {digest} = await analyzeLogs([await file('dav.log', lines.join('\n'))], {now})
    expect(digest.endpoints).toHaveLength(1)
    expect(digest.endpoints[0]).toMatchObject({path: '/dav', total: 5})
  })

  it('counts failed lines per client IP and says how concentrated they are', async () => {
    // A credential-stuffing pattern: two addresses send most of the 401s, many others log in fine.
    const lines = Array.from({length: 300}, (_, i) => {
      const attacker = i % 3 !== 0
      const ip = attacker ? (i % 2 ? '203.0.113.7' : '198.51.100.23') : `10.1.0.${i % 50}`
      return `${ip} - - [01/Mar/2024:12:${String(Math.floor(i / 10)).padStart(2, '0')}:00 +0000] "POST /api/login HTTP/1.1" ${attacker ? 401 : 200} 10 "-" "curl"`
    })
    const {digest, items} = await analyzeLogs([await file('access.log', lines.join('\n'))], {now})
    expect(digest.clients.topIps?.slice(0, 2)).toEqual([
      {ip: '198.51.100.23', count: 100, failures: 100},
      {ip: '203.0.113.7', count: 100, failures: 100},
    ])
    expect(digest.clients).toMatchObject({distinctIps: 52, ipsWithFailures: 2})
    expect(digest.endpoints).toMatchObject([{method: 'POST', path: '/api/login', total: 300, errors: 0, denied: 200}])
    expect(items.find((item) => item.kind === 'log-endpoint')?.summary).toBe('POST /api/login: 0 errors (0 5xx), 200 denied (401/403) of 300 requests')
    const byIp = items.find((item) => item.kind === 'log-clients')!
    expect(byIp.summary).toContain('together 100.0% of all 200 failed lines; 2 of 52 IPs had failures')

    const redacted = await analyzeLogs([await file('access2.log', lines.join('\n'))], {now, redactIps: true})
    expect(JSON.stringify(redacted)).not.toContain('203.0.113.7')
  })

  it('reads JSON lines, access logs, gzip and stdin, with endpoints, users and latency', async () => {
    const json = Array.from({length: 40}, (_, i) =>
      JSON.stringify({time: `2024-03-01T14:${String(i).padStart(2, '0')}:00+02:00`, level: i >= 30 ? 'error' : 'info', msg: 'request done', method: 'GET', path: `/api/orders/${i}`, status: i >= 30 ? 503 : 200, duration_ms: i >= 30 ? 900 : 20, user_id: `u${i % 3}`}),
    ).join('\n')
    const access = Array.from({length: 40}, (_, i) => `10.0.0.${i} - - [01/Mar/2024:12:${String(i).padStart(2, '0')}:00 +0000] "POST /api/cart HTTP/1.1" ${i >= 30 ? 502 : 201} 10 "-" "k6" 0.0${i >= 30 ? 9 : 1}0`).join('\n')
    const gz = await file('access.log.gz', gzipSync(access))
    const stdin = new PassThrough()
    stdin.end(json)
    const {digest} = await analyzeLogs(['-', gz], {now, stdin})
    expect(digest.files.map((f) => [f.path, f.format, f.lines])).toEqual([
      ['-', 'json', 40],
      [gz, 'access', 40],
    ])
    expect(digest.timeRange).toEqual({from: '2024-03-01T12:00:00.000Z', to: '2024-03-01T12:39:00.000Z'})
    expect(digest.totals).toMatchObject({requests: 80, http5xx: 20, errors: 20})
    expect(digest.endpoints.map((e) => `${e.method} ${e.path} ${e.http5xx}`)).toEqual(['POST /api/cart 10', 'GET /api/orders/:id 10'])
    // Access-log and application request lines are counted apart, each endpoint with its per-minute series.
    expect(digest.endpoints.map((e) => e.source)).toEqual(['access', 'app'])
    const cart = digest.endpoints[0].series!
    expect(cart).toHaveLength(40)
    expect(cart.reduce((sum, [, total]) => sum + total, 0)).toBe(40)
    expect(cart.filter(([, , failed]) => failed > 0).map(([at]) => new Date(at).toISOString().slice(11, 16))).toEqual(Array.from({length: 10}, (_, i) => `12:${30 + i}`))
    const requests = digest.buckets.reduce((sum, b) => ({access: sum.access + (b.accessRequests ?? 0), accessFailed: sum.accessFailed + (b.accessFailed ?? 0), app: sum.app + (b.appRequests ?? 0), appFailed: sum.appFailed + (b.appFailed ?? 0)}), {access: 0, accessFailed: 0, app: 0, appFailed: 0})
    expect(requests).toEqual({access: 40, accessFailed: 10, app: 40, appFailed: 10})
    expect(digest.clients).toMatchObject({distinctUsers: 3, distinctIps: 40, ipsWithFailures: 10})
    expect(digest.onset?.at).toBe('2024-03-01T12:30:00.000Z')
    expect(digest.latency).toMatchObject({p50BaselineMs: expect.closeTo(15, -1), p95IncidentMs: expect.any(Number)})
    expect(digest.latency!.p50IncidentMs!).toBeGreaterThan(80)
  })

  it('redacts every seeded secret kind out of the digest and items', async () => {
    const secrets = [
      'AKIAIOSFODNN7EXAMPLE',
      'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
      'hunter2pw',
      's3cr3tpass',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'jane.doe@example.com',
      '4111 1111 1111 1111',
      'abcDEF123456789bearer',
    ]
    const lines = [
      `2024-03-01T14:00:01Z ERROR aws key ${secrets[0]} rejected`,
      `2024-03-01T14:00:02Z ERROR token ${secrets[1]} expired`,
      `2024-03-01T14:00:03Z ERROR login failed password=${secrets[2]}`,
      `2024-03-01T14:00:04Z ERROR cannot reach postgres://app:${secrets[3]}@db:5432/x`,
      `2024-03-01T14:00:05Z ERROR bad session ${secrets[4]}`,
      `2024-03-01T14:00:06Z ERROR mail to ${secrets[5]} bounced`,
      `2024-03-01T14:00:07Z ERROR card ${secrets[6]} declined`,
      `2024-03-01T14:00:08Z ERROR upstream said Authorization: Bearer ${secrets[7]}`,
      `{"time":"2024-03-01T14:00:09Z","level":"error","msg":"db login","password":"${secrets[2]}","user_id":"${secrets[5]}"}`,
    ]
    const log = await file('secrets.log', lines.join('\n'))
    const result = await analyzeLogs([log], {now})
    const text = JSON.stringify(result)
    for (const secret of secrets) expect(text).not.toContain(secret)
    for (const kind of ['aws-key', 'api-key', 'password', 'jwt', 'email', 'card', 'bearer-token']) expect(text).toContain(`[REDACTED:${kind}]`)
  })

  it('attaches Node, Python and Go traces to the event that started them', async () => {
    const lines = [
      '2024-03-01T14:00:00Z ERROR unhandled rejection',
      "TypeError: Cannot read properties of undefined (reading 'id')",
      '    at placeOrder (/app/src/orders.js:88:13)',
      '2024-03-01T14:00:01Z ERROR job failed',
      'Traceback (most recent call last):',
      '  File "/app/jobs.py", line 42, in run',
      "KeyError: 'currency'",
      '2024-03-01T14:00:02Z INFO shutting down',
      'panic: runtime error: invalid memory address or nil pointer dereference',
      'goroutine 1 [running]:',
      'main.(*Cart).Total(0x0)',
      '\t/app/cart.go:42 +0x1d',
    ]
    const {digest} = await analyzeLogs([await file('traces.log', lines.join('\n'))], {now})
    expect(digest.templates.reduce((sum, t) => sum + t.count, 0)).toBe(4)
    expect(digest.exceptions.map((e) => `${e.type} ${e.frames[0]?.file}:${e.frames[0]?.line}`).sort()).toEqual([
      'KeyError /app/jobs.py:42',
      'TypeError /app/src/orders.js:88',
      'panic /app/cart.go:42',
    ])
    const panic = digest.templates.find((t) => t.template.startsWith('panic:'))!
    expect(panic).toMatchObject({levels: ['error'], ref: {line: 9}})
  })

  it('masks IPs only when asked', async () => {
    const log = await file('ips.log', '2024-03-01T14:00:01Z ERROR refused from 192.168.7.9\n')
    expect(JSON.stringify(await analyzeLogs([log], {now}))).toContain('192.168.7.9')
    expect(JSON.stringify(await analyzeLogs([log], {now, redactIps: true}))).not.toContain('192.168.7.9')
  })
})

describe('analyzeLogs on bad input', () => {
  it('survives an empty file', async () => {
    const {digest} = await analyzeLogs([await file('empty.log', '')], {now})
    expect(digest.files[0]).toMatchObject({format: 'empty', lines: 0})
    expect(digest.timeRange).toBeNull()
    expect(digest.onset).toBeNull()
  })

  it('skips binary content and keeps invalid UTF-8 text', async () => {
    const binary = Buffer.concat([Buffer.from('2024-03-01T14:00:00Z INFO ok\n'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 10]), Buffer.from([0xc3, 0x28, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 10])])
    const {digest} = await analyzeLogs([await file('bin.log', binary)], {now})
    const reasons = Object.fromEntries(digest.files[0].skipped.map((s) => [s.reason, s.count]))
    expect(reasons['binary content']).toBe(1)
    expect(reasons['invalid UTF-8 (kept with replacement characters)']).toBe(2)
    expect(digest.files[0].lines).toBe(3)
  })

  it('cuts a 10 MB line without holding it', async () => {
    const huge = `2024-03-01T14:00:00Z ERROR ${'x'.repeat(10 * 1024 * 1024)}\n2024-03-01T14:00:01Z INFO after\n`
    const {digest} = await analyzeLogs([await file('huge.log', huge)], {now})
    expect(digest.files[0].lines).toBe(2)
    expect(digest.files[0].skipped).toContainEqual({reason: 'line longer than 65536 chars (truncated)', count: 1})
    expect(JSON.stringify(digest).length).toBeLessThan(100_000)
  })

  it('keeps what it read from a truncated gzip and says so', async () => {
    const body = Array.from({length: 2000}, (_, i) => `2024-03-01T14:00:${String(i % 60).padStart(2, '0')}Z INFO line ${i}`).join('\n')
    const gz = gzipSync(body)
    const {digest} = await analyzeLogs([await file('cut.log.gz', gz.subarray(0, Math.floor(gz.length * 0.6)))], {now})
    expect(digest.files[0].skipped.some((s) => s.reason.startsWith('read stopped early'))).toBe(true)
    expect(digest.files[0].lines).toBeGreaterThan(0)
  })

  it('distrusts future timestamps and counts out-of-order ones', async () => {
    const lines = ['2024-03-01T14:00:00Z INFO a', '2024-03-01T13:59:00Z INFO b', '2031-01-01T00:00:00Z ERROR from the future', 'no timestamp here']
    const {digest} = await analyzeLogs([await file('time.log', lines.join('\n'))], {now})
    const reading = digest.files[0].reading!
    expect(digest.files[0].skipped).toEqual([])
    expect(reading.adjusted).toEqual([
      {reason: 'timestamp out of order (kept)', count: 1},
      {reason: 'timestamp in the future (time taken from the neighbouring lines)', count: 1},
    ])
    // The future line and the untimed one come after the last timed line: they carry its time.
    expect(reading.timing).toEqual({own: 2, interpolated: 0, carried: 2, none: 0})
    expect(digest.timeRange).toEqual({from: '2024-03-01T13:59:00.000Z', to: '2024-03-01T14:00:00.000Z'})
  })

  it('reports a missing file as a read error instead of throwing', async () => {
    const {digest} = await analyzeLogs([path.join(dir, 'nope.log')], {now})
    expect(digest.files[0].skipped[0].reason).toMatch(/read stopped early: ENOENT/)
  })
})
