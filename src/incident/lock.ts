import {link, open, rename, unlink, type FileHandle} from 'node:fs/promises'
import {hostname} from 'node:os'
import {join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'

import {LockedError} from '../errors/errors.js'
import {fileSystemError} from './safe-fs.js'

const LOCK_FILE = 'incident.lock'

/** A lock file with no owner in it yet is being written; older than this, its writer is gone. */
const OWNERLESS_GRACE_MS = 2000

interface LockOwner {
  pid: number
  host: string
  at: string
}

/** What is in the lock file: an owner, nothing readable (empty, torn, no pid), or no file. */
type LockState = {owner: LockOwner} | {ownerless: string; ageMs: number} | null

export interface LockOptions {
  /** Wait this long for a busy incident before giving up with exit 3 (default: do not wait). */
  waitMs?: number
  /** Told when a lock whose owner is gone is taken over (default: a line on stderr). */
  onTakeover?: (message: string) => void
}

/**
 * Hold the incident folder's lock while `fn` runs. The lock file records the owner's pid, so a lock
 * left by a killed process is recognised at once; so is one its writer never finished (an empty
 * file after a full disk), once it is a moment old. Such locks are taken over with a message.
 * With `waitMs`, contention is waited out (e.g. many concurrent `note` commands); without it,
 * contention is a LockedError (exit 3).
 */
export async function withIncidentLock<T>(dir: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const path = join(dir, LOCK_FILE)
  const notify = options.onTakeover ?? ((message: string) => process.stderr.write(`${message}\n`))
  const deadline = Date.now() + (options.waitMs ?? 0)
  for (let attempt = 0; ; attempt++) {
    const holder = await tryAcquire(path, (reason) => notify(`Took over the lock of ${dir}: ${reason}.`))
    if (holder === null) break
    if (Date.now() >= deadline) {
      throw new LockedError(`Incident ${dir} is locked by another process (${holder}).`, {
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

/** Returns null when the lock is now ours, else who holds it (for the message). */
async function tryAcquire(path: string, tookOver: (reason: string) => void): Promise<string | null> {
  if (await create(path)) return null
  const state = await readState(path)
  if (state === null) return 'it is just being released'
  const stale = staleReason(state)
  if (stale === null) return 'owner' in state ? `pid ${state.owner.pid} on ${state.owner.host}, since ${state.owner.at}` : 'it is just being taken'
  if (await breakStaleLock(path)) tookOver(stale)
  return (await create(path)) ? null : 'another process took it first'
}

/** Creates the lock file with our owner record; false when it exists. Never leaves an empty file. */
async function create(path: string): Promise<boolean> {
  const me: LockOwner = {pid: process.pid, host: hostname(), at: new Date().toISOString()}
  let handle: FileHandle
  try {
    handle = await open(path, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw fileSystemError(error, path, 'creating the lock')
  }
  try {
    await handle.writeFile(JSON.stringify(me))
    await handle.close()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await unlink(path).catch(() => undefined)
    throw fileSystemError(error, path, 'writing the lock')
  }
  return true
}

async function readState(path: string): Promise<LockState> {
  let text: string
  let ageMs: number
  // Age and content from one open file: by path, a release and a new take between the two reads
  // would pair the old file's age with the new owner's record.
  let handle: FileHandle
  try {
    handle = await open(path, 'r')
  } catch {
    return null
  }
  try {
    ageMs = Date.now() - (await handle.stat()).mtimeMs
    text = await handle.readFile('utf8')
  } catch {
    return null
  } finally {
    await handle.close().catch(() => undefined)
  }
  if (text.trim() === '') return {ownerless: 'the lock file was empty (its writer stopped before writing it, e.g. on a full disk)', ageMs}
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>
    if (typeof owner.pid !== 'number' || !Number.isInteger(owner.pid) || owner.pid <= 0) return {ownerless: 'the lock file names no process', ageMs}
    return {owner: {pid: owner.pid, host: String(owner.host ?? hostname()), at: String(owner.at ?? 'unknown')}}
  } catch {
    return {ownerless: 'the lock file is unreadable', ageMs}
  }
}

/** Why the lock's owner is gone, or null while it may still be running. */
function staleReason(state: NonNullable<LockState>): string | null {
  if ('ownerless' in state) return state.ageMs >= OWNERLESS_GRACE_MS ? state.ownerless : null
  const {owner} = state
  if (owner.host !== hostname()) return null
  try {
    process.kill(owner.pid, 0)
    return null
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH' ? `its owner (pid ${owner.pid}) is no longer running` : null
  }
}

/**
 * Move the stale lock aside atomically; if what we moved turns out to be a fresh lock another
 * process just took, put it back without clobbering (link fails if the path exists). True when
 * the lock moved aside was stale and is gone. Exported for its tests: the put-back happens only
 * when another process wins the moment between our check and our move.
 */
export async function breakStaleLock(path: string): Promise<boolean> {
  const aside = `${path}.stale-${process.pid}-${Date.now()}`
  try {
    await rename(path, aside)
  } catch {
    return false
  }
  const moved = await readState(aside)
  const stillStale = moved === null || staleReason(moved) !== null
  if (!stillStale) await link(aside, path).catch(() => undefined)
  await unlink(aside).catch(() => undefined)
  return stillStale
}
