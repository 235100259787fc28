import {AppError} from '../errors/errors.js'
import {type IntegrationConfig, secretsOf} from './config.js'
import {maskSecrets} from '../redact/mask-known-secrets.js'
import {emptyResult, type IntegrationDeps, type IntegrationResult, type OutgoingRequest} from './integration-types.js'
import {createIssuesInBulk, findIssuesByLabels, JIRA_BULK_MAX, jiraBulkCreateRequest, jiraSearchRequest} from './jira/jira-sender.js'
import {appendOutbox, readOutbox} from './outbox.js'
import type {OutboxChannel, OutboxEntry} from './outbox-entry.js'
import {pagerDutyEventRequest, sendPagerDutyEvent} from './pagerduty/pagerduty-events.js'
import {pagerDutyNoteRequest, sendPagerDutyNote} from './pagerduty/pagerduty-rest.js'
import {createServiceClients, type ServiceClients} from './service-clients.js'
import {sendSlackMessage, slackRequest} from './slack/slack-sender.js'

type JiraEntry = Extract<OutboxEntry, {channel: 'jira'}>

/**
 * Send every outbox entry not yet sent, in the order queued (a PagerDuty resolve never overtakes
 * its trigger; the first Slack message goes out before replies threaded under it), and record each
 * outcome as it happens. The caller holds the incident lock for the whole run, so two `sync`s
 * cannot both send one entry. `sent` entries are never sent again.
 */
export async function deliverPendingEntries(dir: string, config: IntegrationConfig, deps: IntegrationDeps): Promise<IntegrationResult> {
  const result = emptyResult()
  const secrets = secretsOf(config)
  const clients = createServiceClients(config, deps)
  const now = deps.now ?? (() => new Date())
  const state = new Map((await readOutbox(dir)).map((entry) => [entry.id, entry]))

  const record = async (entry: OutboxEntry, outcome: {result: Record<string, string>} | {error: string}) => {
    const next: OutboxEntry =
      'result' in outcome
        ? {...entry, status: 'sent', attempts: entry.attempts + 1, lastError: null, sentAt: now().toISOString(), result: outcome.result}
        : {...entry, status: 'failed', attempts: entry.attempts + 1, lastError: maskSecrets(outcome.error, secrets)}
    await appendOutbox(dir, [next], secrets)
    state.set(next.id, next)
    if ('result' in outcome) result.delivered++
    // One line per distinct problem: a refused Jira token fails every item the same way.
    else if (!result.failed.some((failure) => failure.channel === entry.channel && failure.error === next.lastError)) {
      result.failed.push({channel: entry.channel, error: next.lastError ?? ''})
    }
  }

  const unsent = [...state.values()].filter(isUnsent)
  const jiraEntries = unsent.filter((entry): entry is JiraEntry => entry.channel === 'jira')
  let jiraDone = false
  for (const entry of unsent) {
    const missing = missingSetting(entry.channel, config)
    if (missing !== null) {
      if (!result.skipped.some((skip) => skip.channel === entry.channel)) result.skipped.push({channel: entry.channel, reason: missing})
      continue
    }
    if (entry.channel === 'jira') {
      if (!jiraDone) await deliverJira(jiraEntries, config, clients, record)
      jiraDone = true
      continue
    }
    try {
      await record(entry, {result: await sendEntry(entry, config, clients, firstSlackTs(state.values()))})
    } catch (error) {
      await record(entry, {error: failureLine(error)})
    }
  }

  const final = [...state.values()]
  result.pending = final.filter(isUnsent).length
  result.jiraKeys = jiraKeysOf(final)
  return result
}

type DirectEntry = Exclude<OutboxEntry, JiraEntry>

/** The request one PagerDuty or Slack entry makes, sent or planned; Slack replies thread under `rootTs`. */
function requestFor(entry: DirectEntry, config: IntegrationConfig, rootTs: string | null): OutgoingRequest {
  switch (entry.channel) {
    case 'pagerduty-event':
      return pagerDutyEventRequest(config.pagerdutyEvents!, entry.payload)
    case 'pagerduty-note':
      return pagerDutyNoteRequest(config.pagerdutyApi!, entry.payload)
    case 'slack':
      return slackRequest(config.slack!, entry.payload, entry.payload.threadUnderFirst ? rootTs : null)
  }
}

async function sendEntry(entry: DirectEntry, config: IntegrationConfig, clients: ServiceClients, rootTs: string | null): Promise<Record<string, string>> {
  const request = requestFor(entry, config, rootTs)
  switch (entry.channel) {
    case 'pagerduty-event':
      return {dedupKey: (await sendPagerDutyEvent(clients.pagerdutyEvents, request)).dedupKey}
    case 'pagerduty-note':
      return {noteId: (await sendPagerDutyNote(clients.pagerdutyApi, request)).noteId}
    case 'slack': {
      const threadTs = entry.payload.threadUnderFirst ? rootTs : null
      const sent = await sendSlackMessage(clients.slack, config.slack!, request)
      return sent.ts === null ? {} : {ts: sent.ts, ...(threadTs ? {threadTs} : {})}
    }
  }
}

/** Jira takes at most JIRA_BULK_MAX issues per bulk request. */
function* jiraBatches(entries: readonly JiraEntry[]): Generator<JiraEntry[]> {
  for (let start = 0; start < entries.length; start += JIRA_BULK_MAX) yield entries.slice(start, start + JIRA_BULK_MAX)
}

/**
 * Jira: first look the items' labels up (an earlier run may have created an issue and died before
 * recording it), then create the rest in bulk batches of ≤50. If the lookup fails nothing is
 * created, because creating blind could duplicate.
 */
async function deliverJira(
  entries: JiraEntry[],
  config: IntegrationConfig,
  clients: ServiceClients,
  record: (entry: OutboxEntry, outcome: {result: Record<string, string>} | {error: string}) => Promise<void>,
): Promise<void> {
  const jira = config.jira!
  for (const batch of jiraBatches(entries)) {
    let existing: Map<string, string>
    try {
      existing = await findIssuesByLabels(clients.jira, jira, batch.map((entry) => entry.payload.label))
    } catch (error) {
      for (const entry of batch) await record(entry, {error: failureLine(error)})
      continue
    }
    const toCreate: JiraEntry[] = []
    for (const entry of batch) {
      const key = existing.get(entry.payload.label)
      if (key) await record(entry, {result: {key, foundBy: 'label'}})
      else toCreate.push(entry)
    }
    if (toCreate.length === 0) continue
    try {
      const outcomes = await createIssuesInBulk(clients.jira, jira, toCreate.map((entry) => entry.payload))
      for (const [index, outcome] of outcomes.entries()) {
        await record(toCreate[index], 'key' in outcome ? {result: {key: outcome.key}} : {error: outcome.error})
      }
    } catch (error) {
      for (const entry of toCreate) await record(entry, {error: failureLine(error)})
    }
  }
}

/** The requests an entry list would make, for dry-run output (secrets masked by the caller). */
export function plannedRequests(
  entries: readonly OutboxEntry[],
  config: IntegrationConfig,
  rootTs: string | null,
): Array<{channel: OutboxChannel; request: OutgoingRequest}> {
  const planned: Array<{channel: OutboxChannel; request: OutgoingRequest}> = []
  const jiraEntries = entries.filter((entry): entry is JiraEntry => entry.channel === 'jira')
  for (const entry of entries) {
    if (entry.channel === 'jira' || missingSetting(entry.channel, config) !== null) continue
    planned.push({channel: entry.channel, request: requestFor(entry, config, rootTs ?? '<first message ts>')})
  }
  if (config.jira) {
    for (const batch of jiraBatches(jiraEntries)) {
      planned.push({channel: 'jira', request: jiraSearchRequest(config.jira, batch.map((entry) => entry.payload.label))})
      planned.push({channel: 'jira', request: jiraBulkCreateRequest(config.jira, batch.map((entry) => entry.payload))})
    }
  }
  return planned
}

/** The setting that must be set before this channel can send, or null when it can. */
export function missingSetting(channel: OutboxChannel, config: IntegrationConfig): string | null {
  switch (channel) {
    case 'pagerduty-event':
      return config.pagerdutyEvents ? null : 'PagerDuty is not configured (set PAGERDUTY_ROUTING_KEY)'
    case 'pagerduty-note':
      if (!config.pagerdutyApi) return 'the PagerDuty REST API is not configured (set PAGERDUTY_API_TOKEN and PAGERDUTY_FROM)'
      return config.pagerdutyApi.from ? null : 'posting PagerDuty notes needs PAGERDUTY_FROM'
    case 'slack':
      return config.slack ? null : 'Slack is not configured (set SLACK_WEBHOOK_URL, or SLACK_BOT_TOKEN and SLACK_CHANNEL)'
    case 'jira':
      return config.jira ? null : 'Jira is not configured (set JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN and JIRA_PROJECT)'
  }
}

/** The ts of the incident's first Slack message, which later messages thread under. */
export function firstSlackTs(entries: Iterable<OutboxEntry>): string | null {
  for (const entry of entries) {
    if (entry.channel === 'slack' && !entry.payload.threadUnderFirst && entry.status === 'sent' && entry.result?.ts) return entry.result.ts
  }
  return null
}

function jiraKeysOf(entries: readonly OutboxEntry[]): Record<string, string> {
  const keys: Record<string, string> = {}
  for (const entry of entries) {
    if (entry.channel === 'jira' && entry.status === 'sent' && entry.result?.key) keys[entry.payload.actionItemId] = entry.result.key
  }
  return keys
}

function isUnsent(entry: OutboxEntry): boolean {
  return entry.status === 'pending' || entry.status === 'failed'
}

/** One line for a failure: an AppError's own message, anything else as "unexpected failure: …" (not masked). */
export function failureLine(error: unknown): string {
  if (error instanceof AppError) return error.message
  return `unexpected failure: ${error instanceof Error ? error.message : String(error)}`
}
