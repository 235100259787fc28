import {spawnSync} from 'node:child_process'
import {mkdtemp, readFile, readdir, symlink, utimes, writeFile} from 'node:fs/promises'
import {hostname, tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'

import {LockedError, UserError} from '../../src/errors/errors.js'
import {breakStaleLock, withIncidentLock} from '../../src/incident/lock.js'

const tempDir = () => mkdtemp(join(tmpdir(), 'ir-lock-'))
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!
const lockOf = (dir: string) => join(dir, 'incident.lock')

/** The LockedError a second holder gets, with the lock file holding `content`. */
async function refusal(content: string): Promise<LockedError> {
  const dir = await tempDir()
  await writeFile(lockOf(dir), content)
  const error = await withIncidentLock(dir, async () => 'ran').catch((e: unknown) => e)
  expect(error).toBeInstanceOf(LockedError)
  return error as LockedError
}

/** The notice of a takeover of a lock file holding `content`, a minute old. */
async function takeoverNotice(content: string): Promise<string> {
  const dir = await tempDir()
  await writeFile(lockOf(dir), content)
  const old = new Date(Date.now() - 60_000)
  await utimes(lockOf(dir), old, old)
  const notices: string[] = []
  await expect(withIncidentLock(dir, async () => 'ran', {onTakeover: (message) => notices.push(message)})).resolves.toBe('ran')
  expect(notices).toHaveLength(1)
  return notices[0]
}

describe('a refusal says who holds the lock and what to do', () => {
  it('names the running owner, its host and since when, and suggests waiting for it', async () => {
    const error = await refusal(JSON.stringify({pid: process.pid, host: hostname(), at: '2026-11-12T14:00:00Z'}))
    expect(error.message).toMatch(new RegExp(`^Incident .*ir-lock-\\w+ is locked by another process \\(pid ${process.pid} on ${hostname()}, since 2026-11-12T14:00:00Z\\)\\.$`))
    expect(error.suggestions).toEqual(['Wait for that command to finish, or stop it, then run this again.'])
  })

  it('takes a lock without a host for this host, and one without a time as of an unknown time', async () => {
    const error = await refusal(JSON.stringify({pid: process.pid}))
    expect(error.message).toContain(`(pid ${process.pid} on ${hostname()}, since unknown)`)
  })

  it('leaves alone the lock of a process on another host, even with a pid that is not running here', async () => {
    const error = await refusal(JSON.stringify({pid: deadPid(), host: `not-${hostname()}`, at: 'then'}))
    expect(error.message).toContain(`on not-${hostname()}, since then`)
  })

  it('says a lock file with no owner yet is just being taken', async () => {
    expect((await refusal('')).message).toContain('(it is just being taken)')
  })

  it('says a lock that vanishes while being read is just being released', async () => {
    // A link to nowhere exists for an exclusive create but not for a read: a release in between.
    const dir = await tempDir()
    await symlink(join(dir, 'gone'), lockOf(dir))
    const error = await withIncidentLock(dir, async () => 'ran').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LockedError)
    expect((error as Error).message).toContain('(it is just being released)')
  })

  it('turns a folder that is a file into a user error naming the lock, not a refusal', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'file'), 'x')
    const error = await withIncidentLock(join(dir, 'file'), async () => 'ran').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toBe(`Cannot use ${lockOf(join(dir, 'file'))} creating the lock: a part of it is a file, not a folder.`)
  })
})

describe('the holder', () => {
  it('records its pid, host and time in the lock file while it holds it, and removes it after', async () => {
    const dir = await tempDir()
    const during = await withIncidentLock(dir, () => readFile(lockOf(dir), 'utf8'))
    expect(JSON.parse(during)).toEqual({pid: process.pid, host: hostname(), at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)})
    expect(await readdir(dir)).toEqual([])
  })
})

describe('what a takeover says', () => {
  it.each([
    ['an empty lock file', '', 'the lock file was empty (its writer stopped before writing it, e.g. on a full disk)'],
    ['a lock file of blanks', ' \n', 'the lock file was empty (its writer stopped before writing it, e.g. on a full disk)'],
    ['a torn lock file', '{"pid": 12', 'the lock file is unreadable'],
    ['no pid', '{"host": "h"}', 'the lock file names no process'],
    ['a pid that is text', '{"pid": "12"}', 'the lock file names no process'],
    ['a fractional pid', '{"pid": 1.5}', 'the lock file names no process'],
    ['pid 0', '{"pid": 0}', 'the lock file names no process'],
    ['a negative pid', '{"pid": -4}', 'the lock file names no process'],
  ])('names %s', async (_, content, reason) => {
    expect(await takeoverNotice(content)).toMatch(new RegExp(`^Took over the lock of .*ir-lock-\\w+: ${reason.replace(/[()]/g, '\\$&')}\\.$`))
  })

  it('names the owner that is no longer running', async () => {
    const pid = deadPid()
    expect(await takeoverNotice(JSON.stringify({pid, host: hostname(), at: 'then'}))).toMatch(new RegExp(`: its owner \\(pid ${pid}\\) is no longer running\\.$`))
  })

  it('goes to stderr when nobody else asked to be told', async () => {
    const dir = await tempDir()
    await writeFile(lockOf(dir), '')
    const old = new Date(Date.now() - 60_000)
    await utimes(lockOf(dir), old, old)
    const written: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0)
    try {
      await withIncidentLock(dir, async () => 'ran')
    } finally {
      spy.mockRestore()
    }
    expect(written).toEqual([`Took over the lock of ${dir}: the lock file was empty (its writer stopped before writing it, e.g. on a full disk).\n`])
  })
})

describe('an ownerless lock file is left to its writer for 2 s', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it.each([
    [1999, 'refused'],
    [2000, 'taken over'],
  ])('at %i ms old it is %s', async (ageMs, outcome) => {
    const dir = await tempDir()
    await writeFile(lockOf(dir), '')
    // Whole seconds, so that the file's time and the clock agree to the millisecond.
    const writtenAt = new Date('2026-11-12T14:00:00Z')
    await utimes(lockOf(dir), writtenAt, writtenAt)
    vi.useFakeTimers({toFake: ['Date'], now: writtenAt.getTime() + ageMs})
    const result = await withIncidentLock(dir, async () => 'taken over', {onTakeover: () => undefined}).catch((e: unknown) => (e instanceof LockedError ? 'refused' : e))
    expect(result).toBe(outcome)
  })
})

describe('breakStaleLock', () => {
  it('puts back a lock that turns out to be held by a running process, and says it broke nothing', async () => {
    const dir = await tempDir()
    const fresh = JSON.stringify({pid: process.pid, host: hostname(), at: 'now'})
    await writeFile(lockOf(dir), fresh)
    expect(await breakStaleLock(lockOf(dir))).toBe(false)
    expect(await readdir(dir)).toEqual(['incident.lock'])
    expect(await readFile(lockOf(dir), 'utf8')).toBe(fresh)
  })

  it('removes a lock whose owner is gone, leaving nothing aside', async () => {
    const dir = await tempDir()
    await writeFile(lockOf(dir), JSON.stringify({pid: deadPid(), host: hostname(), at: 'then'}))
    expect(await breakStaleLock(lockOf(dir))).toBe(true)
    expect(await readdir(dir)).toEqual([])
  })

  it('breaks nothing when the lock is already gone', async () => {
    const dir = await tempDir()
    expect(await breakStaleLock(lockOf(dir))).toBe(false)
    expect(await readdir(dir)).toEqual([])
  })
})
