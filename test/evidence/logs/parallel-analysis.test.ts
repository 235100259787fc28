import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {exportAggregatorState, mergeAggregatorState} from '../../../src/evidence/logs/aggregator-state.js'
import {analyzeSource} from '../../../src/evidence/logs/analyze-source.js'
import {buildDigest} from '../../../src/evidence/logs/build-digest.js'
import {LogAggregator} from '../../../src/evidence/logs/log-aggregator.js'
import {analyzeInWorkers, splitForWorkers} from '../../../src/evidence/logs/parallel-analysis.js'

// Split and merge are checked in process first (what decides whether a parallel digest equals a
// sequential one), then once through a real worker thread.
const now = new Date('2024-03-02T00:00:00Z')
let dir: string
let log: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parallel-logs-'))
  log = path.join(dir, 'app.log')
  const lines: string[] = []
  const start = Date.UTC(2024, 2, 1, 13, 0, 0)
  for (let i = 0; i < 6000; i++) {
    const t = new Date(start + i * 1000).toISOString()
    if (i > 4000 && i % 5 === 0) {
      lines.push(`${t} ERROR OrderService - insert failed for order ${i}`)
      lines.push('java.lang.IllegalStateException: pool closed')
      lines.push('\tat com.shop.Pool.get(Pool.java:12)')
    } else if (i % 3 === 0) {
      // Some 5xx after line 4000, so the endpoints' per-minute series are compared too. Request
      // ids repeat every 1,200 lines: a failed request logged in two ranges is one request.
      lines.push(JSON.stringify({time: t, level: 'info', msg: 'request done', method: 'GET', path: `/api/items/${i}`, status: i > 4000 && i % 2 === 0 ? 503 : 200, user_id: `u${i % 50}`, client_ip: `10.0.0.${i % 200}`, request_id: `req-${i % 1200}`}))
    } else {
      lines.push(`${t} INFO worker-${i % 4} processed job ${i} in ${i % 90} ms`)
    }
  }
  await writeFile(log, `${lines.join('\n')}\n`)
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

const digestOptions = {onsetHint: null, redactIps: false, maxTemplates: 200, maxBucketsOut: 1440, maxEndpoints: 50, maxExceptions: 50, maxTopClients: 10}

describe('split and merge', () => {
  it('cuts at line starts outside stack traces', async () => {
    const ranges = (await splitForWorkers(log, 3, 1))!
    expect(ranges).toHaveLength(3)
    expect(ranges[0].start).toBe(0)
    for (let i = 1; i < ranges.length; i++) expect(ranges[i].start).toBe(ranges[i - 1].end)
  })

  it('never starts a range inside a trace, even on its unindented lines', async () => {
    // Events whose traces hold lines that start at column 0: an exception header, "Caused by:",
    // Python's final line, a Go function line. A range may only start at a timestamped line.
    const events = [
      ['ERROR order failed', 'java.lang.IllegalStateException: pool closed', '\tat com.shop.Pool.get(Pool.java:12)', 'Caused by: java.io.IOException: reset', '\tat com.shop.Net.read(Net.java:7)'],
      ['ERROR job failed', 'Traceback (most recent call last):', '  File "/app/job.py", line 3, in run', 'ValueError: bad input'],
      ['ERROR worker crashed', 'goroutine 1 [running]:', 'main.main()', '\t/app/main.go:12 +0x1d'],
    ]
    const start = Date.UTC(2024, 2, 1, 13, 0, 0)
    const lines = Array.from({length: 3000}, (_, i) => [`${new Date(start + i * 1000).toISOString()} ${events[i % 3][0]}`, ...events[i % 3].slice(1)]).flat()
    const traced = path.join(dir, 'traced.log')
    await writeFile(traced, `${lines.join('\n')}\n`)
    const content = lines.join('\n') + '\n'
    for (const workers of [2, 3, 5]) {
      const ranges = (await splitForWorkers(traced, workers, 1))!
      expect(ranges.length).toBeGreaterThan(1)
      for (const range of ranges.slice(1)) expect(content.slice(range.start, range.start + 5), `${workers} workers`).toBe('2024-')
    }
  })

  it('declines stdin, small files and gzip', async () => {
    expect(await splitForWorkers('-', 2, 1)).toBeNull()
    expect(await splitForWorkers(log, 2)).toBeNull()
    const gz = path.join(dir, 'x.gz')
    await writeFile(gz, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]))
    expect(await splitForWorkers(gz, 2, 1)).toBeNull()
  })

  it('merging range states gives the same digest as one pass, line refs included', async () => {
    const sequential = new LogAggregator()
    const file = await analyzeSource(log, sequential, now, {})
    sequential.totals.lines = file.lines
    const expected = buildDigest(sequential, [file], digestOptions)

    const merged = new LogAggregator()
    let offset = 0
    for (const range of (await splitForWorkers(log, 3, 1))!) {
      const part = new LogAggregator()
      const summary = await analyzeSource(log, part, now, {range})
      mergeAggregatorState(merged, structuredClone(exportAggregatorState(part)), offset)
      offset += summary.lines
    }
    merged.totals.lines = offset
    const actual = buildDigest(merged, [file], digestOptions)
    expect(offset).toBe(file.lines)
    expect(expected.digest.endpoints[0].series?.length).toBeGreaterThan(20)
    // 267 failed request lines (i in 4002…5994, i % 6 === 0, not i % 5 === 0) carry 160 distinct ids.
    expect(expected.digest.requestIds).toEqual({sources: [{file: log, kind: 'app', failed: 267, withId: 267}], capped: false})
    expect(expected.digest.buckets.reduce((sum, bucket) => sum + (bucket.failedRequestIds ?? 0), 0)).toBe(160)
    expect(actual.digest).toEqual(expected.digest)
    expect(actual.items).toEqual(expected.items)
  })
  it('endpoints merged from a range keep counting when more lines of the next file arrive', async () => {
    const once = new LogAggregator()
    await analyzeSource(log, once, now, {})
    const merged = new LogAggregator()
    let offset = 0
    for (const range of (await splitForWorkers(log, 2, 1))!) {
      const part = new LogAggregator()
      offset += (await analyzeSource(log, part, now, {range})).lines
      mergeAggregatorState(merged, structuredClone(exportAggregatorState(part)), offset)
    }
    await analyzeSource(log, merged, now, {})
    expect(merged.endpoints.size).toBe(once.endpoints.size)
    expect(once.endpoints.size).toBeGreaterThan(0)
    for (const [key, endpoint] of once.endpoints) expect(merged.endpoints.get(key)?.total, key).toBe(endpoint.total * 2)
  })

  it('a real worker thread reads the later range and the digest is still the sequential one', async () => {
    const sequential = new LogAggregator()
    const file = await analyzeSource(log, sequential, now, {})
    sequential.totals.lines = file.lines
    const expected = buildDigest(sequential, [file], digestOptions)

    const parallel = new LogAggregator()
    const {threads, ...summary} = await analyzeInWorkers(log, (await splitForWorkers(log, 2, 1))!, parallel, now, {})
    expect(threads).toBe(2) // the worker really ran: one that failed would leave 1
    parallel.totals.lines = summary.lines
    expect(summary.lines).toBe(file.lines)
    expect(summary.bytes).toBe(file.bytes)
    const actual = buildDigest(parallel, [summary], digestOptions)
    expect(actual.digest).toEqual(expected.digest)
    expect(actual.items).toEqual(expected.items)
  }, 30_000)
})
