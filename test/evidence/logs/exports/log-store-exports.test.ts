import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {gzipSync} from 'node:zlib'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {analyzeLogs} from '../../../../src/evidence/logs/analyze-logs.js'
import {isLogDocument, looksLikeDocument, readLogDocument} from '../../../../src/evidence/logs/exports/read-log-document.js'
import {cloudLoggingEntries, cloudwatchEvents, datadogSearch, elasticsearchSearch, journalLines, lokiQueryRange} from './export-samples.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'exports-'))
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

const now = () => new Date('2026-01-01T00:00:00Z')
async function analyze(name: string, content: string | Buffer) {
  const file = path.join(dir, name)
  await writeFile(file, content)
  const {digest, items} = await analyzeLogs([file], {now, workers: 1})
  return {digest, items, file: digest.files[0]}
}

describe('log-store exports under --logs', () => {
  it('reads a Loki query_range answer on one line longer than the line cap, streams merged in time order, labels as fields', async () => {
    const {digest, file} = await analyze('loki.json', JSON.stringify(lokiQueryRange(70_000)))
    expect(file).toMatchObject({format: 'loki', lines: 4, skipped: []})
    expect(file.reading).toMatchObject({events: 4, timing: {own: 4, interpolated: 0, carried: 0, none: 0}, levels: {error: 3, info: 1}})
    expect(digest.timeRange).toEqual({from: '2025-06-20T13:14:38.000Z', to: '2025-06-20T13:14:41.000Z'})
    expect(digest.exceptions.map((e) => e.type)).toEqual(['java.lang.OutOfMemoryError'])
    expect(digest.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(['GET /api/cart'])
  })

  it('reads an Elasticsearch _search answer with ECS fields', async () => {
    const {digest, file} = await analyze('es.json', JSON.stringify(elasticsearchSearch, null, 2))
    expect(file).toMatchObject({format: 'elasticsearch', lines: 3})
    expect(file.reading!.levels).toMatchObject({error: 2, info: 0, unknown: 1})
    expect(digest.totals).toMatchObject({errors: 2, http5xx: 1})
    expect(digest.endpoints[0]).toMatchObject({method: 'POST', path: '/api/orders', http5xx: 1})
    expect(digest.clients.topIps?.[0].ip).toBe('203.0.113.9')
  })

  it('reads a Datadog logs answer, the level in status', async () => {
    const {digest, file} = await analyze('datadog.json', JSON.stringify(datadogSearch, null, 2))
    expect(file).toMatchObject({format: 'datadog', lines: 2})
    expect(digest.totals).toMatchObject({errors: 1, http5xx: 1})
    expect(digest.endpoints[0]).toMatchObject({method: 'POST', path: '/api/charge'})
  })

  it('reads CloudWatch Logs events, gzip-compressed', async () => {
    const {digest, file} = await analyze('cloudwatch.json.gz', gzipSync(JSON.stringify(cloudwatchEvents)))
    expect(file).toMatchObject({format: 'cloudwatch', lines: 2})
    expect(digest.totals.errors).toBe(1)
    expect(digest.timeRange).toEqual({from: '2025-06-20T13:14:38.000Z', to: '2025-06-20T13:14:39.000Z'})
  })

  it('reads Google Cloud Logging entries (gcloud --format=json), DEFAULT severity left to the text', async () => {
    const {digest, file} = await analyze('gcp.json', JSON.stringify(cloudLoggingEntries, null, 2))
    expect(file).toMatchObject({format: 'cloud-logging', lines: 3})
    expect(file.reading!.levels).toMatchObject({error: 2, unknown: 1})
    expect(digest.endpoints[0]).toMatchObject({method: 'GET', http5xx: 1})
  })

  it('reads journalctl -o json as JSON lines: microsecond time, MESSAGE, PRIORITY', async () => {
    const {digest, file} = await analyze('journal.json', journalLines.map((line) => JSON.stringify(line)).join('\n'))
    expect(file.format).toBe('json')
    expect(file.reading!.levels).toMatchObject({error: 1, warn: 1, info: 1})
    expect(digest.timeRange).toEqual({from: '2025-06-20T13:14:38.000Z', to: '2025-06-20T13:14:40.000Z'})
  })

  it('reads an array of log objects (jq -s) as entries', async () => {
    const {file, digest} = await analyze('array.json', JSON.stringify([{time: '2025-06-20T13:14:38Z', level: 'error', msg: 'a'}, {time: '2025-06-20T13:14:39Z', level: 'info', msg: 'b'}]))
    expect(file).toMatchObject({format: 'entries', lines: 2})
    expect(digest.totals.errors).toBe(1)
  })
})

describe('telling a document from lines', () => {
  it('takes JSON lines and bracketed plain text for lines, arrays and pretty or one-line exports for documents', () => {
    expect(looksLikeDocument('{"time":"2025-06-20T13:14:38Z","msg":"a"}\n{"time":"2025-06-20T13:14:39Z","msg":"b"}\n')).toBe(false)
    expect(looksLikeDocument('[2025-06-20 13:14:38] INFO started\n')).toBe(false)
    expect(looksLikeDocument('[\n  {"insertId": "1"}\n]')).toBe(true)
    expect(looksLikeDocument('{\n  "took": 5,\n')).toBe(true)
    expect(looksLikeDocument(JSON.stringify(cloudwatchEvents))).toBe(true)
    expect(looksLikeDocument(`{"status":"success","data":{"resultType":"streams","result":[{"stream":{},"values":[["1","${'x'.repeat(70_000)}`)).toBe(true)
  })

  it('never peeks into what is not a regular file', async () => {
    expect(await isLogDocument('-')).toBe(false)
    expect(await isLogDocument(dir)).toBe(false)
  })
})

describe('a broken export', () => {
  it('is refused naming the JSON path of the first problem', async () => {
    const broken = lokiQueryRange()
    ;(broken.data.result[1].values[1] as unknown[])[0] = 'yesterday'
    const file = path.join(dir, 'broken-loki.json')
    await writeFile(file, JSON.stringify(broken))
    await expect(readLogDocument(file)).rejects.toThrow('is not a valid Loki query_range answer: at data.result[1].values[1][0]: expected a timestamp in nanoseconds')
  })

  it('is refused saying where the syntax breaks, without quoting the text there (it may be a secret)', async () => {
    const file = path.join(dir, 'truncated.json')
    await writeFile(file, '{\n  "took": 5,\n  "hits": {"hits": [\n')
    await expect(readLogDocument(file)).rejects.toThrow('is not valid JSON (line 4, column 1: it ends early)')
    const garbled = path.join(dir, 'garbled.json')
    await writeFile(garbled, '{\n  "took": 5,\n  "hits": xoxb-123456789012-secret\n}')
    const refusal = await readLogDocument(garbled).catch((error: Error) => error.message)
    expect(refusal).toMatch(/is not valid JSON \(line 3, column 11: a value was expected/)
    expect(refusal).not.toMatch(/xoxb|hits"/)
  })

  it('is refused when it is JSON of no known export shape', async () => {
    const file = path.join(dir, 'config.json')
    await writeFile(file, JSON.stringify({data: {resultType: 'matrix', result: []}}, null, 2))
    await expect(readLogDocument(file)).rejects.toThrow(/at data\.resultType: /)
  })
})
