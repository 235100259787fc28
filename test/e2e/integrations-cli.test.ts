import {readFile, readdir} from 'node:fs/promises'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {startFakeJira} from '../integrations/fakes/fake-jira.js'
import {startFakePagerDutyEvents} from '../integrations/fakes/fake-pagerduty.js'
import {startFakeSlack} from '../integrations/fakes/fake-slack.js'
import {buildExampleRepo, exampleArgs, runCli, tempDir} from './cli-harness.js'

const ROUTING_KEY = 'R0UT1NGKEYR0UT1NGKEYR0UT1NGKEY12'
const WEBHOOK_SECRET = 'WEBHOOKSECRETxyz987'

async function folderText(dir: string): Promise<string> {
  const entries = (await readdir(dir, {recursive: true, withFileTypes: true})).filter((entry) => entry.isFile())
  return (await Promise.all(entries.map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')))).join('\n')
}

describe('escalation from the CLI: PagerDuty and Slack through the outbox', () => {
  let work: string
  let repo: string

  beforeAll(async () => {
    work = await tempDir('integrations')
    repo = buildExampleRepo(work)
  })

  it('--dry-run prints what would be sent, without the secrets, and sends nothing', async () => {
    const pagerduty = await startFakePagerDutyEvents(ROUTING_KEY)
    const slack = await startFakeSlack({webhookSecret: WEBHOOK_SECRET, botToken: 'xoxb-unused', channel: '#incidents'})
    const env = {PAGERDUTY_ROUTING_KEY: ROUTING_KEY, PAGERDUTY_EVENTS_URL: pagerduty.url, SLACK_WEBHOOK_URL: slack.webhookUrl}
    const result = await runCli([...exampleArgs(repo), '--severity', 'p0', '--symptoms', 'high-error-rate', '--non-interactive', '--dry-run', '--out-dir', join(work, 'dry')], {cwd: work, env})
    await Promise.all([pagerduty.close(), slack.close()])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/Dry run — would send to pagerduty-event/)
    expect(result.stdout).toMatch(/Dry run — would send to slack/)
    expect(result.stdout + result.stderr).not.toContain(ROUTING_KEY)
    expect(result.stdout + result.stderr).not.toContain(WEBHOOK_SECRET)
    expect(pagerduty.requests).toHaveLength(0)
    expect(slack.requests).toHaveLength(0)
  }, 120_000)

  it('says loudly when a P0 page is refused, holds it until the key is fixed, then `sync` pages once and resolve resolves it', async () => {
    const pagerduty = await startFakePagerDutyEvents(ROUTING_KEY)
    const slack = await startFakeSlack({webhookSecret: WEBHOOK_SECRET, botToken: 'xoxb-unused', channel: '#incidents'})
    const wrongKey = {PAGERDUTY_ROUTING_KEY: 'WRONGKEYWRONGKEYWRONGKEYWRONGKEY', PAGERDUTY_EVENTS_URL: pagerduty.url, SLACK_WEBHOOK_URL: slack.webhookUrl}
    const env = {...wrongKey, PAGERDUTY_ROUTING_KEY: ROUTING_KEY}
    const out = join(work, 'send')
    const run = await runCli([...exampleArgs(repo), '--severity', 'p0', '--symptoms', 'high-error-rate', '--non-interactive', '--out-dir', out], {cwd: work, env: wrongKey})
    expect(run.code, run.stderr).toBe(0) // an integration failure never fails the incident
    const [id] = await readdir(out)
    expect(run.stdout).toContain('P0 PAGE NOT DELIVERED — nobody has been paged by this tool: PagerDuty: 400 Invalid routing key — check PAGERDUTY_ROUTING_KEY.')
    expect(run.stdout).toContain(`Retry: fix PAGERDUTY_ROUTING_KEY, then: incident-response sync --id ${id}`)
    expect(slack.posts).toHaveLength(1)
    expect(pagerduty.requests).toHaveLength(1) // a 400 is never retried

    const refused = await runCli(['sync', '--out-dir', out, '--json'], {cwd: work, env: wrongKey})
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.stdout)).toMatchObject({delivered: 0, pending: 1, pageUndelivered: {retry: `fix PAGERDUTY_ROUTING_KEY, then: incident-response sync --id ${id}`}})
    expect(pagerduty.requests).toHaveLength(1) // same settings: not resent

    const sync = await runCli(['sync', '--out-dir', out, '--json'], {cwd: work, env})
    expect(sync.code, sync.stderr).toBe(0)
    expect(JSON.parse(sync.stdout)).toMatchObject({delivered: 1, pending: 0, pageUndelivered: null})
    const again = await runCli(['sync', '--out-dir', out, '--json'], {cwd: work, env})
    expect(JSON.parse(again.stdout)).toMatchObject({delivered: 0, pending: 0})
    expect(pagerduty.events.map((event) => [event.event_action, event.dedup_key])).toEqual([['trigger', id]])
    expect(slack.posts).toHaveLength(1)

    const resolve = await runCli(['resolve', '--resolution', 'NOT NULL dropped', '--out-dir', out, '--no-postmortem'], {cwd: work, env})
    expect(resolve.code, resolve.stderr).toBe(0)
    expect(pagerduty.events.map((event) => event.event_action)).toEqual(['trigger', 'resolve'])
    expect(pagerduty.alerts).toEqual([expect.objectContaining({dedupKey: id, status: 'resolved', triggers: 1})])
    expect(slack.posts).toHaveLength(2)

    const files = await folderText(join(out, id))
    expect(files).toContain('"status":"sent"')
    expect(files).not.toContain(ROUTING_KEY)
    expect(files).not.toContain(WEBHOOK_SECRET)
    await Promise.all([pagerduty.close(), slack.close()])
  }, 120_000)

  it('names the setting to fix for a malformed webhook URL and still completes', async () => {
    const result = await runCli([...exampleArgs(repo), '--severity', 'p1', '--symptoms', 'high-error-rate', '--non-interactive', '--out-dir', join(work, 'bad')], {cwd: work, env: {SLACK_WEBHOOK_URL: 'not a url'}})
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/SLACK_WEBHOOK_URL/)
  }, 120_000)

  it('files one Jira issue per action item, stores the keys, and never duplicates on a re-run', async () => {
    const jira = await startFakeJira({email: 'sre@example.com', token: 'JIRATOKENabc123', project: 'OPS'})
    const env = {JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'sre@example.com', JIRA_API_TOKEN: 'JIRATOKENabc123', JIRA_PROJECT: 'OPS'}
    const out = join(work, 'jira')
    const run = await runCli([...exampleArgs(repo), '--severity', 'p0', '--symptoms', 'high-error-rate', '--non-interactive', '--json', '--out-dir', out], {cwd: work, env})
    expect(run.code, run.stderr).toBe(0)
    const json = JSON.parse(run.stdout)
    expect(json.actionItems.length).toBeGreaterThan(0)
    for (const item of json.actionItems) expect(item.jiraKey).toMatch(/^OPS-\d+$/)
    expect(jira.issues).toHaveLength(json.actionItems.length)
    const again = await runCli(['postmortem', '--id', json.id, '--out-dir', out], {cwd: work, env})
    expect(again.code, again.stderr).toBe(0)
    expect(jira.issues).toHaveLength(json.actionItems.length)
    const saved = JSON.parse(await readFile(join(out, json.id, 'action-items.json'), 'utf8'))
    expect(saved.items.map((item: {jiraKey: string}) => item.jiraKey)).toEqual(json.actionItems.map((item: {jiraKey: string}) => item.jiraKey))
    expect(await folderText(join(out, json.id))).not.toContain('JIRATOKENabc123')
    await jira.close()
  }, 120_000)
})
