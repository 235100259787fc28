import {link, open, readFile, rename, unlink} from 'node:fs/promises'
import {hostname} from 'node:os'
import {join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'

import {LockedError} from '../errors/errors.js'

const LOCK_FILE = 'incident.lock'

interface LockOwner {
  pid: number
  host: string
  at: string
}

/**
 * Hold the incident folder's lock while `fn` runs. The lock file records the owner's pid, so a lock
 * left by a SIGKILLed process is recognised as stale at once (mtime-based locks such as
 * proper-lockfile make a resume wait out the stale period). With `waitMs`, contention is waited
 * out (e.g. many concurrent `note` commands); without it, contention is a LockedError (exit 3).
 */
export async function withIncidentLock<T>(dir: string, fn: () => Promise<T>, options: {waitMs?: number} = {}): Promise<T> {
  const path = join(dir, LOCK_FILE)
  const deadline = Date.now() + (options.waitMs ?? 0)
  for (let attempt = 0; ; attempt++) {
    const owner = await tryAcquire(path)
    if (owner === null) break
    if (Date.now() >= deadline) {
      throw new LockedError(`Incident ${dir} is locked by another process (pid ${owner.pid} on ${owner.host}, since ${owner.at}).`, {
        suggestions: ['Wait for that command to finish, or stop it, then run this again.'],
      })
    }
    await sleep(Math.min(5 + attempt * 5, 50) * (0.5 + Math.random()))
  }
  try {
    return await fn()
  } finally {
    await unlink(path).catch(() => undefined)
  }
}

/** Returns null when the lock is now ours, else the live owner. */
async function tryAcquire(path: string): Promise<LockOwner | null> {
  const me: LockOwner = {pid: process.pid, host: hostname(), at: new Date().toISOString()}
  try {
    const handle = await open(path, 'wx')
    await handle.writeFile(JSON.stringify(me))
    await handle.close()
    return null
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  const owner = await readOwner(path)
  if (owner === undefined) return {pid: -1, host: 'unknown', at: 'just now'} // vanished or being written: retry
  if (owner !== null && !isStale(owner)) return owner
  await breakStaleLock(path)
  return tryAcquire(path)
}

async function readOwner(path: string): Promise<LockOwner | null | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return undefined
  }
  if (text === '') return undefined
  try {
    return JSON.parse(text) as LockOwner
  } catch {
    return null // unreadable lock: treat as stale
  }
}

function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false
  try {
    process.kill(owner.pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/**
 * Move the stale lock aside atomically; if what we moved turns out to be a fresh lock another
 * process just took, put it back without clobbering (link fails if the path exists).
 */
async function breakStaleLock(path: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${Date.now()}`
  try {
    await rename(path, aside)
  } catch {
    return
  }
  const moved = await readOwner(aside)
  if (moved && !isStale(moved)) await link(aside, path).catch(() => undefined)
  await unlink(aside).catch(() => undefined)
}
