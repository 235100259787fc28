import {execFileSync, spawn} from 'node:child_process'
import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../..')
export const BIN = join(ROOT, 'bin/run.js')
export const EXAMPLE = join(ROOT, 'examples/checkout-outage')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the built CLI as a user would: a child process, no TTY, a clean environment. */
export function runCli(args: string[], options: {cwd: string; env?: NodeJS.ProcessEnv; input?: string}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: {PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...options.env},
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', fail)
    child.on('close', (code) => done({code, stdout, stderr}))
    child.stdin.end(options.input ?? '')
  })
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `ir-${prefix}-`))
}

/** The example's git history, built into `dir` by the example's own script. */
export function buildExampleRepo(dir: string): string {
  const repo = join(dir, 'repo')
  execFileSync(process.execPath, [join(EXAMPLE, 'build-repo.mjs'), repo], {stdio: 'pipe'})
  return repo
}

export function exampleArgs(repo: string): string[] {
  return [
    '--logs', join(EXAMPLE, 'logs/app.log.gz'),
    '--logs', join(EXAMPLE, 'logs/access.log.gz'),
    '--repo', repo,
    '--deploys', join(EXAMPLE, 'deploys.jsonl'),
    '--metrics', join(EXAMPLE, 'metrics.csv'),
    '--service', 'checkout-api',
    '--started-at', '2026-11-12T14:09:00Z',
  ]
}
