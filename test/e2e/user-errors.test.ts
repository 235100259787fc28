import {execFileSync, spawn} from 'node:child_process'
import {chmod, cp, mkdir, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {BIN, runCli, tempDir, type CliResult} from './cli-harness.js'

/**
 * Issue L, item 8: every case that ended in "Internal error … This is a bug" is now a clear user
 * error (exit 1 or 2) or a limitation, never a stack trace.
 */
function expectCleanError(result: CliResult, code: 1 | 2, message: RegExp): void {
  expect(result.code, result.stderr).toBe(code)
  expect(result.stderr).toMatch(message)
  expect(result.stderr + result.stdout).not.toMatch(/Internal error|This is a bug|\n\s+at .+:\d+:\d+/)
}

/** The CLI as a user without write access: root writes anywhere, so as root it runs as nobody. */
function runWithoutPrivileges(args: string[], cwd: string): Promise<CliResult> {
  if (process.getuid?.() !== 0) return runCli(args, {cwd})
  return new Promise((done, fail) => {
    const child = spawn('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], {cwd, env: {PATH: process.env.PATH, HOME: cwd, NO_COLOR: '1'}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', fail)
    child.on('close', (code) => done({code, stdout, stderr}))
  })
}

const LOG = '2026-11-12T14:00:00Z INFO ok\n2026-11-12T14:02:00Z ERROR insert into orders failed\n2026-11-12T14:03:00Z ERROR insert into orders failed\n'

describe('user mistakes and damaged folders are user errors (issue L, item 8)', () => {
  let work: string
  let golden: string
  let id: string
  const base = (...more: string[]) => ['--logs', join(work, 'app.log'), '--severity', 'p2', '--symptoms', 'high-error-rate', '--non-interactive', ...more]

  beforeAll(async () => {
    work = await tempDir('user-errors')
    await writeFile(join(work, 'app.log'), LOG)
    golden = join(work, 'golden')
    const run = await runCli([...base('--json', '--out-dir', golden, '--postmortem')], {cwd: work})
    expect(run.code, run.stderr).toBe(0)
    id = JSON.parse(run.stdout).id
  }, 60_000)

  it('a CSV with an unclosed quote is a limitation naming the file', async () => {
    await writeFile(join(work, 'bad.csv'), 'timestamp,http_5xx_rate\n2026-11-12T14:00:00Z,"0.1\n')
    const run = await runCli([...base('--metrics', join(work, 'bad.csv'), '--json', '--out-dir', join(work, 'o1'))], {cwd: work})
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout).rca.limitations.join('\n')).toMatch(/bad\.csv: not a readable CSV \(Quote Not Closed/)
  })

  it('a .json file holding [1,2,3] is not read as a CSV', async () => {
    await writeFile(join(work, 'arr.json'), '[1,2,3]\n')
    const run = await runCli([...base('--metrics', join(work, 'arr.json'), '--json', '--out-dir', join(work, 'o2'))], {cwd: work})
    expect(run.code, run.stderr).toBe(0)
    const json = JSON.parse(run.stdout)
    expect(json.rca.limitations.join('\n')).toMatch(/arr\.json: not a Prometheus query_range response/)
    const [folder] = await readdir(join(work, 'o2'))
    const metrics = JSON.parse(await readFile(join(work, 'o2', folder, 'evidence', 'metrics.json'), 'utf8'))
    expect(metrics.series).toEqual([])
  })

  it('--lookback 99999999999h is a usage error', async () => {
    expectCleanError(await runCli(base('--lookback', '99999999999h', '--out-dir', join(work, 'o3')), {cwd: work}), 2, /Duration "99999999999h" is too long/)
  })

  it('a database URL the driver cannot parse is a usage error that does not print its password', async () => {
    const result = await runCli(base('--database-url', 'postgres://u:s3cretPw9@[::1:5432/db', '--out-dir', join(work, 'o4')), {cwd: work})
    expectCleanError(result, 2, /--database-url is not a PostgreSQL URL/)
    expect(result.stderr).not.toContain('s3cretPw9')
  })

  it('an --out-dir that is a file, a link to nowhere or below a file is a user error', async () => {
    await writeFile(join(work, 'a-file'), 'x')
    await symlink(join(work, 'nowhere'), join(work, 'dangling'))
    expectCleanError(await runCli(base('--out-dir', join(work, 'a-file')), {cwd: work}), 1, /--out-dir .*a-file is a file, not a folder/)
    expectCleanError(await runCli(base('--out-dir', join(work, 'dangling')), {cwd: work}), 1, /--out-dir .*dangling is a symbolic link to .*nowhere, which does not exist/)
    expectCleanError(await runCli(base('--out-dir', join(work, 'a-file', 'sub')), {cwd: work}), 1, /a-file\/sub.*a part of it is a file, not a folder/)
  })

  it('an --out-dir this user may not write in is a user error', async () => {
    const locked = join(work, 'locked')
    await mkdir(locked)
    await chmod(locked, 0o555)
    await chmod(work, 0o755)
    await chmod(join(work, 'app.log'), 0o644)
    expectCleanError(await runWithoutPrivileges(base('--out-dir', locked), work), 1, /Permission denied creating the incident folder .*locked\/incident-/)
    expectCleanError(await runWithoutPrivileges(base('--out-dir', join(locked, 'sub')), work), 1, /Permission denied creating the out-dir .*locked\/sub\./)
    expect(await readdir(locked)).toEqual([])
  })

  it("--id '' is a usage error for the pipeline and the lifecycle commands", async () => {
    for (const args of [base('--id', '', '--out-dir', golden), ['note', 'x', '--id', '', '--out-dir', golden], ['show', '--id', '', '--out-dir', golden]]) {
      expectCleanError(await runCli(args, {cwd: work}), 2, /Error: .*incident id/i)
    }
    expect(await readdir(golden)).toEqual([id])
  })

  it('a repository owned by another user is reported as such, not as "not a git repository"', async () => {
    const repo = join(work, 'foreign-repo')
    await mkdir(repo)
    execFileSync('git', ['init', '-q', repo])
    const result = await runCli(base('--repo', repo, '--out-dir', join(work, 'o5')), {cwd: work, env: {GIT_TEST_ASSUME_DIFFERENT_OWNER: '1'}})
    expectCleanError(result, 1, /owned by another user, which git refuses to read \("dubious ownership"\)/)
    expect(result.stderr).toContain('safe.directory')
  })

  const damage: Array<[string, (dir: string) => Promise<void>, string[], RegExp]> = [
    ['incident.json is a folder', async (dir) => { await rm(join(dir, 'incident.json')); await mkdir(join(dir, 'incident.json')) }, ['show'], /incident\.json.*is a folder/],
    ['incident.json is cut short', async (dir) => writeFile(join(dir, 'incident.json'), (await readFile(join(dir, 'incident.json'), 'utf8')).slice(0, 40)), ['show'], /incident\.json is damaged: it is not valid JSON/],
    ['incident.json is [1,2,3]', async (dir) => writeFile(join(dir, 'incident.json'), '[1,2,3]'), ['note', 'x'], /incident\.json is damaged: it does not match its schema/],
    ['rca.json is garbage', async (dir) => writeFile(join(dir, 'rca.json'), '\u0000\u0001garbage'), ['postmortem'], /rca\.json is damaged/],
    ['the evidence manifest is cut short', async (dir) => writeFile(join(dir, 'evidence', 'manifest.json'), '{"schemaVersion": 1, "win'), ['postmortem'], /evidence file .*manifest\.json is damaged: it is not valid JSON/],
    ['an evidence part is a folder', async (dir) => { await rm(join(dir, 'evidence', 'logs.json')); await mkdir(join(dir, 'evidence', 'logs.json')) }, ['postmortem'], /evidence file .*logs\.json is damaged: it cannot be read \(EISDIR\)/],
  ]
  for (const [name, corrupt, command, message] of damage) {
    it(`a damaged folder: ${name}`, async () => {
      const outDir = join(work, `damaged-${name.replace(/\W+/g, '-')}`)
      await cp(golden, outDir, {recursive: true})
      await corrupt(join(outDir, id))
      expectCleanError(await runCli([...command, '--id', id, '--out-dir', outDir], {cwd: work}), 1, message)
    })
  }
})
