import {mkdir, readdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {runCli, tempDir} from './cli-harness.js'

describe('bad input gets one clear line, the right exit code, and no half-written incident', () => {
  let work: string
  let log: string
  const cli = (args: string[]) => runCli([...args, '--out-dir', join(work, 'out')], {cwd: work})

  beforeAll(async () => {
    work = await tempDir('bad-input')
    log = join(work, 'app.log')
    await writeFile(log, '2026-11-30T10:00:00Z ERROR boom\n')
    await mkdir(join(work, 'not-a-repo'))
  })

  // Each case is its own process, so they run side by side; none may leave anything in the out dir.
  it.concurrent.each([
    [['--severity', 'sev1', '--symptoms', 'high-error-rate'], 2, /Unknown severity "sev1"/],
    [['--severity', 'p1', '--symptoms', 'slow,broken'], 2, /Unknown symptoms: slow, broken/],
    [['--severity', 'p1'], 2, /Missing --symptoms/],
    [['--symptoms', 'high-error-rate', '--non-interactive'], 2, /Missing --severity/],
    [['--severity', 'p1', '--symptoms', 'high-error-rate', '--logs', 'nope.log'], 1, /--logs nope.log does not exist/],
    [['--severity', 'p1', '--symptoms', 'high-error-rate', '--repo', 'not-a-repo'], 1, /is not a git repository/],
    [['--severity', 'p1', '--symptoms', 'high-error-rate', '--started-at', 'yesterday'], 2, /not an ISO 8601 time/],
    [['--severity', 'p1', '--symptoms', 'high-error-rate', '--lookback', '48'], 2, /Invalid duration/],
    [['--id', '../../etc'], 2, /Not an incident id/],
    [['--id', 'incident-2000-01-01-000000'], 1, /No incident incident-2000-01-01-000000/],
    [['--bogus'], 2, /Unknown flag --bogus\./],
    [['--severity', 'p1', '--symptoms', 'high-error-rate', '--threads', '0'], 2, /--threads: expected an integer greater than or equal to 1 but received: 0\./],
    [['--severity', 'p1', '--symptoms', 'high-error-rate', '--threads', 'two'], 2, /--threads: expected an integer but received: two\./],
    [['--severty', 'p1'], 2, /Unknown flag --severty\.\n {2}→ Did you mean --severity\?/],
    [['lsit'], 2, /Unknown command "lsit"\.\n {2}→ Did you mean `incident-response list`\?/],
    [['note', '--id', 'incident-2026-11-12-140900'], 2, /Missing the TEXT \(What happened or was decided\) argument of `note`\./],
    [['resolve', '--resolutoin', 'x'], 2, /Unknown flag --resolutoin for `resolve`\.\n {2}→ Did you mean --resolution\?/],
    [['--severity', 'p1', '--symptoms', 'high-error-rate', '--provider', 'anthropic'], 2, /ANTHROPIC_API_KEY is not set/],
  ])('%j → exit %i', async (args, code, message) => {
    const result = await cli(args as string[])
    expect(result.code).toBe(code)
    expect(result.stderr).toMatch(message)
    expect(result.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/) // no stack trace
    expect(await readdir(join(work, 'out')).catch(() => [])).toEqual([])
  })

  it('reports the error as JSON on stdout with --json', async () => {
    const result = await cli(['--severity', 'sev1', '--symptoms', 'high-error-rate', '--json'])
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stdout).error).toMatchObject({kind: 'usage', exitCode: 2})
  })
})
