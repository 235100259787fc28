import {readdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {runCli, tempDir} from './cli-harness.js'

describe('failure signatures from the config file, end to end', () => {
  it('stops with exit 1 naming the file and the entry when a pattern is broken, before reading any evidence', async () => {
    const work = await tempDir('user-signatures')
    const config = join(work, '.incident-response.yaml')
    await writeFile(config, 'signatures:\n  - id: acme-broken\n    failure: timeout\n    match:\n      patterns: ["(unclosed"]\n')
    await writeFile(join(work, 'app.log'), '2026-11-30T10:00:00Z ERROR boom\n')
    const result = await runCli(['--severity', 'p1', '--symptoms', 'high-error-rate', '--logs', 'app.log', '--out-dir', join(work, 'out'), '--non-interactive'], {cwd: work})
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${config}: signature "acme-broken" (signatures[0]) is invalid: match.patterns[0] "(unclosed" is not a valid regular expression`)
    expect(result.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/)
    expect(await readdir(join(work, 'out')).catch(() => [])).toEqual([])
  })
})
