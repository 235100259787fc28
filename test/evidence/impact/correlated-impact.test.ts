import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {countRequestImpact} from '../../../src/evidence/impact/request-impact.js'
import {analyzeLogs} from '../../../src/evidence/logs/analyze-logs.js'
import type {AggregatorLimits} from '../../../src/evidence/logs/log-aggregator.js'
import type {IncidentArc} from '../../../src/incident/incident-arc.js'

// One failed request is one failure (issue 16, item 2): an access log and the application behind
// it log the same requests under the same ids, nginx's $request_id passed on as X-Request-ID.
const now = () => new Date('2026-11-13T00:00:00Z')
const T0 = Date.parse('2026-11-12T14:00:00Z')
const arc: IncidentArc = {onset: '2026-11-12T14:10:00.000Z', peak: null, mitigation: null, attempts: [], recovery: null, endOfImpact: '2026-11-12T14:20:00.000Z', notRecovered: [], evidenceEnd: '2026-11-12T14:20:00.000Z'}
let dir: string

const hex = (n: number) => n.toString(16).padStart(32, '0')
const accessStamp = (ms: number) => {
  const d = new Date(ms)
  const month = d.toLocaleString('en-US', {month: 'short', timeZone: 'UTC'})
  return `${String(d.getUTCDate()).padStart(2, '0')}/${month}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`
}
const access = (ms: number, status: number, id: string) => `192.0.2.7 - - [${accessStamp(ms)}] "POST /api/checkout HTTP/1.1" ${status} 120 "-" "curl/8.5.0" 0.020 ${id}`
const app = (ms: number, status: number, id: string | null) =>
  JSON.stringify({time: new Date(ms).toISOString(), level: status >= 500 ? 'error' : 'info', msg: 'request completed', route: 'POST /api/checkout', status, ...(id ? {request_id: id} : {})})

/**
 * Twenty minutes, ten requests a minute through nginx; from 14:10, per minute: four fail in both
 * logs, one fails only in nginx (the upstream timed out), one fails in nginx with no id written,
 * and one more request, an internal call that bypasses nginx, fails in the application only.
 */
function lines(withIds: boolean): {access: string[]; app: string[]} {
  const out = {access: [] as string[], app: [] as string[]}
  let n = 0
  for (let minute = 0; minute < 20; minute++) {
    const incident = minute >= 10
    for (let k = 0; k < 10; k++) {
      const at = T0 + minute * 60_000 + k * 5000
      const id = hex(++n)
      const failsInBoth = incident && k < 4
      const accessOnly = incident && k === 4
      const noId = incident && k === 5
      out.access.push(access(at, failsInBoth ? 502 : accessOnly ? 504 : noId ? 502 : 200, withIds && !noId ? id : '-'))
      if (!accessOnly && !noId) out.app.push(app(at + 3, failsInBoth ? 500 : 200, id))
    }
    if (incident) out.app.push(app(T0 + minute * 60_000 + 59_000, 500, hex(++n)))
  }
  return out
}

/** The files written into a folder of their own and analysed together, in the order given. */
async function analyze(name: string, files: Record<string, string[]>, limits: Partial<AggregatorLimits> = {}) {
  await mkdir(path.join(dir, name))
  const paths: string[] = []
  for (const [file, content] of Object.entries(files)) {
    paths.push(path.join(dir, name, file))
    await writeFile(paths.at(-1)!, `${content.join('\n')}\n`)
  }
  return (await analyzeLogs(paths, {now, workers: 1, limits})).digest
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'correlated-impact-'))
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

describe('failed requests matched by request id', () => {
  it('counts a request that failed in the access log and the application once, and one that failed in only one of them still', async () => {
    const {access: accessLines, app: appLines} = lines(true)
    const digest = await analyze('both', {'app.log': appLines, 'access.log': accessLines})
    const impact = countRequestImpact(digest, arc)!
    // Per incident minute: 4 in both + 1 nginx only + 1 nginx without id + 1 application only.
    expect(impact.during).toEqual({total: 110, failed: 70})
    expect(impact.baseline).toEqual({total: 100, failed: 0})
    expect(impact.source).toBe('access')
    expect(impact.correlatedAcross).toEqual(['app.log', 'access.log'])
    // Either log alone gives another count: the access log misses the internal call, the
    // application the requests that never reached it; added up, 40 requests would count twice.
    const buckets = digest.buckets.slice(10)
    expect(buckets.reduce((sum, b) => sum + (b.accessFailed ?? 0), 0)).toBe(60)
    expect(buckets.reduce((sum, b) => sum + (b.appFailed ?? 0), 0)).toBe(50)
  })

  it('matches two services that log the same ids, with no access log', async () => {
    const {app: appLines} = lines(true)
    const digest = await analyze('services', {'gateway.log': appLines, 'orders.log': appLines.filter((line) => line.includes('"status":500'))})
    const impact = countRequestImpact(digest, arc)!
    expect(impact).toMatchObject({source: 'app', correlatedAcross: ['gateway.log', 'orders.log'], during: {failed: 50}})
  })

  it('counts from the access log alone when its lines carry no id, as in the bundled example', async () => {
    const {access: accessLines, app: appLines} = lines(false)
    const digest = await analyze('no-ids', {'app.log': appLines, 'access.log': accessLines})
    const impact = countRequestImpact(digest, arc)!
    expect(impact).toMatchObject({source: 'access', files: ['access.log'], correlatedAcross: null, during: {total: 100, failed: 60}})
  })

  it('counts from one source when more failed ids came than were kept', async () => {
    const {access: accessLines, app: appLines} = lines(true)
    const digest = await analyze('capped', {'app.log': appLines, 'access.log': accessLines}, {maxFailedRequestIds: 20})
    expect(digest.capped).toContainEqual({what: 'request-ids', kept: 20, uncounted: null})
    expect(countRequestImpact(digest, arc)).toMatchObject({source: 'access', correlatedAcross: null, during: {total: 100, failed: 60}})
  })
})
