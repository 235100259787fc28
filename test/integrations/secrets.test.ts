import {afterEach, beforeEach, expect, it} from 'vitest'

import {loadIntegrationConfig} from '../../src/integrations/config.js'
import type {IntegrationResult} from '../../src/integrations/integration-types.js'
import {createJiraIssuesForActionItems, escalateIncident, notifyResolved, syncOutbox} from '../../src/integrations/notify.js'
import {json} from './fakes/fake-server.js'
import {type FakeJira, startFakeJira} from './fakes/fake-jira.js'
import {type FakePagerDutyEvents, startFakePagerDutyEvents} from './fakes/fake-pagerduty.js'
import {type FakeSlack, startFakeSlack} from './fakes/fake-slack.js'
import {expectNoSecrets, makeActionItem, makeIncident, makeTempDir, readAllFiles, SECRETS, testDeps, TRIAGE} from './fixtures.js'

let pagerduty: FakePagerDutyEvents
let slack: FakeSlack
let jira: FakeJira
let dir: string
let cleanup: () => Promise<void>

beforeEach(async () => {
  pagerduty = await startFakePagerDutyEvents(SECRETS.routingKey)
  slack = await startFakeSlack({webhookSecret: SECRETS.webhookSecret, botToken: SECRETS.botToken, channel: '#incidents'})
  jira = await startFakeJira({email: SECRETS.jiraEmail, token: SECRETS.jiraToken, project: 'OPS'})
  ;({dir, cleanup} = await makeTempDir())
})
afterEach(async () => {
  await Promise.all([pagerduty.close(), slack.close(), jira.close(), cleanup()])
})

it('no token reaches the incident folder or any returned message, even when vendors echo them in errors', async () => {
  const basic = Buffer.from(`${SECRETS.jiraEmail}:${SECRETS.jiraToken}`).toString('base64')
  const config = loadIntegrationConfig({
    PAGERDUTY_ROUTING_KEY: SECRETS.routingKey,
    PAGERDUTY_EVENTS_URL: pagerduty.url,
    SLACK_WEBHOOK_URL: slack.webhookUrl,
    JIRA_BASE_URL: jira.url,
    JIRA_EMAIL: SECRETS.jiraEmail,
    JIRA_API_TOKEN: SECRETS.jiraToken,
    JIRA_PROJECT: 'OPS',
  })
  pagerduty.script(json(400, {status: 'invalid event', message: 'Event object is invalid', errors: [`routing key ${SECRETS.routingKey} unknown`]}))
  slack.script({status: 404, body: `no_service for ${slack.webhookUrl}`})
  jira.script(json(403, {errorMessages: [`token ${SECRETS.jiraToken} (Basic ${basic}) may not create issues`]}))

  const incident = makeIncident('P0')
  const results: IntegrationResult[] = []
  for (const mode of ['dry-run', 'send'] as const) {
    results.push(await escalateIncident({dir, incident, triage: TRIAGE, config, deps: testDeps(), mode}))
    results.push(await createJiraIssuesForActionItems({dir, incident, items: [makeActionItem(1)], config, deps: testDeps(), mode}))
  }
  results.push(await syncOutbox({dir, config, deps: testDeps()}))
  results.push(await notifyResolved({dir, incident, summary: 'Fixed.', config, deps: testDeps(), mode: 'send'}))

  const failures = results.flatMap((result) => result.failed.map((failure) => failure.error))
  expect(failures).toEqual([
    'PagerDuty: 400 routing key *** unknown — check PAGERDUTY_ROUTING_KEY',
    `Slack: 404 no_service for ${slack.url}*** — check SLACK_WEBHOOK_URL`,
    'Jira: 403 token *** (Basic ***) may not create issues — check JIRA_API_TOKEN (its user needs Create Issues in JIRA_PROJECT)',
  ])
  // the Jira call already re-sent the failed page and Slack message (delivery takes the whole outbox, in order)
  expect(results.map((result) => result.delivered)).toEqual([0, 0, 0, 2, 1, 2])
  expect(pagerduty.events.map((event) => event.event_action)).toEqual(['trigger', 'resolve'])
  expectNoSecrets(JSON.stringify(results))
  const files = await readAllFiles(dir)
  expect(files).toContain('routing key *** unknown')
  expectNoSecrets(files)
})
