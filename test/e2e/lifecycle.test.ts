import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {readTimeline} from '../../src/incident/store.js'
import {buildExampleRepo, exampleArgs, runCli, tempDir} from './cli-harness.js'

describe('incident lifecycle (spawned CLI)', () => {
  let work: string
  let out: string
  let id: string
  const cli = (args: string[]) => runCli([...args, '--out-dir', out], {cwd: work})

  beforeAll(async () => {
    work = await tempDir('lifecycle')
    out = join(work, 'out')
    const repo = buildExampleRepo(work)
    const start = await cli([...exampleArgs(repo), '--severity', 'p1', '--symptoms', 'high-error-rate', '--non-interactive', '--json'])
    expect(start.code).toBe(0)
    id = JSON.parse(start.stdout).id
  }, 120_000)

  it('start → note ×3 → mitigate → resolve → postmortem → lint clean', async () => {
    for (const [text, kind] of [['Paged the database owners', 'action'], ['Keeping the legacy route up', 'decision'], ['Errors only on POST /api/checkout', 'note']]) {
      const note = await cli(['note', text, '--kind', kind])
      expect(note.code, note.stderr).toBe(0)
    }
    const mitigate = await cli(['mitigate', '--action', 'Dropped NOT NULL on orders.currency'])
    expect(mitigate.code, mitigate.stderr).toBe(0)
    const resolve = await cli(['resolve', '--resolution', 'Legacy checkout now writes the currency', '--json'])
    expect(resolve.code, resolve.stderr).toBe(0)
    expect(JSON.parse(resolve.stdout)).toMatchObject({id, status: 'resolved', changed: true})

    const again = await cli(['resolve', '--resolution', 'again']) // no --id and nothing open: a usage error naming the latest
    expect(again.code).toBe(2)
    expect(again.stderr).toContain(`No open incident in ${out}; the latest, ${id}, is resolved.`)
    const byId = await cli(['resolve', '--resolution', 'again', '--id', id]) // with --id: idempotent
    expect(byId.code).toBe(0)
    expect(byId.stdout).toMatch(/already resolved/)

    const postmortem = await cli(['postmortem', '--id', id, '--format', 'md,html,json'])
    expect(postmortem.code, postmortem.stderr).toBe(0)
    const dir = join(out, id)
    const text = await readFile(join(dir, 'postmortem.md'), 'utf8')
    expect(text).toContain('Legacy checkout now writes the currency')
    expect(text).toMatch(/Time to resolve \(onset → resolved\) \| \d/)
    expect(JSON.parse(await readFile(join(dir, 'postmortem.json'), 'utf8')).incident.status).toBe('resolved')

    const lint = await cli(['lint', '--id', id])
    expect(lint.stdout + lint.stderr).toMatch(/blameless ✓/)
    expect(lint.code).toBe(0)

    const before = JSON.parse(await readFile(join(dir, 'incident.json'), 'utf8'))
    const rerun = await cli(['--id', id, '--postmortem', '--json'])
    expect(rerun.code, rerun.stderr).toBe(0)
    const after = JSON.parse(rerun.stdout)
    expect(after.phases.triage.at).toBe(before.phases.triage.at) // earlier phases are not re-run
    expect(after.phases.investigation.at).toBe(before.phases.investigation.at)
    expect(after.phases.postmortem.at > before.phases.postmortem.at).toBe(true)

    const show = await cli(['show', '--id', id])
    expect(show.code, show.stderr).toBe(0)
    expect(show.stdout).toMatch(/Incident summary/)
    expect(show.stdout).toMatch(/UTC — Resolved: Legacy checkout now writes the currency/)
    expect(show.stdout).not.toMatch(/\u001b\[/) // NO_COLOR: no escape sequences

    const list = await cli(['list', '--json'])
    expect(JSON.parse(list.stdout).incidents[0]).toMatchObject({id, status: 'resolved', rootCause: 'database-migration'})
    const kinds = (await readTimeline(dir)).map((event) => event.kind)
    expect(kinds).toEqual(expect.arrayContaining(['declared', 'action', 'decision', 'note', 'mitigated', 'resolved']))
  }, 120_000)

  it('keeps all 50 concurrent notes, none torn', async () => {
    const results = await Promise.all(Array.from({length: 50}, (_, i) => cli(['note', `concurrent note ${i}`, '--id', id])))
    for (const result of results) expect(result.code, result.stderr).toBe(0)
    const lines = (await readFile(join(out, id, 'timeline.jsonl'), 'utf8')).trim().split('\n')
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow()
    const texts = new Set((await readTimeline(join(out, id))).map((event) => event.text))
    for (let i = 0; i < 50; i++) expect(texts).toContain(`concurrent note ${i}`)
  }, 120_000)

  it('explains bad lifecycle input', async () => {
    const missing = await cli(['note', 'hello', '--id', 'incident-2000-01-01-000000'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/No incident/)
    const format = await cli(['postmortem', '--id', id, '--format', 'pdf'])
    expect(format.code).toBe(2)
    expect(format.stderr).toMatch(/Unknown --format pdf/)
  }, 60_000)
})
