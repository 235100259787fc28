import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {createEvidenceTools, MAX_TOOL_CHARS} from '../../src/agents/evidence-tools.js'
import {INCIDENT, bundleOf} from './offline/bundle-builder.js'

const dir = mkdtempSync(join(tmpdir(), 'evidence-tools-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const log = join(dir, 'app.log')
writeFileSync(
  log,
  [
    '2026-10-06T10:14:00Z INFO request completed',
    '2026-10-06T10:15:10Z ERROR refund failed password=hunter22',
    ...Array.from({length: 400}, (_, i) => `2026-10-06T10:16:${String(i % 60).padStart(2, '0')}Z ERROR refund failed for order ${i} ${'x'.repeat(200)}`),
  ].join('\n'),
)
const csv = join(dir, 'metrics.csv')
writeFileSync(csv, ['timestamp,http_5xx_rate', '2026-10-06T10:14:00Z,0', '2026-10-06T10:15:00Z,0.3', '2026-10-06T10:16:00Z,0.4'].join('\n'))

const inputs = (over: Partial<typeof INCIDENT.inputs>) => ({...INCIDENT.inputs, ...over})

describe('createEvidenceTools', () => {
  const bundle = bundleOf({templates: [{template: 'refund failed'}], commits: [{subject: 'payments: refunds', files: ['src/payments/refund.ts'], minutesBefore: 5}]})

  it('searches the log files, redacted, within a time range and capped', async () => {
    const tools = createEvidenceTools(bundle, inputs({logs: [log]}))
    const first = await tools.searchLogs({pattern: 'refund failed', to: '2026-10-06T10:15:30Z'})
    expect(first).toContain('1 matching line(s):')
    expect(first).toContain('password=[REDACTED')
    expect(first).not.toContain('hunter22')
    const many = await tools.searchLogs({pattern: 'refund', limit: 500})
    expect(many.length).toBeLessThanOrEqual(MAX_TOOL_CHARS)
    expect(many).toContain('truncated')
  })

  it('says that logs read from stdin cannot be searched again', async () => {
    const tools = createEvidenceTools(bundle, inputs({logs: ['-']}))
    expect(await tools.searchLogs({pattern: 'x'})).toMatch(/stdin \(-\).*cannot be searched again/)
  })

  it('shows a commit diff from the repository, and says so when there is none', async () => {
    const repo = join(dir, 'repo')
    execFileSync('git', ['init', '-q', repo])
    writeFileSync(join(repo, 'refund.ts'), 'export const token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"\n')
    const env = {...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.com'}
    execFileSync('git', ['-C', repo, 'add', '.'], {env})
    execFileSync('git', ['-C', repo, 'commit', '-qm', 'payments: refunds'], {env})
    const sha = execFileSync('git', ['-C', repo, 'rev-parse', 'HEAD'], {encoding: 'utf8'}).trim()
    const diff = await createEvidenceTools(bundle, inputs({repo})).commitDiff(sha, 100_000)
    expect(diff).toContain('payments: refunds')
    expect(diff).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789')
    expect(await createEvidenceTools(bundle, inputs({repo: null})).commitDiff(sha, 1000)).toMatch(/No repository/)
  })

  it('slices a metric series from the metric files', async () => {
    const text = await createEvidenceTools(bundle, inputs({metrics: [csv]})).metricSlice({series: 'http_5xx_rate', from: '2026-10-06T10:15:00Z'})
    expect(text).toContain('2026-10-06T10:15:00Z  0.3')
    expect(text).not.toContain('10:14:00Z')
  })

  it('lists evidence filtered by source', async () => {
    const text = await createEvidenceTools(bundle, inputs({})).listEvidence({source: 'git'})
    expect(text.split('\n')).toHaveLength(1)
    expect(text).toMatch(/^ev-git-[0-9a-f]{7} \[git\/code-change\]/)
    expect(await createEvidenceTools(bundle, inputs({})).listEvidence({source: 'health'})).toBe('No evidence items from health.')
  })
})
