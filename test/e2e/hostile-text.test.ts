import {execFileSync} from 'node:child_process'
import {readFile, readdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {buildExampleRepo, EXAMPLE, exampleArgs, runCli, tempDir} from './cli-harness.js'

/**
 * Issue L, items 2 and 3: a commit subject and a deploy description carrying terminal escapes
 * (window title, clear screen, an OSC 8 link) and Markdown/HTML (a heading, an iframe, links).
 * Nothing of it may act: no escape byte in the terminal or any document, no heading, frame or
 * foreign link in the postmortem.
 */
const ESC = '\u001b'
const BEL = '\u0007'
const CAUSE = 'migrations: make orders.currency NOT NULL'
const HOSTILE_SUBJECT = `${CAUSE} ${ESC}]0;pwned${BEL}${ESC}[2J${ESC}]8;;https://evil.example/${ESC}\\docs${ESC}]8;;${ESC}\\ <iframe src="https://evil.example/f"></iframe> [login](https://evil.example/login)`
const HOSTILE_DEPLOY = `Deploy 2.14.1 with migration 20261112_1350_orders_currency_not_null\n# Injected heading\n<iframe src="https://evil.example/x"></iframe> [click](https://evil.example/a) https://evil.example/b ${ESC}[2J${ESC}]0;title${BEL}`

/** The example's history with the causal commit's subject made hostile; deploys follow the new shas. */
async function hostileExample(work: string): Promise<{repo: string; deploys: string}> {
  const repo = buildExampleRepo(work)
  const git = (args: string[], env: NodeJS.ProcessEnv = {}) => execFileSync('git', ['-C', repo, ...args], {encoding: 'utf8', env: {...process.env, ...env}})
  const before = git(['log', '--format=%H', 'main']).trim().split('\n')
  const filter = `node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(s.startsWith(process.env.CAUSE)?s.replace(process.env.CAUSE,process.env.HOSTILE):s))'`
  git(['filter-branch', '-f', '--msg-filter', filter, 'main'], {FILTER_BRANCH_SQUELCH_WARNING: '1', CAUSE, HOSTILE: HOSTILE_SUBJECT})
  const after = git(['log', '--format=%H', 'main']).trim().split('\n')
  let deploys = await readFile(join(EXAMPLE, 'deploys.jsonl'), 'utf8')
  before.forEach((sha, i) => (deploys = deploys.replaceAll(sha, after[i])))
  const lines = deploys.trim().split('\n').map((line) => {
    const event = JSON.parse(line)
    return JSON.stringify(event.time === '2026-11-12T13:58:00Z' ? {...event, description: HOSTILE_DEPLOY} : event)
  })
  const path = join(work, 'deploys.jsonl')
  await writeFile(path, lines.join('\n') + '\n')
  return {repo, deploys: path}
}

describe('hostile text in evidence (issue L, items 2 and 3)', () => {
  it('prints no escape sequence and writes documents where it is inert text', async () => {
    const work = await tempDir('hostile')
    const {repo, deploys} = await hostileExample(work)
    const args = exampleArgs(repo).map((arg) => (arg.endsWith('deploys.jsonl') ? deploys : arg))
    const outDir = join(work, 'out')
    const run = await runCli([...args, '--severity', 'p0', '--symptoms', 'high-error-rate,database-issues', '--non-interactive', '--out-dir', outDir], {cwd: work})
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('NOT NULL')
    const [id] = await readdir(outDir)
    const show = await runCli(['show', '--id', id, '--out-dir', outDir], {cwd: work})
    expect(show.code, show.stderr).toBe(0)
    const printed = [run.stdout, run.stderr, show.stdout, show.stderr].join('\n')
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)

    const dir = join(outDir, id)
    const documents = (await readdir(dir)).filter((name) => /\.(md|html)$/.test(name))
    expect(documents).toEqual(expect.arrayContaining(['postmortem.md', 'postmortem.html', 'incident-summary.md']))
    for (const name of documents) expect(await readFile(join(dir, name), 'utf8'), name).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    const markdown = await readFile(join(dir, 'postmortem.md'), 'utf8')
    expect(markdown).toContain('NOT NULL')
    expect(markdown).not.toMatch(/^#+ Injected heading/m)
    expect(markdown).not.toMatch(/(?<!\\)<iframe/)
    const html = await readFile(join(dir, 'postmortem.html'), 'utf8')
    expect(html).not.toMatch(/<iframe|<h\d[^>]*>\s*Injected heading|href="https?:\/\/evil\.example/)
  }, 120_000)
})
