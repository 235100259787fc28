import {readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {startFakePagerDutyEvents} from '../integrations/fakes/fake-pagerduty.js'
import {startFakeSlack} from '../integrations/fakes/fake-slack.js'
import {buildExampleRepo, exampleArgs, runCli, tempDir} from './cli-harness.js'

const ROUTING_KEY = 'R0UT1NGKEYR0UT1NGKEYR0UT1NGKEY12'
const WEBHOOK_SECRET = 'WEBHOOKSECRETxyz987'

/** Issue L, item 9: resolve checks everything it needs before it marks the incident resolved or notifies anyone. */
describe('resolve validates before it changes anything', () => {
  it('without the key a Claude incident needs: exit 2, nothing resolved, nobody notified; the suggested flag works', async () => {
    const work = await tempDir('resolve-order')
    const repo = buildExampleRepo(work)
    const outDir = join(work, 'out')
    const run = await runCli([...exampleArgs(repo), '--severity', 'p1', '--symptoms', 'high-error-rate', '--non-interactive', '--no-notify', '--json', '--out-dir', outDir], {cwd: work})
    expect(run.code, run.stderr).toBe(0)
    const id = JSON.parse(run.stdout).id as string
    // The incident was worked with Claude; this shell has no key.
    const file = join(outDir, id, 'incident.json')
    await writeFile(file, JSON.stringify({...JSON.parse(await readFile(file, 'utf8')), provider: 'anthropic'}))

    const pagerduty = await startFakePagerDutyEvents(ROUTING_KEY)
    const slack = await startFakeSlack({webhookSecret: WEBHOOK_SECRET, botToken: 'xoxb-unused', channel: '#incidents'})
    const env = {PAGERDUTY_ROUTING_KEY: ROUTING_KEY, PAGERDUTY_EVENTS_URL: pagerduty.url, SLACK_WEBHOOK_URL: slack.webhookUrl}
    try {
      const refused = await runCli(['resolve', '--resolution', 'Migration reverted', '--id', id, '--out-dir', outDir], {cwd: work, env})
      expect(refused.code, refused.stderr).toBe(2)
      expect(refused.stderr).toMatch(/ANTHROPIC_API_KEY is not set/)
      expect(refused.stderr).toContain('--provider offline')
      expect(JSON.parse(await readFile(file, 'utf8')).status).toBe('investigating')
      expect(pagerduty.requests).toHaveLength(0)
      expect(slack.requests).toHaveLength(0)

      const resolved = await runCli(['resolve', '--resolution', 'Migration reverted', '--provider', 'offline', '--id', id, '--out-dir', outDir], {cwd: work, env})
      expect(resolved.code, resolved.stderr).toBe(0)
      expect(JSON.parse(await readFile(file, 'utf8')).status).toBe('resolved')
      expect(slack.requests.length).toBeGreaterThan(0)
      const postmortem = await runCli(['postmortem', '--provider', 'offline', '--id', id, '--out-dir', outDir], {cwd: work})
      expect(postmortem.code, postmortem.stderr).toBe(0)
    } finally {
      await Promise.all([pagerduty.close(), slack.close()])
    }
  }, 120_000)
})
