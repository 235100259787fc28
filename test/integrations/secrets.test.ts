import {beforeEach, expect, it} from 'vitest'

import {loadIntegrationConfig} from '../../src/integrations/config.js'
import type {IntegrationResult} from '../../src/integrations/integration-types.js'
import {createJiraIssuesForActionItems, escalateIncident, notifyResolved, syncOutbox} from '../../src/integrations/notify.js'
import {json} from './fakes/fake-server.js'
import type {FakeJira} from './fakes/fake-jira.js'
import type {FakePagerDutyEvents} from './fakes/fake-pagerduty.js'
import type {FakeSlack} from './fakes/fake-slack.js'
import {expectNoSecrets, INCIDENT_ID, JIRA_BASIC_CREDENTIALS, makeActionItem, makeIncident, readAllFiles, SECRETS, testDeps, TRIAGE, useVendorFakes} from './fixtures.js'

const fakes = useVendorFakes({pagerduty: true, slack: true, jira: true})
let pagerduty: FakePagerDutyEvents
let slack: FakeSlack
let jira: FakeJira
let dir: string
beforeEach(() => {
  ;({pagerduty, slack, jira, dir} = fakes)
})

it('no token reaches the incident folder or any returned message, even when vendors echo them in errors', async () => {
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
  jira.script(json(403, {errorMessages: [`token ${SECRETS.jiraToken} (Basic ${JIRA_BASIC_CREDENTIALS}) may not create issues`]}))

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
  // every refusal is permanent under these settings: nothing is resent; the resolution still goes to Slack
  expect(results.map((result) => result.delivered)).toEqual([0, 0, 0, 0, 0, 1])
  expect(results.at(-2)?.blocked.map((item) => item.id)).toEqual(['pagerduty-event:trigger', 'slack:declared', `jira:${INCIDENT_ID}-001`])
  expect(pagerduty.events).toEqual([])
  expectNoSecrets(JSON.stringify(results))
  const files = await readAllFiles(dir)
  expect(files).toContain('routing key *** unknown')
  expectNoSecrets(files)
})
