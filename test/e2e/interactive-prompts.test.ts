import {spawn} from 'node:child_process'
import {readFile, readdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {BIN, tempDir} from './cli-harness.js'

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`

/**
 * Drives the prompts through a real pseudo-terminal: util-linux `script` gives the CLI a PTY
 * for stdin and stdout, and our keystrokes go in through script's stdin.
 */
describe('interactive prompts in a real terminal', () => {
  it('asks Severity? and Symptoms? and runs with the answers', async () => {
    const work = await tempDir('pty')
    const log = join(work, 'app.log')
    await writeFile(log, '2026-11-30T10:00:00Z INFO ok\n2026-11-30T10:01:00Z ERROR upstream timed out\n')
    const command = [process.execPath, BIN, '--logs', log, '--out-dir', join(work, 'out')].map(quote).join(' ')
    const child = spawn('script', ['-qfec', `stty cols 120 rows 40; ${command}`, '/dev/null'], {cwd: work, env: {PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm', NO_COLOR: '1'}})
    let screen = ''
    const waitFor = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (screen.includes(text)) {
            child.stdout.off('data', check)
            resolve()
          }
        }
        child.stdout.on('data', check)
        child.once('exit', () => reject(new Error(`exited before "${text}" appeared:\n${screen}`)))
        check()
      })
    child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))

    await waitFor('Severity?')
    expect(screen).toContain('respond < 1 hour')
    child.stdin.write('\u001b[B') // down: P1
    child.stdin.write('\r')
    await waitFor('Symptoms?')
    child.stdin.write(' ') // select the first: high-error-rate
    child.stdin.write('\r')
    expect(await exited).toBe(0)

    const [id] = await readdir(join(work, 'out'))
    const incident = JSON.parse(await readFile(join(work, 'out', id, 'incident.json'), 'utf8'))
    expect(incident.severity).toBe('P1')
    expect(incident.symptoms).toEqual(['high-error-rate'])
    expect(screen).toContain(`Incident ${id}`)
  }, 60_000)
})
