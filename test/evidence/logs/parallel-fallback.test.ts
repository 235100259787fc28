import {EventEmitter} from 'node:events'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'

import {analyzeSource} from '../../../src/evidence/logs/analyze-source.js'
import {LogAggregator} from '../../../src/evidence/logs/log-aggregator.js'
import {analyzeInWorkers, splitForWorkers} from '../../../src/evidence/logs/parallel-analysis.js'

// Every worker thread dies at start (as one would on a resource limit or a missing file in dist/).
vi.mock('node:worker_threads', () => ({
  Worker: class extends EventEmitter {
    constructor() {
      super()
      setImmediate(() => this.emit('error', new Error('worker could not start')))
    }
  },
}))

const now = new Date('2024-03-02T00:00:00Z')
let dir: string
let log: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parallel-fallback-'))
  log = path.join(dir, 'app.log')
  const start = Date.UTC(2024, 2, 1, 13, 0, 0)
  const lines = Array.from({length: 3000}, (_, i) => `${new Date(start + i * 1000).toISOString()} ${i % 7 === 0 ? 'ERROR' : 'INFO'} job ${i} done`)
  await writeFile(log, `${lines.join('\n')}\n`)
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

describe('a worker that fails', () => {
  it('has its range read on the main thread: every line still counted', async () => {
    const sequential = new LogAggregator()
    const file = await analyzeSource(log, sequential, now, {})

    const parallel = new LogAggregator()
    const summary = await analyzeInWorkers(log, (await splitForWorkers(log, 3, 1))!, parallel, now, {})
    expect(summary.lines).toBe(3000)
    expect(summary.threads).toBe(1)
    expect(parallel.totals.events).toBe(sequential.totals.events)
    expect(parallel.totals.errors).toBe(sequential.totals.errors)
    expect(file.lines).toBe(3000)
  })
})
