import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {IncidentSchema} from '../../src/incident/incident.js'
import {buildExampleRepo, exampleArgs, runCli, tempDir} from './cli-harness.js'

/** Sentences of a Markdown document that appear more than once (tables, headings and short fragments aside). */
function repeatedSentences(markdown: string): string[] {
  const prose = markdown
    .split('\n')
    .filter((line) => !line.startsWith('|') && !line.startsWith('#'))
    .join(' ')
    .replace(/[*`]/g, '')
  const sentences = prose.split(/(?<=[.!?])\s+(?=[A-Z[])/).map((sentence) => sentence.trim()).filter((sentence) => sentence.split(/\s+/).length >= 6)
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const sentence of sentences) (seen.has(sentence) ? repeated : seen).add(sentence)
  return [...repeated]
}

describe('the example incident’s arc, end to end (built CLI)', () => {
  let work: string
  let out: string
  let repo: string
  let id: string
  let postmortem: string
  const cli = (args: string[]) => runCli([...args, '--out-dir', out], {cwd: work})

  beforeAll(async () => {
    work = await tempDir('arc')
    out = join(work, 'out')
    repo = buildExampleRepo(work)
    const run = await cli([...exampleArgs(repo), '--severity', 'p0', '--symptoms', 'high-error-rate,database-issues', '--non-interactive', '--json'])
    expect(run.code, run.stderr).toBe(0)
    id = JSON.parse(run.stdout).id
    postmortem = await readFile(join(out, id, 'postmortem.md'), 'utf8')
  }, 120_000)

  it('finds the mitigation at 14:30 (a forward change), the recovery at 14:31 and about 29 min of impact', async () => {
    const incident = IncidentSchema.parse(JSON.parse(await readFile(join(out, id, 'incident.json'), 'utf8')))
    expect(incident.arc?.mitigation).toMatchObject({at: '2026-11-12T14:30:00.000Z', kind: 'forward-change', version: '2.14.3'})
    expect(incident.arc?.recovery?.at).toBe('2026-11-12T14:31:00.000Z')
    expect(incident.arc?.attempts.map((attempt) => attempt.at)).toEqual(['2026-11-12T14:16:00.000Z'])
    expect(postmortem).toContain('| Duration | 29 min (onset → last failure before the recovery, from the evidence) |')
    expect(postmortem).toContain('From the evidence, the failures stopped after a change at 14:30 UTC: deploy 2.14.3 of checkout-api, "Deploy 2.14.3 with migration 20261112_1425_orders_currency_drop_not_null" — a forward change, not a rollback.')
    expect(postmortem).toMatch(/was back at its pre-onset level from 14:31 UTC/)
    expect(postmortem).toMatch(/\| 2026-11-12 14:30 \| Mitigation, from the evidence: deploy 2\.14\.3/)
    expect(postmortem).toContain('| Time to mitigate (onset → mitigated) | 28 min (from the evidence) |')
    expect(postmortem).not.toMatch(/Not resolved yet|still open; measured/)
    const svg = await readFile(join(out, id, 'error-rate.svg'), 'utf8')
    expect(svg).toContain('<g class="marker marker-mitigation">')
    expect(svg).toContain('<g class="marker marker-recovery">')
  })

  it('counts each failed checkout once, on the one endpoint the test finds affected', () => {
    expect(postmortem).toContain('Affected: POST /api/checkout (531 of 536 requests failed, 99.1%; 0.69% before the onset; 541 of 1,830 over the whole log).')
    expect(postmortem).toContain('Not affected by that test: POST /api/v2/checkout (5 of 348 requests failed, 1.4%; 0.85% before the onset; 13 of 1,172 over the whole log).')
    // The application's lines carry request ids, the access log's do not: nothing to match them on, so the access log alone counts.
    expect(postmortem).toContain('536 requests failed (HTTP 5xx) from 2026-11-12 14:02 UTC to 14:30 UTC')
    expect(postmortem).toContain('Counted from the access log (access.log.gz), one line per request')
    expect(postmortem).toContain('- **Functionality lost:** `POST /api/checkout`\n')
    expect(postmortem).not.toMatch(/1,620|error lines logged/)
    expect(postmortem).toMatch(/\| Severity \| P0 as declared; by volume alone the evidence supports P1 \(11\.8% of requests failed; POST \/api\/checkout 99\.1%\)\. \|/)
  })

  it('advises rolling the migration forward, never git revert, and asks for nothing the history shows done', async () => {
    const triage = await readFile(join(out, id, 'phase-1-triage.md'), 'utf8')
    for (const text of [postmortem, triage]) expect(text).not.toMatch(/git revert e3f0244/)
    expect(triage).toContain('forward: apply a compensating migration that undoes its schema change')
    const items = JSON.parse(await readFile(join(out, id, 'action-items.json'), 'utf8')).items as {title: string}[]
    expect(items[0].title).toContain('the backfill had run — df907c0 "migrations: backfill orders.currency with USD"')
    expect(items.map((item) => item.title).join('\n')).not.toMatch(/without a backfill|rollback procedure/)
  })

  it('says each sentence once per document', () => {
    expect(repeatedSentences(postmortem)).toEqual([])
    expect(postmortem).toContain('the new errors name orders.currency (column "currency" of relation "orders"), which it changed')
    expect(postmortem).not.toMatch(/share the words/)
  })

  it('records back-dated mitigation and resolution with --at, refusing times before the onset or in the future', async () => {
    const early = await cli(['note', 'too early', '--at', '2026-11-12T13:00:00Z'])
    expect(early.code).toBe(2)
    expect(early.stderr).toContain('--at 2026-11-12 13:00 UTC is before the incident\'s onset (2026-11-12 14:02 UTC).')
    const future = await cli(['mitigate', '--action', 'x', '--at', '2999-01-01T00:00:00Z'])
    expect(future.code).toBe(2)
    expect(future.stderr).toMatch(/--at 2999-01-01T00:00:00\.000Z is in the future/)
    expect((await cli(['mitigate', '--action', 'Deployed 2.14.3 (drops the NOT NULL)', '--at', '2026-11-12T14:30:00Z'])).code).toBe(0)
    const backwards = await cli(['resolve', '--resolution', 'x', '--at', '2026-11-12T14:20:00Z'])
    expect(backwards.code).toBe(2)
    expect(backwards.stderr).toContain('is before the recorded mitigation')
    const resolve = await cli(['resolve', '--resolution', 'Legacy checkout writes the currency', '--at', '2026-11-12T15:00:00Z', '--no-notify'])
    expect(resolve.code, resolve.stderr).toBe(0)
    const text = await readFile(join(out, id, 'postmortem.md'), 'utf8')
    expect(text).toContain('| Time to mitigate (onset → mitigated) | 28 min |')
    expect(text).toContain('| Time to resolve (onset → resolved) | 58 min |')
    expect(text).toContain('| Duration | 29 min (onset → last failure before the recovery, from the evidence) |')
    const list = JSON.parse((await cli(['list', '--json'])).stdout).incidents[0]
    expect(list).toMatchObject({id, status: 'resolved', duration: '29 min', durationMinutes: 29})
  })
})

describe('a replayed incident a month old, without --started-at', () => {
  it('never measures detection to today: time to detect unknown, no detection action item', async () => {
    const work = await tempDir('replay')
    const out = join(work, 'out')
    const repo = buildExampleRepo(work)
    const args = exampleArgs(repo).filter((arg, i, all) => arg !== '--started-at' && all[i - 1] !== '--started-at')
    const run = await runCli([...args, '--severity', 'p1', '--symptoms', 'high-error-rate', '--postmortem', '--non-interactive', '--json', '--out-dir', out], {cwd: work})
    expect(run.code, run.stderr).toBe(0)
    const json = JSON.parse(run.stdout)
    const text = await readFile(join(out, json.id, 'postmortem.md'), 'utf8')
    expect(text).toContain('| Time to detect (onset → detected) | unknown |')
    expect(text).toContain('When the incident was declared is not known: no --started-at or alert gave the time, and this run came long after the evidence, so the time to detect is unknown.')
    expect(text).toMatch(/Declared when this tool ran, not when it was detected \(unknown\)/)
    expect(text).not.toMatch(/Detection took|\d+ d \d+ h/)
    expect(json.actionItems.map((item: {type: string}) => item.type)).not.toContain('detect')
    const list = JSON.parse((await runCli(['list', '--json', '--out-dir', out], {cwd: work})).stdout).incidents[0]
    expect(list.duration).toBe('29 min')
  }, 120_000)
})

describe('lifecycle commands with two incidents open', () => {
  it('refuse to guess: exit 2 listing the open incidents, then act on the one named', async () => {
    const work = await tempDir('two-open')
    const out = join(work, 'out')
    const repo = buildExampleRepo(work)
    const ids: string[] = []
    for (const id of ['incident-2026-11-12-140900', 'incident-2026-11-12-141500']) {
      const run = await runCli([...exampleArgs(repo), '--id', id, '--severity', 'p1', '--symptoms', 'high-error-rate', '--non-interactive', '--json', '--out-dir', out], {cwd: work})
      expect(run.code, run.stderr).toBe(0)
      ids.push(id)
    }
    for (const command of [['resolve', '--resolution', 'Fixed'], ['mitigate', '--action', 'x'], ['note', 'hello']]) {
      const result = await runCli([...command, '--no-notify', '--out-dir', out].filter((arg) => command[0] === 'resolve' || arg !== '--no-notify'), {cwd: work})
      expect(result.code, command[0]).toBe(2)
      expect(result.stderr).toContain(`2 incidents are open in ${out}: incident-2026-11-12-141500 (P1, investigating), incident-2026-11-12-140900 (P1, investigating). Say which with --id.`)
    }
    const byId = await runCli(['resolve', '--resolution', 'Fixed', '--id', ids[0], '--no-notify', '--no-postmortem', '--out-dir', out], {cwd: work})
    expect(byId.code, byId.stderr).toBe(0)
    const theOther = await runCli(['resolve', '--resolution', 'Fixed too', '--no-notify', '--no-postmortem', '--json', '--out-dir', out], {cwd: work})
    expect(theOther.code, theOther.stderr).toBe(0)
    expect(JSON.parse(theOther.stdout)).toMatchObject({id: ids[1], status: 'resolved', changed: true})
  }, 120_000)
})
