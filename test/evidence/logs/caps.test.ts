import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {analyzeLogs} from '../../../src/evidence/logs/analyze-logs.js'
import {capSentences} from '../../../src/evidence/logs/cap-notes.js'

// Memory is bounded by caps (issue J, item 3): past a cap the analysis goes on, and the digest
// says which cap was hit, what it kept and how many events it left out of the detailed counts.
const now = () => new Date('2024-03-02T00:00:00Z')
let dir: string
let log: string
const start = Date.UTC(2024, 2, 1, 13, 0, 0)

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'log-caps-'))
  log = path.join(dir, 'app.log')
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima']
  const lines: string[] = []
  for (let i = 0; i < 120; i++) {
    const t = new Date(start + i * 1000).toISOString()
    // 12 endpoints, 10 request lines each; 12 exception types, 10 each; messages of 12 distinct shapes.
    const w = words[i % 12]
    lines.push(JSON.stringify({time: t, level: 'error', msg: `${w} ${words[(i + 5) % 12]} stage failed`, method: 'GET', path: `/api/${w}`, status: 500, client_ip: `10.0.${i % 12}.1`, user_id: `user-${w}`, request_id: `req-${i}`}))
    lines.push(`${t} ERROR worker failed`)
    lines.push(`com.shop.${w[0].toUpperCase()}${w.slice(1)}Exception: boom`)
    lines.push(`\tat com.shop.${w}.Run.go(Run.java:1)`)
  }
  await writeFile(log, `${lines.join('\n')}\n`)
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

describe('caps of the log analysis', () => {
  it('are not reported when no cap is hit', async () => {
    const {digest} = await analyzeLogs([log], {now, workers: 1})
    expect(digest.capped).toBeUndefined()
    expect(digest.endpoints).toHaveLength(12)
  })

  it('say what each cap kept and how many events it left out of the detailed counts', async () => {
    const {digest} = await analyzeLogs([log], {now, workers: 1, limits: {maxEndpoints: 4, maxExceptions: 3, maxDistinctClients: 5, maxFailedRequestIds: 50}, miner: {maxClusters: 3}})
    const byWhat = Object.fromEntries((digest.capped ?? []).map((hit) => [hit.what, hit]))
    expect(byWhat.endpoints).toEqual({what: 'endpoints', kept: 4, uncounted: 80})
    expect(byWhat.exceptions).toEqual({what: 'exceptions', kept: 3, uncounted: 90})
    expect(byWhat.clients).toEqual({what: 'clients', kept: 5, uncounted: null})
    expect(byWhat['request-ids']).toEqual({what: 'request-ids', kept: 50, uncounted: null})
    expect(digest.requestIds).toEqual({sources: [{file: log, kind: 'app', failed: 120, withId: 120}], capped: true})
    expect(digest.buckets.reduce((sum, bucket) => sum + (bucket.failedRequestIds ?? 0), 0)).toBe(50)
    expect(byWhat.templates?.kept).toBe(3)
    expect(byWhat.templates?.uncounted).toBeGreaterThan(0)
    // The totals still count every line.
    expect(digest.totals.requests).toBe(120)
    expect(digest.endpoints.reduce((sum, endpoint) => sum + endpoint.total, 0)).toBe(40)
    expect(digest.clients.capped).toBe(true)
  })

  it('read as one sentence each for the limitations', () => {
    expect(capSentences([{what: 'endpoints', kept: 2000, uncounted: 12_345}])).toEqual(['Logs: more endpoints than the 2,000 kept; 12,345 request line(s) of the others count in the totals but not per endpoint.'])
    expect(capSentences([{what: 'request-ids', kept: 100_000, uncounted: null}])).toEqual(['Logs: more failed requests with an id than the 100,000 ids kept; failed requests are counted from one source, not matched by request id.'])
    expect(capSentences(undefined)).toEqual([])
  })
})
