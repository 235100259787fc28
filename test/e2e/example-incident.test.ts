import {readFile, readdir} from 'node:fs/promises'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {ActionItemsFileSchema} from '../../src/incident/action-item.js'
import {IncidentSchema} from '../../src/incident/incident.js'
import {RcaSchema} from '../../src/incident/rca.js'
import {buildExampleRepo, exampleArgs, runCli, tempDir} from './cli-harness.js'

const EXPECTED_FILES = [
  'incident.json',
  'timeline.jsonl',
  'triage.json',
  'phase-1-triage.md',
  'phase-2-root-cause-analyst.md',
  'phase-2-backend-reliability.md',
  'phase-2-database.md',
  'findings/root-cause-analyst.json',
  'findings/backend-reliability.json',
  'findings/database.json',
  'phase-3-rca.md',
  'rca.json',
  'postmortem.md',
  'postmortem.html',
  'error-rate.svg',
  'incident-phases.svg',
  'action-items.json',
  'action-items.md',
  'incident-summary.md',
  'evidence/manifest.json',
  'evidence/items.json',
  'evidence/logs.json',
  'evidence/git.json',
  'evidence/deploys.json',
  'evidence/metrics.json',
]

describe('the bundled example incident, end to end (built CLI)', () => {
  let work: string
  let json: Record<string, any>
  let dir: string

  beforeAll(async () => {
    work = await tempDir('example')
    const repo = buildExampleRepo(work)
    const result = await runCli([...exampleArgs(repo), '--severity', 'p0', '--symptoms', 'high-error-rate,database-issues', '--non-interactive', '--json', '--out-dir', join(work, 'out')], {cwd: work})
    expect(result.stderr).not.toMatch(/Internal error/)
    expect(result.code).toBe(0)
    json = JSON.parse(result.stdout) // stdout holds exactly one JSON object
    dir = json.outputDir
  }, 120_000)

  it('prints the JSON contract of design.md', () => {
    expect(json.id).toMatch(/^incident-\d{4}-\d{2}-\d{2}-\d{6}$/)
    expect(json).toMatchObject({severity: 'P0', status: 'investigating', symptoms: ['high-error-rate', 'database-issues']})
    expect(json.investigation.specialists).toEqual(['root-cause-analyst', 'backend-reliability', 'database'])
    expect(json.investigation.provider).toBe('offline')
    expect(json.rca.rootCause).toMatchObject({category: 'database-migration'})
    expect(json.rca.rootCause.change.subject).toBe('migrations: make orders.currency NOT NULL')
    expect(json.actionItems.length).toBeGreaterThan(0)
    expect(json.files).toEqual(expect.arrayContaining(EXPECTED_FILES))
  })

  it('writes every file of the folder, valid against its schema', async () => {
    const listed = await readdir(dir, {recursive: true})
    for (const file of EXPECTED_FILES) expect(listed).toContain(file)
    const incident = IncidentSchema.parse(JSON.parse(await readFile(join(dir, 'incident.json'), 'utf8')))
    expect(Object.keys(incident.phases)).toEqual(['triage', 'investigation', 'rca', 'postmortem'])
    expect(incident.timestamps.startedAt?.slice(0, 16)).toBe('2026-11-12T14:02')
    const rca = RcaSchema.parse(JSON.parse(await readFile(join(dir, 'rca.json'), 'utf8')))
    expect(rca.fiveWhys).toHaveLength(5)
    const items = ActionItemsFileSchema.parse(JSON.parse(await readFile(join(dir, 'action-items.json'), 'utf8')))
    expect(items.items.length).toBeGreaterThan(0)
    for (const item of items.items) expect(item.title).toMatch(/^[A-Z][a-z-]+ /)
  })

  it('cites evidence that exists, and the postmortem covers the practice sections', async () => {
    const evidence = JSON.parse(await readFile(join(dir, 'evidence/items.json'), 'utf8')) as {id: string}[]
    const ids = new Set(evidence.map((item) => item.id))
    expect(json.rca.rootCause.evidenceIds.length).toBeGreaterThan(0)
    for (const id of json.rca.rootCause.evidenceIds) expect(ids).toContain(id)
    const postmortem = await readFile(join(dir, 'postmortem.md'), 'utf8')
    for (const section of ['Executive summary', 'Impact', 'Root cause', 'Five whys', 'Contributing factors', 'Detection', 'Response', 'Timeline', 'What went well', 'What went wrong', 'Action items', 'Messaging']) {
      expect(postmortem).toContain(section)
    }
    // The chart lists its markers as "hh:mm kind: label": each label says something the kind does not.
    const chart = await readFile(join(dir, 'error-rate.svg'), 'utf8')
    expect(chart).toContain('14:02 onset: first failures<')
    expect(chart).toContain('14:09 detection: incident declared')
  })

  it('keeps secrets and people out of every file', async () => {
    const files = (await readdir(dir, {recursive: true, withFileTypes: true})).filter((entry) => entry.isFile())
    expect(files.length).toBeGreaterThan(0)
    for (const entry of files) {
      const text = await readFile(join(entry.parentPath, entry.name), 'utf8')
      for (const secret of ['AKIAQ3EXAMPLE7KD2MZX', 'sk_live_', 'Sup3r-S3cret-pw', 'maria.schmidt@example.org']) expect(text, entry.name).not.toContain(secret)
      expect(text, entry.name).not.toMatch(/Example Dev|dev@example\.com/)
    }
  })
})
