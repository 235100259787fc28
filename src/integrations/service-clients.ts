import {type IntegrationConfig, secretsOf} from './config.js'
import {createHttpClient, type HttpClient} from './http/http-client.js'
import type {IntegrationDeps} from './integration-types.js'
import {jiraSetting} from './jira/jira-sender.js'
import {pagerDutyEventsSetting} from './pagerduty/pagerduty-events.js'
import {pagerDutyApiSetting} from './pagerduty/pagerduty-rest.js'
import {slackSetting} from './slack/slack-sender.js'

export interface ServiceClients {
  pagerdutyEvents: HttpClient
  pagerdutyApi: HttpClient
  slack: HttpClient
  jira: HttpClient
}

/** One HTTP client per vendor, sharing the injected fetch/sleep/clock and masking every configured secret. */
export function createServiceClients(config: IntegrationConfig, deps: IntegrationDeps): ServiceClients {
  const secrets = secretsOf(config)
  const make = (service: string, settingFor: (status: number, code: string | null) => string | null) =>
    createHttpClient({
      service,
      baseUrl: '',
      fetch: deps.fetch,
      sleep: deps.sleep,
      random: deps.random,
      now: deps.now,
      timeoutMs: deps.timeoutMs,
      maxRetries: deps.maxRetries,
      secrets,
      settingFor,
    })
  const slack = config.slack
  return {
    pagerdutyEvents: make('PagerDuty', pagerDutyEventsSetting),
    pagerdutyApi: make('PagerDuty', pagerDutyApiSetting),
    slack: make('Slack', (status, code) => (slack ? slackSetting(slack, status, code) : null)),
    jira: make('Jira', jiraSetting),
  }
}
