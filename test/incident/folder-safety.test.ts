import {spawnSync} from 'node:child_process'
import {mkdir, mkdtemp, readFile, readdir, symlink, utimes, writeFile} from 'node:fs/promises'
import {hostname, tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {LockedError, UserError} from '../../src/errors/errors.js'
import {writeFileAtomic, writeJsonAtomic} from '../../src/incident/atomic-write.js'
import {withIncidentLock} from '../../src/incident/lock.js'
import {fileSystemError} from '../../src/incident/safe-fs.js'
import {appendTimeline, createIncidentFolder, readIncident, readTimelineChecked, writeIncident} from '../../src/incident/store.js'
import {incident} from '../phases/fixtures.js'

async function incidentFolder(): Promise<{outDir: string; dir: string; outside: string}> {
  const root = await mkdtemp(join(tmpdir(), 'ir-safety-'))
  const outDir = join(root, 'out')
  const {id, dir} = await createIncidentFolder(outDir, new Date('2026-11-12T14:00:00Z'))
  await writeIncident(dir, incident({id}))
  const outside = join(root, 'outside.txt')
  await writeFile(outside, 'precious\n')
  return {outDir, dir, outside}
}

describe('writes stay inside the incident (issue L, item 4)', () => {
  it('refuses to write a document that is a link to a file outside, and leaves that file alone', async () => {
    const {dir, outside} = await incidentFolder()
    await symlink(outside, join(dir, 'postmortem.md'))
    await expect(writeFileAtomic(join(dir, 'postmortem.md'), '# new')).rejects.toThrow(UserError)
    await expect(writeFileAtomic(join(dir, 'postmortem.md'), '# new')).rejects.toThrow(/symbolic link/)
    expect(await readFile(outside, 'utf8')).toBe('precious\n')
  })

  it('refuses to write into a subfolder that is a link out of the incident', async () => {
    const {dir, outside} = await incidentFolder()
    const elsewhere = join(outside, '..', 'elsewhere')
    await mkdir(elsewhere)
    await symlink(elsewhere, join(dir, 'evidence'))
    await expect(writeJsonAtomic(join(dir, 'evidence', 'logs.json'), {})).rejects.toThrow(/evidence is a symbolic link/)
    expect(await readdir(elsewhere)).toEqual([])
  })

  it('refuses to append to a timeline that is a link', async () => {
    const {dir, outside} = await incidentFolder()
    await symlink(outside, join(dir, 'timeline.jsonl'))
    await expect(appendTimeline(dir, {at: '2026-11-12T14:05:00Z', kind: 'note', text: 'x', source: 'note'})).rejects.toThrow(UserError)
    expect(await readFile(outside, 'utf8')).toBe('precious\n')
  })

  it('refuses an incident folder that is a link outside the out-dir, and accepts one inside it', async () => {
    const {outDir, dir} = await incidentFolder()
    const away = await mkdtemp(join(tmpdir(), 'ir-away-'))
    await writeJsonAtomic(join(away, 'incident.json'), incident({id: 'incident-2026-11-12-150000'}))
    await symlink(away, join(outDir, 'incident-2026-11-12-150000'))
    await expect(readIncident(join(outDir, 'incident-2026-11-12-150000'))).rejects.toThrow(/outside/)
    await symlink(dir, join(outDir, 'incident-2026-11-12-160000'))
    await expect(readIncident(join(outDir, 'incident-2026-11-12-160000'))).resolves.toMatchObject({severity: 'P0'})
  })

  it('writes a file whole through a temp file created beside it, leaving no temp behind', async () => {
    const {dir} = await incidentFolder()
    await Promise.all(Array.from({length: 10}, (_, i) => writeJsonAtomic(join(dir, 'rca.json'), {i, pad: 'x'.repeat(5000)})))
    expect(JSON.parse(await readFile(join(dir, 'rca.json'), 'utf8')).pad).toHaveLength(5000)
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})

describe('locks whose owner is gone are taken over (issue L, item 5)', () => {
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!
  const old = new Date(Date.now() - 60_000)

  for (const [name, content] of [
    ['an empty lock file', ''],
    ['a lock naming no process', '{}'],
    ['a lock of a process that is gone', () => JSON.stringify({pid: deadPid(), host: hostname(), at: '2026-11-12T14:00:00Z'})],
  ] as const) {
    it(`takes over ${name}, and says so`, async () => {
      const {dir} = await incidentFolder()
      await writeFile(join(dir, 'incident.lock'), typeof content === 'function' ? content() : content)
      await utimes(join(dir, 'incident.lock'), old, old)
      const notices: string[] = []
      await expect(withIncidentLock(dir, async () => 'ran', {onTakeover: (message) => notices.push(message)})).resolves.toBe('ran')
      expect(notices).toHaveLength(1)
      expect(notices[0]).toMatch(/^Took over the lock of .*: /)
      expect(await readdir(dir)).not.toContain('incident.lock')
    })
  }

  it('leaves alone a lock of a running process, and an empty one just being written', async () => {
    const {dir} = await incidentFolder()
    await writeFile(join(dir, 'incident.lock'), JSON.stringify({pid: process.pid, host: hostname(), at: 'now'}))
    await expect(withIncidentLock(dir, async () => 'ran')).rejects.toThrow(LockedError)
    await writeFile(join(dir, 'incident.lock'), '')
    await expect(withIncidentLock(dir, async () => 'ran')).rejects.toThrow(LockedError)
  })

  it('turns a full disk and a denied write into user errors naming the path', () => {
    const full = fileSystemError(Object.assign(new Error('ENOSPC: no space left on device'), {code: 'ENOSPC'}), '/x/incident.lock', 'writing the lock')
    expect(full).toBeInstanceOf(UserError)
    expect((full as Error).message).toBe('No space left on the device writing the lock /x/incident.lock; nothing was written.')
    expect((fileSystemError(Object.assign(new Error('EACCES'), {code: 'EACCES'}), '/x/postmortem.md', 'writing') as Error).message).toContain('/x/postmortem.md')
  })
})

describe('the timeline survives a torn line (issue L, item 6)', () => {
  it('starts the next event on a fresh line, and names the torn one', async () => {
    const {dir} = await incidentFolder()
    await appendTimeline(dir, {at: '2026-11-12T14:01:00Z', kind: 'note', text: 'first', source: 'note'})
    await writeFile(join(dir, 'timeline.jsonl'), (await readFile(join(dir, 'timeline.jsonl'), 'utf8')) + '{"at":"2026-11-12T14:0', {flag: 'w'})
    await appendTimeline(dir, {at: '2026-11-12T14:05:00Z', kind: 'decision', text: 'keep read-only mode', source: 'note'})
    const {events, problems} = await readTimelineChecked(dir)
    expect(events.map((e) => e.text)).toEqual(['first', 'keep read-only mode'])
    expect(problems).toEqual(['timeline.jsonl line 2 is torn or not JSON; skipped'])
  })
})
