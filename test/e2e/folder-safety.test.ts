import {spawn} from 'node:child_process'
import {readFile, readdir, rm, stat, symlink, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {BIN, buildExampleRepo, exampleArgs, runCli, tempDir, type CliResult} from './cli-harness.js'

/** The CLI under a file-size limit of `kib` KiB: a write past it fails as on a full disk (EFBIG, since Node ignores SIGXFSZ). */
function runCliWithFileLimit(kib: number, args: string[], cwd: string): Promise<CliResult> {
  return new Promise((done, fail) => {
    const quoted = [process.execPath, BIN, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ')
    const child = spawn('sh', ['-c', `ulimit -f ${kib} && exec ${quoted}`], {cwd, env: {PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1'}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', fail)
    child.on('close', (code) => done({code, stdout, stderr}))
  })
}

describe('the incident folder under attack and under a full disk (issue L, items 4–6, spawned CLI)', () => {
  const setUp = async (name: string) => {
    const work = await tempDir(name)
    const repo = buildExampleRepo(work)
    const outDir = join(work, 'out')
    const run = await runCli([...exampleArgs(repo), '--severity', 'p0', '--symptoms', 'high-error-rate', '--non-interactive', '--json', '--out-dir', outDir], {cwd: work})
    expect(run.code, run.stderr).toBe(0)
    const id = JSON.parse(run.stdout).id as string
    const outside = join(work, 'outside.txt')
    await writeFile(outside, 'precious\n')
    return {work, outDir, id, dir: join(outDir, id), outside}
  }

  it('postmortem and note never write through links to files outside the folder', async () => {
    const {work, outDir, id, dir, outside} = await setUp('links')
    for (const name of ['postmortem.md', 'action-items.md', 'timeline.jsonl']) {
      await rm(join(dir, name), {force: true})
      await symlink(outside, join(dir, name))
    }
    const postmortem = await runCli(['postmortem', '--id', id, '--out-dir', outDir], {cwd: work})
    const note = await runCli(['note', 'rolled back', '--id', id, '--out-dir', outDir], {cwd: work})
    for (const result of [postmortem, note]) {
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/Refusing to write .*: it is a symbolic link/)
      expect(result.stderr).not.toMatch(/Internal error|\n\s+at /)
    }
    expect(await readFile(outside, 'utf8')).toBe('precious\n')
  }, 120_000)

  it('a write that fails for space leaves no lock and no half line; the next command runs at once', async () => {
    const {work, outDir, id, dir} = await setUp('full')
    const timeline = join(dir, 'timeline.jsonl')
    const before = await readFile(timeline, 'utf8')
    // Room for nothing: even the lock's owner record cannot be written.
    const noRoom = await runCliWithFileLimit(0, ['note', 'first try', '--id', id, '--out-dir', outDir], work)
    expect(noRoom.code).toBe(1)
    expect(noRoom.stderr).toMatch(/Error: The file size limit was reached writing the lock .*incident\.lock; nothing was written\./)
    expect(await readdir(dir)).not.toContain('incident.lock')
    // Room for the lock but not for the note: the timeline is cut back to what it was.
    const limit = Math.ceil((await stat(timeline)).size / 1024)
    const noSpace = await runCliWithFileLimit(limit, ['note', 'x'.repeat(2048), '--id', id, '--out-dir', outDir], work)
    expect(noSpace.code).toBe(1)
    expect(noSpace.stderr).toContain('timeline.jsonl')
    expect(await readFile(timeline, 'utf8')).toBe(before)
    const started = Date.now()
    const next = await runCli(['note', 'second try', '--id', id, '--out-dir', outDir], {cwd: work})
    expect(next.code, next.stderr).toBe(0)
    expect(Date.now() - started).toBeLessThan(10_000)
  }, 120_000)

  it('a note after a torn timeline line is kept, shown, and the torn line reported', async () => {
    const {work, outDir, id, dir} = await setUp('torn')
    const timeline = join(dir, 'timeline.jsonl')
    await writeFile(timeline, (await readFile(timeline, 'utf8')) + '{"at":"2026-11-12T14:3', 'utf8')
    const note = await runCli(['note', 'Keeping checkout read-only', '--kind', 'decision', '--id', id, '--out-dir', outDir], {cwd: work})
    expect(note.code, note.stderr).toBe(0)
    const show = await runCli(['show', '--id', id, '--out-dir', outDir], {cwd: work})
    expect(show.code, show.stderr).toBe(0)
    expect(show.stdout).toContain('Keeping checkout read-only')
    expect(show.stderr).toMatch(/timeline\.jsonl line \d+ is torn or not JSON; skipped/)
    const lint = await runCli(['lint', '--id', id, '--out-dir', outDir, '--json'], {cwd: work})
    expect(JSON.parse(lint.stdout).timelineProblems).toHaveLength(1)
  }, 120_000)
})
