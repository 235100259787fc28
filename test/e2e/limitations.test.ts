import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {runCli, tempDir} from './cli-harness.js'

describe('evidence that cannot be examined becomes a limitation, and the incident completes', () => {
  it('reports a refused database, gappy metrics and a missing repository in the RCA', async () => {
    const work = await tempDir('limits')
    const log = join(work, 'app.log')
    await writeFile(log, ['2026-11-30T10:00:00Z INFO ok', '2026-11-30T10:05:00Z ERROR upstream timed out', '\u0000\u0001binary\u0002'].join('\n') + '\n')
    const metrics = join(work, 'metrics.csv')
    await writeFile(metrics, 'timestamp,http_5xx_rate\n2026-11-30T10:00:00Z,0.01\n2026-11-30T10:01:00Z,NaN\n2026-11-30T10:02:00Z,\n2026-11-30T10:03:00Z,0.02\n')
    const result = await runCli(
      ['--logs', log, '--metrics', metrics, '--database-url', 'postgres://diag:s3cret-pw@127.0.0.1:1/app', '--severity', 'p2', '--symptoms', 'database-issues', '--non-interactive', '--json', '--out-dir', join(work, 'out')],
      {cwd: work},
    )
    expect(result.code, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout)
    const limitations = json.rca.limitations.join('\n')
    expect(limitations).toMatch(/not a git repository/)
    expect(limitations).toMatch(/PostgreSQL|database/i)
    expect(result.stdout + result.stderr).not.toContain('s3cret-pw')
    expect(json.phases.rca.status).toBe('done')
  }, 60_000)
})
