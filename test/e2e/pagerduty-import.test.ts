import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {startFakePagerDutyApi} from '../integrations/fakes/fake-pagerduty.js'
import {buildExampleRepo, exampleArgs, runCli, tempDir} from './cli-harness.js'

const entry = (id: string, type: string, at: string, agent: string) => ({id, type, created_at: at, summary: `${type} by ${agent}`, channel: {type: 'web'}, agent: {type: 'user_reference', summary: agent}})

describe('--pagerduty-incident imports the PagerDuty timeline; --update posts the RCA back', () => {
  it('takes detection and acknowledgement times from PagerDuty, names nobody, and leaves a note', async () => {
    const work = await tempDir('pd-import')
    const repo = buildExampleRepo(work)
    const api = await startFakePagerDutyApi({
      token: 'PDTOKEN123',
      pageSize: 2,
      incident: {id: 'Q1ABCDEF', incident_number: 4711, title: 'checkout-api 5xx', status: 'acknowledged', urgency: 'high', created_at: '2026-11-12T14:05:00Z', assignments: [{assignee: {summary: 'Jane Oncall'}}]},
      logEntries: [
        entry('L1', 'trigger_log_entry', '2026-11-12T14:05:00Z', 'Datadog'),
        entry('L2', 'notify_log_entry', '2026-11-12T14:05:10Z', 'Jane Oncall'),
        entry('L3', 'acknowledge_log_entry', '2026-11-12T14:07:30Z', 'Jane Oncall'),
      ],
    })
    const env = {PAGERDUTY_API_TOKEN: 'PDTOKEN123', PAGERDUTY_API_URL: api.url, PAGERDUTY_FROM: 'sre@example.com'}
    const result = await runCli(
      [...exampleArgs(repo), '--severity', 'p0', '--symptoms', 'high-error-rate', '--non-interactive', '--json', '--pagerduty-incident', 'Q1ABCDEF', '--update', '--out-dir', join(work, 'out')],
      {cwd: work, env},
    )
    await api.close()
    expect(result.code, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout)
    expect(json.timestamps).toMatchObject({detectedAt: '2026-11-12T14:05:00.000Z', acknowledgedAt: '2026-11-12T14:07:30.000Z'})
    const timeline = await readFile(join(json.outputDir, 'timeline.jsonl'), 'utf8')
    expect(timeline).toContain('PagerDuty incident #4711 acknowledged by the on-call responder')
    const postmortem = await readFile(join(json.outputDir, 'postmortem.md'), 'utf8')
    expect(postmortem).toMatch(/Time to acknowledge \(detected → acknowledged\) \| 3 min/)
    for (const text of [timeline, postmortem]) expect(text).not.toContain('Jane')
    expect(api.notes).toHaveLength(1)
    expect(api.notes[0].content).toMatch(/^Root cause \(database-migration/)
  }, 120_000)
})
