import {createHash} from 'node:crypto'

import type {IntegrationConfig} from './config.js'
import type {OutboxChannel} from './outbox-entry.js'

/**
 * A short one-way hash of a setting, safe to keep in the incident folder: it tells whether a value
 * changed (a routing key, a token) without revealing it. 64 bits of SHA-256 of a 32-character
 * random key cannot be turned back into the key.
 */
export function fingerprint(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 16)
}

/** The settings a channel sends with, by name, for the "until you change …" part of a message. */
export const CHANNEL_SETTINGS: Readonly<Record<OutboxChannel, string>> = {
  'pagerduty-event': 'PAGERDUTY_ROUTING_KEY or PAGERDUTY_EVENTS_URL',
  'pagerduty-note': 'PAGERDUTY_API_TOKEN, PAGERDUTY_FROM or PAGERDUTY_API_URL',
  slack: 'SLACK_WEBHOOK_URL, or SLACK_BOT_TOKEN, SLACK_CHANNEL and SLACK_API_URL',
  jira: 'JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN or JIRA_PROJECT',
}

/** One fingerprint of everything a channel is configured with: any change to its settings changes it. */
export function channelFingerprint(channel: OutboxChannel, config: IntegrationConfig): string {
  const settings = {
    'pagerduty-event': config.pagerdutyEvents,
    'pagerduty-note': config.pagerdutyApi,
    slack: config.slack,
    jira: config.jira,
  }[channel]
  return fingerprint(JSON.stringify(settings ?? null))
}
