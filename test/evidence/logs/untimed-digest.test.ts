import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {analyzeLogs} from '../../../src/evidence/logs/analyze-logs.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'untimed-digest-'))
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

const declared = Date.parse('2025-06-20T13:10:00Z')

describe('the digest of untimed and sparsely timed logs', () => {
  it('counts untimed lines at their anchor: since a declared onset they are new, cited at the anchor and said to be approximate', async () => {
    const file = path.join(dir, 'stdout.log')
    await writeFile(file, ['Starting worker', 'java.lang.OutOfMemoryError: Java heap space', 'Starting worker', 'java.lang.OutOfMemoryError: Java heap space'].join('\n'))
    const {digest, items} = await analyzeLogs([file], {
      now: () => new Date('2026-01-01T00:00:00Z'),
      onsetHint: new Date(declared),
      reading: {reference: {at: declared, offsetMinutes: null, source: 'started-at'}},
    })
    expect(digest.onset).toBeNull()
    const oom = digest.templates.find((t) => t.template.includes('OutOfMemoryError'))!
    expect(oom).toMatchObject({count: 2, incidentCount: 2, baselineCount: 0, isNew: true, surgeScore: 0, firstSeen: null, levels: ['error']})
    const item = items.find((i) => i.id === oom.evidenceId)!
    expect(item.at).toBe('2025-06-20T13:10:00.000Z')
    expect(item.summary).toContain('(untimed lines; time approximate, anchored on --started-at)')
    expect(item.data).toMatchObject({approximateTime: true})
  })

  it('splits timed lines at the declared time when the logs show no change-point', async () => {
    const file = path.join(dir, 'timed.log')
    await writeFile(file, ['2025-06-20T13:00:00Z INFO ready', '2025-06-20T13:11:00Z ERROR payment provider timed out', '2025-06-20T13:12:00Z INFO ready'].join('\n'))
    const {digest} = await analyzeLogs([file], {now: () => new Date('2026-01-01T00:00:00Z'), onsetHint: new Date(declared)})
    expect(digest.onset).toBeNull()
    expect(digest.templates.find((t) => t.template.includes('timed out'))).toMatchObject({incidentCount: 1, baselineCount: 0, isNew: true})
    expect(digest.templates.find((t) => t.template.includes('ready'))).toMatchObject({incidentCount: 1, baselineCount: 1, isNew: false})
  })
})
