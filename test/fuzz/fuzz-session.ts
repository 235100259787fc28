import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'

import {BIN} from '../e2e/cli-harness.js'
import {leakedKinds, seededRandom} from '../leak/planted-secrets.js'
import {listFiles, makeCase, type CaseContext, type FuzzCase} from './fuzz-cases.js'
import {Hostile} from './hostile-values.js'

/**
 * The fuzz harness (issue L, item 8): seeded hostile cases run against the built CLI until the
 * time is up. A case fails on a stack trace, an "Internal error", an exit code outside 0–3, a
 * command that does not finish, a planted secret in any output or file, a control character in
 * the terminal or a document, HTML that runs or links away, or any change outside the out-dir.
 */
export interface CaseOutcome {
  seed: number
  kind: FuzzCase['kind']
  description: string
  failures: string[]
  /** Kept on failure, for a look at what happened. */
  work: string | null
}

export interface SessionReport {
  seed: number
  seconds: number
  tried: number
  byKind: Record<string, number>
  failed: CaseOutcome[]
}

interface CommandResult {
  argv: string[]
  code: number | null
  stdout: string
  stderr: string
  timedOut: boolean
}

// Inputs are small: any command ends in seconds. The margin is for a shared machine under heavy
// load (a 10 s case took over 90 s at load average 70 on two cores); a hang still shows.
const COMMAND_TIMEOUT_MS = 180_000
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
const STACK_FRAME = /^\s+at .*(?:file:\/\/|node:|\/[\w.-]+\/)[^\n]*:\d+:\d+\)?$/m
const ACTIVE_HTML = /<iframe|<script|<img[^>]*onerror|(?:href|src)="(?:https?:)?\/\/evil\.example|(?:href|src)="javascript:/i

/**
 * Cases `seed`, `seed + 1` … until the time is up, `jobs` at a time (each case is one or more CLI
 * processes, mostly single-threaded: two at a time keep two cores busy). A case's inputs depend
 * only on its own seed, so a failure replays alone whatever ran beside it.
 */
export async function runFuzzSession(options: {seconds: number; seed: number; jobs?: number; cases?: number; onCase?: (outcome: CaseOutcome, index: number) => void}): Promise<SessionReport> {
  const root = await mkdtemp(join(tmpdir(), 'ir-fuzz-'))
  const golden = await makeGolden(join(root, 'golden'))
  const started = Date.now()
  const report: SessionReport = {seed: options.seed, seconds: 0, tried: 0, byKind: {}, failed: []}
  let next = 0
  const worker = async () => {
    while (Date.now() - started < options.seconds * 1000 && next < (options.cases ?? Infinity)) {
      const index = next++
      const seed = options.seed + index
      const outcome = await runCase(seed, join(root, `case-${seed}`), golden)
      report.tried++
      report.byKind[outcome.kind] = (report.byKind[outcome.kind] ?? 0) + 1
      if (outcome.failures.length > 0) report.failed.push(outcome)
      options.onCase?.(outcome, index)
    }
  }
  await Promise.all(Array.from({length: Math.max(1, options.jobs ?? 1)}, worker))
  report.failed.sort((a, b) => a.seed - b.seed)
  report.seconds = Math.round((Date.now() - started) / 100) / 10
  if (report.failed.length === 0) await rm(root, {recursive: true, force: true})
  return report
}

/** One case by its seed: the same seed makes the same inputs (`npm run fuzz -- --seed N --cases 1`). */
export async function runCase(seed: number, work: string, golden: CaseContext['golden']): Promise<CaseOutcome> {
  const hostile = new Hostile(seededRandom(seed))
  await mkdir(work, {recursive: true})
  let fuzzCase: FuzzCase
  try {
    fuzzCase = await makeCase(hostile, {work, golden})
  } catch (error) {
    // The harness's own mistake is reported, not hidden, and the session goes on.
    return {seed, kind: 'pipeline', description: 'making the case', failures: [`harness error: ${String(error).split('\n')[0]}`], work}
  }
  const before = await snapshot(work)
  const outBefore = await fileHashes(join(work, 'out'))
  const results: CommandResult[] = []
  for (const argv of fuzzCase.commands) results.push(await runCommand(argv, work))
  const failures = await check(results, hostile, work, before, outBefore)
  if (failures.length === 0) await rm(work, {recursive: true, force: true})
  return {seed, kind: fuzzCase.kind, description: fuzzCase.description, failures, work: failures.length > 0 ? work : null}
}

async function check(results: CommandResult[], hostile: Hostile, work: string, before: Map<string, string>, outBefore: Map<string, string>): Promise<string[]> {
  const failures: string[] = []
  for (const result of results) {
    const name = `\`${result.argv.slice(0, 2).join(' ').slice(0, 40)}…\``
    const printed = result.stdout + result.stderr
    if (result.timedOut) failures.push(`${name} did not finish in ${COMMAND_TIMEOUT_MS / 1000} s`)
    else if (result.code === null || ![0, 1, 2, 3].includes(result.code)) failures.push(`${name} exited with ${result.code}`)
    if (/Internal error|This is a bug/.test(printed)) failures.push(`${name} printed an internal error: ${firstLine(printed, /Internal error|This is a bug/)}`)
    if (STACK_FRAME.test(printed)) failures.push(`${name} printed a stack trace: ${firstLine(printed, STACK_FRAME)}`)
    if (CONTROL.test(printed)) failures.push(`${name} printed a control character: ${JSON.stringify(printed.slice(Math.max(0, printed.search(CONTROL) - 30), printed.search(CONTROL) + 10))}`)
    const leaked = leakedKinds(hostile.planted, printed)
    if (leaked.length > 0) failures.push(`${name} printed planted secrets: ${[...new Set(leaked)].join(', ')}`)
  }
  for (const file of await listFiles(join(work, 'out'))) {
    const text = await readFile(file, 'utf8').catch(() => '')
    const rel = relative(work, file)
    const leaked = leakedKinds(hostile.planted, text)
    if (leaked.length > 0) failures.push(`${rel} holds planted secrets: ${[...new Set(leaked)].join(', ')}`)
    // Documents the case damaged and the command left alone are not the command's writing.
    if (outBefore.get(file) === hash(text)) continue
    if (/\.(md|html)$/.test(file) && CONTROL.test(text)) failures.push(`${rel} holds a control character`)
    if (file.endsWith('.html') && ACTIVE_HTML.test(text)) failures.push(`${rel} holds active HTML or a foreign link: ${JSON.stringify(text.match(ACTIVE_HTML)?.[0])}`)
  }
  const after = await snapshot(work)
  for (const [path, state] of after) if (before.get(path) !== state) failures.push(`${path} was ${before.has(path) ? 'changed' : 'created'} outside the out-dir`)
  for (const path of before.keys()) if (!after.has(path)) failures.push(`${path} was removed outside the out-dir`)
  return failures
}

const hash = (content: string | Buffer) => createHash('sha1').update(content).digest('hex')

async function fileHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>()
  for (const file of await listFiles(dir)) hashes.set(file, hash(await readFile(file, 'utf8').catch(() => '')))
  return hashes
}

function firstLine(text: string, pattern: RegExp): string {
  return text.split('\n').find((line) => pattern.test(line))?.trim().slice(0, 160) ?? ''
}

/** Every path under `work` but the out-dir, with its content hash or link target: what must not change. */
async function snapshot(work: string): Promise<Map<string, string>> {
  const state = new Map<string, string>()
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, {withFileTypes: true}).catch(() => [])) {
      const path = join(dir, entry.name)
      const rel = relative(work, path)
      if (rel === 'out' || rel.startsWith('out/')) continue
      const info = await lstat(path)
      if (info.isSymbolicLink()) state.set(rel, `link:${await readlink(path)}`)
      else if (info.isDirectory()) {
        state.set(rel, 'dir')
        await walk(path)
      } else state.set(rel, `file:${hash(await readFile(path))}`)
    }
  }
  await walk(work)
  return state
}

function runCommand(argv: string[], cwd: string): Promise<CommandResult> {
  return new Promise((done, fail) => {
    // An argument cannot hold a NUL byte (the OS ends it there), so neither can one a user types.
    const args = argv.map((arg) => arg.replaceAll('\u0000', ''))
    const child = spawn(process.execPath, [BIN, ...args], {cwd, env: {PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1'}, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, COMMAND_TIMEOUT_MS)
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', fail)
    child.on('close', (code) => {
      clearTimeout(timer)
      done({argv, code, stdout, stderr, timedOut})
    })
  })
}

/** A finished incident (every phase, a postmortem, a note), copied by the folder cases. */
async function makeGolden(outRoot: string): Promise<CaseContext['golden']> {
  await mkdir(outRoot, {recursive: true})
  const log = join(outRoot, 'app.log')
  const lines: string[] = []
  for (let minute = 0; minute < 60; minute++) {
    const at = (s: number) => new Date(Date.UTC(2026, 10, 12, 13, minute, s)).toISOString()
    lines.push(`${at(0)} INFO GET /api/orders 200`)
    if (minute >= 30) lines.push(`${at(10)} ERROR insert into orders failed: null value in column "currency"`)
  }
  await writeFile(log, lines.join('\n') + '\n')
  const outDir = join(outRoot, 'out')
  const run = await runCommand(['--logs', log, '--severity', 'p0', '--symptoms', 'high-error-rate', '--non-interactive', '--provider', 'offline', '--json', '--out-dir', outDir], outRoot)
  if (run.code !== 0) throw new Error(`the golden incident could not be made: ${run.stderr}`)
  const id = JSON.parse(run.stdout).id as string
  await runCommand(['note', 'Rolled back on one canary', '--id', id, '--out-dir', outDir], outRoot)
  return {outDir, id}
}
