import {execFile, spawn} from 'node:child_process'
import {promisify} from 'node:util'

const execFileAsync = promisify(execFile)

/** Large enough for 500 commits with their numstat; git output beyond this is an error, not a hang. */
const DEFAULT_MAX_BUFFER = 64 * 1024 * 1024

/** Git must never prompt, page or colour: these runs are unattended and parsed. */
const GIT_ENV = {...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C'}

/** Runs git in `repo` and returns stdout; rejects with git's own error (stderr in `message`). */
export async function runGit(repo: string, args: string[], maxBuffer = DEFAULT_MAX_BUFFER): Promise<string> {
  const {stdout} = await execFileAsync('git', ['-C', repo, '-c', 'color.ui=never', ...args], {
    maxBuffer,
    env: GIT_ENV,
    encoding: 'utf8',
  })
  return stdout
}

/**
 * Runs git and keeps at most `maxBytes` of stdout, killing git once the cap is reached, so a
 * diff of a vendored tree never has to fit in memory.
 */
export function runGitCapped(repo: string, args: string[], maxBytes: number): Promise<{text: string; truncated: boolean}> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', repo, '-c', 'color.ui=never', ...args], {env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe']})
    const chunks: Buffer[] = []
    let size = 0
    let truncated = false
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      if (truncated) return
      chunks.push(chunk)
      size += chunk.length
      if (size > maxBytes) {
        truncated = true
        child.kill()
      }
    })
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8')
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (!truncated && code !== 0) {
        reject(new Error(stderr.trim() || `git exited with code ${code}`))
        return
      }
      // Cut on a byte boundary, then drop a possibly split trailing UTF-8 character.
      const text = Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8').replace(/\uFFFD$/, '')
      resolve({text, truncated})
    })
  })
}
