import {describe, expect, it} from 'vitest'

import {loadIntegrationConfig, secretsOf} from '../../src/integrations/config.js'

const ROUTING_KEY = 'R0UT1NGKEYdistinct00000000000001'
const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/whSECRETdistinct'

describe('loadIntegrationConfig', () => {
  it('is all off with nothing set', () => {
    expect(loadIntegrationConfig({})).toEqual({pagerdutyEvents: null, pagerdutyApi: null, slack: null, jira: null, problems: []})
  })

  it('reads every integration from the environment with default vendor URLs', () => {
    const config = loadIntegrationConfig({
      PAGERDUTY_ROUTING_KEY: ROUTING_KEY,
      PAGERDUTY_API_TOKEN: 'pd-api-token',
      PAGERDUTY_FROM: 'oncall@example.com',
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_CHANNEL: '#incidents',
      JIRA_BASE_URL: 'https://acme.atlassian.net/',
      JIRA_EMAIL: 'bot@example.com',
      JIRA_API_TOKEN: 'jira-token',
      JIRA_PROJECT: 'OPS',
    })
    expect(config).toEqual({
      pagerdutyEvents: {routingKey: ROUTING_KEY, eventsUrl: 'https://events.pagerduty.com'},
      pagerdutyApi: {apiToken: 'pd-api-token', from: 'oncall@example.com', apiUrl: 'https://api.pagerduty.com'},
      slack: {mode: 'bot', botToken: 'xoxb-1-2-abc', channel: '#incidents', apiUrl: 'https://slack.com/api'},
      jira: {baseUrl: 'https://acme.atlassian.net', email: 'bot@example.com', apiToken: 'jira-token', project: 'OPS'},
      problems: [],
    })
  })

  it('lets the environment win over the config file, and honours base-URL overrides', () => {
    const config = loadIntegrationConfig(
      {SLACK_WEBHOOK_URL: WEBHOOK, PAGERDUTY_EVENTS_URL: 'http://127.0.0.1:9999'},
      {integrations: {slack: {webhookUrl: 'https://hooks.slack.com/services/OTHER'}, pagerduty: {routingKey: ROUTING_KEY}}},
    )
    expect(config.slack).toEqual({mode: 'webhook', webhookUrl: WEBHOOK})
    expect(config.pagerdutyEvents).toEqual({routingKey: ROUTING_KEY, eventsUrl: 'http://127.0.0.1:9999'})
    expect(config.problems).toEqual([])
  })

  it('reports a malformed webhook URL without printing it, and turns Slack off', () => {
    const config = loadIntegrationConfig({SLACK_WEBHOOK_URL: 'hooks.slack.com/services/whSECRET'})
    expect(config.slack).toBeNull()
    expect(config.problems).toEqual(['SLACK_WEBHOOK_URL is not a valid https URL; the Slack webhook is off.'])
  })

  it('refuses plain http except to this machine', () => {
    expect(loadIntegrationConfig({SLACK_WEBHOOK_URL: 'http://hooks.slack.com/services/x'}).slack).toBeNull()
    expect(loadIntegrationConfig({SLACK_WEBHOOK_URL: 'http://localhost:8080/services/x'}).slack).not.toBeNull()
  })

  it('reports half-configured integrations, one line each, naming what is missing', () => {
    const config = loadIntegrationConfig({SLACK_BOT_TOKEN: 'xoxb-1', JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_PROJECT: 'OPS', PAGERDUTY_FROM: 'a@b.c'})
    expect(config).toMatchObject({slack: null, jira: null, pagerdutyApi: null})
    expect(config.problems).toEqual([
      'PAGERDUTY_API_TOKEN is missing (PAGERDUTY_FROM is set); the PagerDuty REST API is off.',
      'SLACK_CHANNEL is missing (SLACK_BOT_TOKEN is set); the Slack bot is off.',
      'JIRA_EMAIL, JIRA_API_TOKEN are missing (JIRA_BASE_URL, JIRA_PROJECT set); Jira is off.',
    ])
  })

  it('reports a malformed Jira base URL and project key', () => {
    const jira = {JIRA_EMAIL: 'a@b.c', JIRA_API_TOKEN: 't', JIRA_PROJECT: 'OPS'}
    expect(loadIntegrationConfig({...jira, JIRA_BASE_URL: 'acme'}).problems).toEqual(['JIRA_BASE_URL is not a valid https URL; Jira is off.'])
    expect(loadIntegrationConfig({...jira, JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_PROJECT: 'ops team'}).problems).toEqual([
      'JIRA_PROJECT must be a project key such as OPS; Jira is off.',
    ])
  })

  it('falls back to the webhook when the bot is half-configured', () => {
    const config = loadIntegrationConfig({SLACK_CHANNEL: '#inc', SLACK_WEBHOOK_URL: WEBHOOK})
    expect(config.slack).toEqual({mode: 'webhook', webhookUrl: WEBHOOK})
    expect(config.problems).toEqual([])
  })

  it('reports unknown or malformed file settings instead of throwing', () => {
    expect(loadIntegrationConfig({}, {integrations: {slack: {webhookURL: WEBHOOK}}}).problems).toEqual([
      'integrations.slack.webhookURL in the config file is not a setting; it is ignored.',
    ])
    expect(loadIntegrationConfig({}, {integrations: {teams: {}}}).problems[0]).toMatch(/^integrations\. in the config file: /)
    expect(loadIntegrationConfig({}, {integrations: {slack: {webhookUrl: 42}}}).problems[0]).toMatch(/^integrations\.slack\.webhookUrl in the config file: /)
  })

  it('lists every secret for masking, including the Jira basic credentials and the webhook path', () => {
    const config = loadIntegrationConfig({
      SLACK_WEBHOOK_URL: WEBHOOK,
      JIRA_BASE_URL: 'https://acme.atlassian.net',
      JIRA_EMAIL: 'bot@example.com',
      JIRA_API_TOKEN: 'jira-token',
      JIRA_PROJECT: 'OPS',
    })
    expect(secretsOf(config)).toEqual([
      '/services/T000/B000/whSECRETdistinct',
      'jira-token',
      Buffer.from('bot@example.com:jira-token').toString('base64'),
    ])
  })
})
