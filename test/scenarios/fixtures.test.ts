import {execFile, execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {gunzipSync} from 'node:zlib'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {ROOT_CAUSE_CATEGORIES} from '../../src/incident/vocabulary.js'
import {createGitRepo} from './fixtures/builders/git-repo.js'
import {logfmtLine, nginxLine, postgresLine, syslogLine} from './fixtures/builders/log-writers.js'
import {SCENARIOS, type Scenario, type ScenarioInputs} from './fixtures/index.js'

const execFileAsync = promisify(execFile)
const HOUR = 3_600_000
const roots: string[] = []
afterAll(() => roots.forEach((root) => rmSync(root, {recursive: true, force: true})))

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scenario-fixtures-'))
  roots.push(dir)
  return dir
}

interface LoggedCommit {
  sha: string
  authorDate: string
  committerDate: string
  subject: string
}

async function gitLog(repo: string): Promise<LoggedCommit[]> {
  const {stdout} = await execFileAsync('git', ['log', '--format=%H%x09%aI%x09%cI%x09%s'], {cwd: repo})
  return stdout
    .trim()
    .split('\n')
    .map((line) => line.split('\t'))
    .map(([sha, authorDate, committerDate, subject]) => ({sha, authorDate, committerDate, subject}))
}

function readText(path: string): string {
  const bytes = readFileSync(path)
  return path.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8')
}

describe('scenario catalogue', () => {
  it('has at least 12 scenarios with unique names', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(12)
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length)
  })

  it('covers every root-cause category of the vocabulary', () => {
    const covered = new Set(SCENARIOS.map((s) => s.expected.category))
    expect([...ROOT_CAUSE_CATEGORIES].filter((category) => !covered.has(category))).toEqual([])
  })

  it('names a culprit exactly when the category is a change kind', () => {
    const changeKinds = new Set(['code-change', 'database-migration', 'config-change', 'dependency-upgrade', 'feature-flag'])
    for (const scenario of SCENARIOS) {
      const {category, culpritSubject, culpritSource} = scenario.expected
      expect({name: scenario.name, hasCulprit: culpritSubject !== null, hasSource: culpritSource !== null}).toEqual({
        name: scenario.name,
        hasCulprit: changeKinds.has(category),
        hasSource: changeKinds.has(category),
      })
    }
  })

  it('includes the hard cases: no-change incidents with decoys, a flag flip, a commit after onset', () => {
    const noChange = SCENARIOS.filter((s) => s.expected.culpritSubject === null)
    expect(noChange.length).toBeGreaterThanOrEqual(6)
    expect(SCENARIOS.some((s) => s.expected.culpritSource === 'deploy-event')).toBe(true)
  })
})

interface Built {
  dir: string
  inputs: ScenarioInputs
  commits: LoggedCommit[]
}

// Built once, concurrently: builds wait on git processes, so overlapping them saves wall time.
const builds = new Map<string, Built>()
beforeAll(async () => {
  await Promise.all(
    SCENARIOS.map(async (scenario) => {
      const dir = tempDir()
      const inputs = await scenario.build(dir)
      builds.set(scenario.name, {dir, inputs, commits: inputs.repo ? await gitLog(inputs.repo) : []})
    }),
  )
  // Dozens of git repositories: 10 s on an idle machine, over the default 30 s on a loaded one.
}, 120_000)

describe.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s', (_name, scenario: Scenario) => {
  const build = async () => builds.get(scenario.name)!
  const onset = Date.parse(scenario.expected.onset)

  it('writes every input it names, inside its directory', async () => {
    const {dir, inputs} = await build()
    const files = [...inputs.logs, ...inputs.metrics, ...(inputs.deploys ? [inputs.deploys] : [])]
    expect(inputs.logs.length).toBeGreaterThan(0)
    for (const file of files) {
      expect(file.startsWith(dir), file).toBe(true)
      expect(statSync(file).size, file).toBeGreaterThan(0)
    }
    for (const log of inputs.logs) expect(readText(log).split('\n').length, log).toBeGreaterThan(50)
  })

  it('declares the incident at or after its onset, or leaves onset to the evidence', async (context) => {
    const {inputs} = await build()
    context.skip(inputs.startedAt === null, 'no --started-at: onset comes from the evidence')
    expect(Date.parse(inputs.startedAt!)).toBeGreaterThanOrEqual(onset)
  })

  it('writes metrics as a wide CSV or a Prometheus query_range response', async (context) => {
    const {inputs} = await build()
    context.skip(inputs.metrics.length === 0, 'no metrics in this scenario')
    for (const file of inputs.metrics) {
      const text = readText(file)
      if (file.endsWith('.csv')) {
        const [header, ...rows] = text.trim().split('\n')
        expect(header.startsWith('timestamp,')).toBe(true)
        const width = header.split(',').length
        for (const row of rows) expect(row.split(',')).toHaveLength(width)
        expect(rows.some((row) => Date.parse(row.split(',')[0]) < onset)).toBe(true)
        expect(rows.some((row) => Date.parse(row.split(',')[0]) > onset)).toBe(true)
      } else {
        const body = JSON.parse(text)
        expect(body).toMatchObject({status: 'success', data: {resultType: 'matrix'}})
        expect(body.data.result.length).toBeGreaterThan(0)
      }
    }
  })

  it('writes deploy events that parse and cite only commits of its repo', async (context) => {
    const {inputs} = await build()
    context.skip(inputs.deploys === null, 'no deploy events in this scenario')
    const shas = new Set(Object.values(inputs.commitShas))
    const events = readText(inputs.deploys!).trim().split('\n').map((line) => JSON.parse(line))
    expect(events.length).toBeGreaterThan(0)
    for (const event of events) {
      expect(Object.keys(event).sort()).toEqual(['description', 'kind', 'service', 'sha', 'time', 'version'])
      expect(['deploy', 'feature-flag', 'config']).toContain(event.kind)
      expect(Number.isNaN(Date.parse(event.time))).toBe(false)
    }
    // A flag flip or config push may have no commit; every sha named is one of the repo's.
    const cited = events.map((event) => event.sha).filter((sha) => sha !== null)
    expect(cited.filter((sha) => !shas.has(sha))).toEqual([])
  })

  it('builds a git repo whose commits carry the dates and subjects it reports', async (context) => {
    const {inputs, commits} = await build()
    context.skip(inputs.repo === null, 'no repository in this scenario')
    expect(commits.length).toBeGreaterThan(0)
    expect(Object.fromEntries(commits.map((c) => [c.subject, c.sha]))).toEqual(inputs.commitShas)
    // A commit can be written before it lands (a merge the next day), never after.
    for (const commit of commits) expect(Date.parse(commit.authorDate)).toBeLessThanOrEqual(Date.parse(commit.committerDate))
    // A realistic window: history starts days before onset, and something changed within the lookback.
    expect(commits.some((c) => Date.parse(c.authorDate) < onset - 24 * HOUR)).toBe(true)
    expect(commits.some((c) => Math.abs(Date.parse(c.authorDate) - onset) < 48 * HOUR)).toBe(true)
    expect(existsSync(join(inputs.repo!, '.git'))).toBe(true)
    expect(execFileSync('git', ['status', '--porcelain'], {cwd: inputs.repo!, encoding: 'utf8'})).toBe('')
  })

  // Which of these applies is the scenario's declared expectation, known before anything is built.
  const {culpritSubject, culpritSource} = scenario.expected

  it.runIf(culpritSource === 'commit')('contains its culprit commit, dated shortly before onset', async () => {
    const {commits} = await build()
    const commit = commits.find((c) => c.subject === culpritSubject)
    expect(commit, `commit "${culpritSubject}"`).toBeDefined()
    const at = Date.parse(commit!.committerDate)
    expect(at).toBeLessThan(onset)
    expect(at).toBeGreaterThan(onset - 48 * HOUR)
  })

  it.runIf(culpritSource === 'deploy-event')('contains its culprit deploy event, flipped shortly before onset', async () => {
    const {inputs} = await build()
    expect(inputs.deploys).not.toBeNull()
    const events = readText(inputs.deploys!).trim().split('\n').map((line) => JSON.parse(line))
    const event = events.find((e) => e.description === culpritSubject)
    expect(event, `deploy event "${culpritSubject}"`).toBeDefined()
    expect(Date.parse(event.time)).toBeLessThanOrEqual(onset)
    expect(Date.parse(event.time)).toBeGreaterThan(onset - HOUR)
  })
})

describe('builders', () => {
  it('createGitRepo commits in date order with exact dates, deletions and a clean work tree', async () => {
    const repo = join(tempDir(), 'repo')
    const shas = await createGitRepo(repo, [
      {at: '2026-01-02T10:30:00Z', subject: 'second', files: {'a.txt': null, 'b/c.txt': 'c\n'}},
      {at: '2026-01-01T09:00:00+01:00', subject: 'first', body: 'why it matters', files: {'a.txt': 'a\n'}},
    ])
    const commits = await gitLog(repo)
    expect(commits.map((c) => [c.subject, c.authorDate])).toEqual([
      ['second', '2026-01-02T10:30:00+00:00'],
      ['first', '2026-01-01T08:00:00+00:00'],
    ])
    expect(shas).toEqual({second: commits[0].sha, first: commits[1].sha})
    expect(existsSync(join(repo, 'a.txt'))).toBe(false)
    expect(readFileSync(join(repo, 'b/c.txt'), 'utf8')).toBe('c\n')
    expect(execFileSync('git', ['log', '-1', '--format=%an <%ae>%n%b', shas.first], {cwd: repo, encoding: 'utf8'}).trim()).toBe(
      'Fixture Dev <dev@example.com>\nwhy it matters',
    )
  })

  it('rejects duplicate subjects, which would make culprits ambiguous', async () => {
    const commit = {at: '2026-01-01T00:00:00Z', subject: 'same', files: {}}
    await expect(createGitRepo(join(tempDir(), 'repo'), [commit, commit])).rejects.toThrow(/duplicate/)
  })

  it('formats log lines the way the real producers do', () => {
    const at = Date.parse('2026-03-05T07:08:09.010Z')
    expect(logfmtLine({level: 'error', msg: 'query failed', n: 3, empty: ''})).toBe('level=error msg="query failed" n=3 empty=""')
    expect(syslogLine(at, 'host-1', 'kernel', 'oom')).toBe('Mar  5 07:08:09 host-1 kernel: oom')
    expect(postgresLine(at, 42, 'FATAL', 'sorry, too many clients already')).toBe(
      '2026-03-05 07:08:09.010 UTC [42] FATAL:  sorry, too many clients already',
    )
    expect(nginxLine({at, ip: '192.0.2.1', method: 'GET', path: '/x', status: 500, bytes: 12, agent: 'curl/8.5.0', requestTime: 0.0421})).toBe(
      '192.0.2.1 - - [05/Mar/2026:07:08:09 +0000] "GET /x HTTP/1.1" 500 12 "-" "curl/8.5.0" 0.042',
    )
  })

  it('builds the same scenario identically twice', async () => {
    const scenario = SCENARIOS.find((s) => s.name === 'ambiguous-error-bump')!
    const [a, b] = [tempDir(), tempDir()]
    const first = await scenario.build(a)
    const second = await scenario.build(b)
    expect(second.commitShas).toEqual(first.commitShas)
    expect(readText(second.logs[0])).toBe(readText(first.logs[0]))
  })
})

describe('bundled example: examples/checkout-outage', () => {
  const example = join(import.meta.dirname, '..', '..', 'examples', 'checkout-outage')
  const onset = Date.parse('2026-11-12T14:02:00Z')
  const culprit = 'migrations: make orders.currency NOT NULL'

  it('build-repo.mjs builds the history deploys.jsonl cites, culprit 8 minutes before onset', async () => {
    const repo = join(tempDir(), 'repo')
    await execFileAsync(process.execPath, [join(example, 'build-repo.mjs'), repo])
    const commits = await gitLog(repo)
    const culpritCommit = commits.find((c) => c.subject === culprit)!
    expect(Date.parse(culpritCommit.authorDate)).toBe(onset - 8 * 60_000)
    const {stdout: files} = await execFileAsync('git', ['show', '--name-only', '--format=', culpritCommit.sha], {cwd: repo})
    expect(files.trim()).toBe('migrations/20261112_1350_orders_currency_not_null.sql')
    expect(commits.filter((c) => Date.parse(c.authorDate) > onset).map((c) => c.subject)).toContain(
      'checkout: retry order insert on transient database errors',
    )

    const deploys = readText(join(example, 'deploys.jsonl')).trim().split('\n').map((line) => JSON.parse(line))
    expect(deploys.find((d) => d.sha === culpritCommit.sha)).toMatchObject({time: '2026-11-12T13:58:00Z', kind: 'deploy'})
  })

  it('logs and metrics show the onset at 14:02 and carry secrets for redaction to remove', () => {
    const app = readText(join(example, 'logs', 'app.log.gz'))
    const firstViolation = JSON.parse(app.split('\n').find((line) => line.includes('"code":"23502"'))!)
    expect(firstViolation.time.startsWith('2026-11-12T14:02:')).toBe(true)
    expect(firstViolation.stack).toContain('at createOrder (/app/src/checkout/create-order.ts:40:23)')
    for (const secret of ['AKIAQ3EXAMPLE7KD2MZX', 'Bearer sk_live_', 'checkout:Sup3r-S3cret-pw@', 'maria.schmidt@example.org']) {
      expect(app).toContain(secret)
    }

    const access = readText(join(example, 'logs', 'access.log.gz'))
    expect(access.match(/^.*"POST \/api\/checkout HTTP\/1\.1" 500 .*$/m)![0]).toContain('12/Nov/2026:14:02:')

    const rows = readText(join(example, 'metrics.csv')).trim().split('\n').slice(1).map((row) => row.split(','))
    const rate = (iso: string) => Number(rows.find((row) => row[0] === iso)![1])
    expect(rate('2026-11-12T14:01:00.000Z')).toBeLessThan(0.02)
    expect(rate('2026-11-12T14:03:00.000Z')).toBeGreaterThan(0.08)
  })
})
