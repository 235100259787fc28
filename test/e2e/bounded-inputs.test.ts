import {join} from 'node:path'
import {Readable} from 'node:stream'
import {describe, expect, it} from 'vitest'

import {readLines} from '../../src/evidence/logs/line-reader.js'
import {runCli, tempDir} from './cli-harness.js'

/** Issue L, item 7: no input takes unbounded work; each stops with a limitation that names why. */
describe('bounded work per input', () => {
  for (const [device, reason] of [
    ['/dev/zero', /no line break in 256 MiB: not a line-oriented text log, read stopped there/],
    ['/dev/urandom', /read stopped: 90% of the first 2,000 lines were binary, not a text log/],
  ] as const) {
    it(`--logs ${device} ends, with a limitation saying why`, async () => {
      const work = await tempDir('bounded')
      const started = Date.now()
      const run = await runCli(['--logs', device, '--severity', 'p2', '--symptoms', 'high-error-rate', '--non-interactive', '--json', '--out-dir', join(work, 'out')], {cwd: work})
      expect(run.code, run.stderr).toBe(0)
      expect(Date.now() - started).toBeLessThan(60_000)
      expect(JSON.parse(run.stdout).rca.limitations.join('\n')).toMatch(reason)
    }, 90_000)
  }

  const endless = (chunk: Buffer) => new Readable({read() { this.push(chunk) }})

  it('stops a source at its byte limit and at its time limit', async () => {
    const lines = Buffer.from('2026-11-12T14:00:00Z INFO ok\n'.repeat(1000))
    const bytes = await readLines('-', () => true, {stdin: endless(lines), sourceLimits: {maxBytes: 1024 * 1024}})
    expect(bytes.limitReached).toBe('read stopped after 1 MiB, the limit per input')
    expect(bytes.bytes).toBeLessThan(4 * 1024 * 1024)
    const time = await readLines('-', () => true, {stdin: endless(lines), sourceLimits: {maxMs: 200}})
    expect(time.limitReached).toBe('read stopped after 200 ms, the time limit per input')
    expect(time.lines).toBeGreaterThan(1000)
  })
})
