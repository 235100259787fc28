import {spawn} from 'node:child_process'
import {mkdtemp, readFile, readdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'

import {LockedError, UsageError} from '../../src/errors/errors.js'
import {writeJsonAtomic} from '../../src/incident/atomic-write.js'
import {incidentIdFor, validateIncidentId} from '../../src/incident/incident-id.js'
import {withIncidentLock} from '../../src/incident/lock.js'
import {appendTimeline, createIncidentFolder, incidentDir, listIncidentIds, readTimeline} from '../../src/incident/store.js'

const tempDir = () => mkdtemp(join(tmpdir(), 'ir-store-'))

describe('incident ids', () => {
  it('are incident-YYYY-MM-DD-HHMMSS in UTC', () => {
    expect(incidentIdFor(new Date('2026-11-30T01:02:03.999+01:00'))).toBe('incident-2026-11-30-000203')
  })

  it.each(['../etc', 'incident-2026-11-30-000203/..', 'a/b', '..', 'incident-2026-11-30', ''])('rejects %j', (id) => {
    expect(() => validateIncidentId(id)).toThrow(UsageError)
  })

  it('accepts suffixed ids', () => {
    expect(validateIncidentId('incident-2026-11-30-000203-2')).toBe('incident-2026-11-30-000203-2')
    expect(() => incidentDir('/x', '../../etc/passwd')).toThrow(UsageError)
  })

  it('get a suffix when the second is taken, and list in order', async () => {
    const out = await tempDir()
    const now = new Date('2026-11-30T01:02:03Z')
    const ids = []
    for (let i = 0; i < 3; i++) {
      const {id, dir} = await createIncidentFolder(out, now)
      await writeFile(join(dir, 'incident.json'), '{}')
      ids.push(id)
    }
    expect(ids).toEqual(['incident-2026-11-30-010203', 'incident-2026-11-30-010203-2', 'incident-2026-11-30-010203-3'])
    expect(await listIncidentIds(out)).toEqual(ids)
  })
})

describe('atomic writes', () => {
  it('replace the file whole and leave no temp files', async () => {
    const dir = await tempDir()
    const path = join(dir, 'state.json')
    await Promise.all(Array.from({length: 20}, (_, i) => writeJsonAtomic(path, {i, pad: 'x'.repeat(10_000)})))
    const parsed = JSON.parse(await readFile(path, 'utf8'))
    expect(parsed.pad).toHaveLength(10_000)
    expect(await readdir(dir)).toEqual(['state.json'])
  })
})

describe('timeline', () => {
  it('appends events and skips a torn last line', async () => {
    const dir = await tempDir()
    await appendTimeline(dir, {at: '2026-11-30T01:00:00Z', kind: 'note', text: 'b', source: 'test'})
    await appendTimeline(dir, {at: '2026-11-30T00:59:00Z', kind: 'note', text: 'a', source: 'test'})
    await writeFile(join(dir, 'timeline.jsonl'), (await readFile(join(dir, 'timeline.jsonl'), 'utf8')) + '{"at":"2026-11-30T01:0', 'utf8')
    expect((await readTimeline(dir)).map((event) => event.text)).toEqual(['a', 'b'])
  })
})

describe('withIncidentLock', () => {
  // A test that stops the clock and then fails must not leave it stopped for the next.
  afterEach(() => {
    vi.useRealTimers()
  })

  it('refuses a second holder at once with LockedError, then frees the lock', async () => {
    const dir = await tempDir()
    let release!: () => void
    let acquired!: () => void
    const holding = new Promise<void>((resolve) => (acquired = resolve))
    const held = withIncidentLock(dir, () => {
      acquired()
      return new Promise<void>((resolve) => (release = resolve))
    })
    // The first holder has the lock before the second asks: the second cannot win a race for it.
    await holding
    // With the clock stopped, only a refusal that does not wait for the lock can come back at all.
    vi.useFakeTimers({toFake: ['Date']})
    await expect(withIncidentLock(dir, async () => 'second')).rejects.toBeInstanceOf(LockedError)
    vi.useRealTimers()
    release()
    await held
    await expect(withIncidentLock(dir, async () => 'third')).resolves.toBe('third')
  }, 10_000)

  it('waits for the lock when asked to', async () => {
    const dir = await tempDir()
    const order: string[] = []
    await Promise.all(
      Array.from({length: 10}, (_, i) =>
        withIncidentLock(dir, async () => {
          order.push(`start-${i}`)
          await new Promise((resolve) => setImmediate(resolve))
          order.push(`end-${i}`)
        }, {waitMs: 10_000}),
      ),
    )
    // never two holders at once: every start is followed by its own end
    for (let i = 0; i < order.length; i += 2) expect(order[i + 1]).toBe(order[i].replace('start', 'end'))
  })

  it('takes over a lock whose owner process is dead (SIGKILL)', async () => {
    const dir = await tempDir()
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    await new Promise((resolve) => child.once('spawn', resolve))
    await writeFile(join(dir, 'incident.lock'), JSON.stringify({pid: child.pid, host: (await import('node:os')).hostname(), at: 'then'}))
    await expect(withIncidentLock(dir, async () => 'x')).rejects.toBeInstanceOf(LockedError)
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    await expect(withIncidentLock(dir, async () => 'recovered')).resolves.toBe('recovered')
  })
})
