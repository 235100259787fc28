import {setTimeout as sleepFor} from 'node:timers/promises'

import {AppError} from '../errors/errors.js'
import {maskSecrets} from '../redact/mask-known-secrets.js'
import {type IntegrationConfig, secretsOf} from './config.js'
import {channelPolicy, decideAfterFailure, type Failure, type Lookup, type NextStep} from './delivery-policy.js'
import {DeliveryError} from './http/delivery-error.js'
import {emptyResult, type IntegrationDeps, type IntegrationResult, type OutgoingRequest} from './integration-types.js'
import {createIssuesInBulk, findIssuesByLabels, JIRA_BULK_MAX, jiraBulkCreateRequest, jiraSearchRequest} from './jira/jira-sender.js'
import {appendOutbox, readOutbox} from './outbox.js'
import type {OutboxChannel, OutboxEntry} from './outbox-entry.js'
import {pagerDutyEventRequest, sendPagerDutyEvent} from './pagerduty/pagerduty-events.js'
import {findPagerDutyNote, pagerDutyNoteRequest, sendPagerDutyNote} from './pagerduty/pagerduty-rest.js'
import {createServiceClients, type ServiceClients} from './service-clients.js'
import {CHANNEL_SETTINGS, channelFingerprint, fingerprint} from './setting-fingerprint.js'
import {findSlackMessage, isSlackChannelId} from './slack/slack-lookup.js'
import {sendSlackMessage, slackRequest} from './slack/slack-sender.js'

type JiraEntry = Extract<OutboxEntry, {channel: 'jira'}>
type DirectEntry = Exclude<OutboxEntry, JiraEntry>

/** The outbox id of the incident's page: its resolve reuses this entry's dedup key and routing key fingerprint. */
export const TRIGGER_ID = 'pagerduty-event:trigger'

interface Run {
  dir: string
  config: IntegrationConfig
  clients: ServiceClients
  secrets: readonly string[]
  now: () => Date
  sleep: (ms: number) => Promise<void>
  state: Map<string, OutboxEntry>
  result: IntegrationResult
}

/**
 * Send every outbox entry that is due, in the order queued (a PagerDuty resolve never overtakes its
 * trigger; the first Slack message goes out before replies threaded under it), following the
 * delivery policy (`delivery-policy.ts`): every attempt is recorded before it is made, so a kill
 * between sending and recording is an unconfirmed attempt that the next run looks for at the vendor
 * before sending again. The caller holds the incident lock for the whole run, so two `sync`s cannot
 * both send one entry. `sent` entries are never sent again.
 */
export async function deliverPendingEntries(dir: string, config: IntegrationConfig, deps: IntegrationDeps): Promise<IntegrationResult> {
  const run: Run = {
    dir,
    config,
    clients: createServiceClients(config, deps),
    secrets: secretsOf(config),
    now: deps.now ?? (() => new Date()),
    sleep: deps.sleep ? (ms) => deps.sleep!(ms) : (ms) => sleepFor(ms),
    state: new Map((await readOutbox(dir)).map((entry) => [entry.id, entry])),
    result: emptyResult(),
  }

  const due = [...run.state.values()].filter((entry) => isDue(entry, run))
  const jiraDue = due.filter((entry): entry is JiraEntry => entry.channel === 'jira')
  let jiraDone = false
  for (const queued of due) {
    const entry = run.state.get(queued.id)!
    const missing = missingSetting(entry.channel, config)
    if (missing !== null) {
      if (!run.result.skipped.some((skip) => skip.channel === entry.channel)) run.result.skipped.push({channel: entry.channel, reason: missing})
      continue
    }
    // A rate limit covers the whole channel: what a 429 deferred, the rest of the channel waits for too.
    if (!isDue(entry, run)) continue
    if (entry.channel === 'jira') {
      if (!jiraDone) for (const batch of jiraBatches(jiraDue)) await deliverJiraBatch(batch, run)
      jiraDone = true
      continue
    }
    await deliverEntry(entry, run)
  }
  return summarise(run)
}

/** Due: not sent, not waiting for its time, not refused for good under today's settings, and safe to send. */
function isDue(entry: OutboxEntry, run: Run): boolean {
  if (entry.status !== 'pending' && entry.status !== 'failed') return false
  if (isBlocked(entry, run.config)) return false
  if (entry.unconfirmedSince !== null && lookupFor(entry, run) === 'none') return false
  return entry.nextAttemptAt === null || Date.parse(entry.nextAttemptAt) <= run.now().getTime()
}

function isBlocked(entry: OutboxEntry, config: IntegrationConfig): boolean {
  return entry.blockedBy !== null && entry.blockedBy.fingerprint === channelFingerprint(entry.channel, config)
}

/** The policy's way to look for an earlier attempt, narrowed by what this run can do (a channel name is not an id). */
function lookupFor(entry: OutboxEntry, run: Run): Lookup {
  const lookup = channelPolicy(entry.channel, run.config.slack).lookup
  return lookup === 'slack-history' && slackChannelId(run) === null ? 'none' : lookup
}

/** One PagerDuty or Slack entry, through as many attempts as the policy allows in this run. */
async function deliverEntry(start: DirectEntry, run: Run): Promise<void> {
  const policy = channelPolicy(start.channel, run.config.slack)
  let entry: DirectEntry = start
  // Counts sends and failed lookups; a lookup that finds nothing is a step towards the send, not an attempt.
  let attempt = 0
  for (;;) {
    let step: NextStep
    if (entry.unconfirmedSince !== null && policy.lookup !== 'resend') {
      const looked = await lookFor(entry, run).then(
        (found) => ({found}),
        (error: unknown) => ({error}),
      )
      if ('found' in looked && looked.found) return recordSent(entry, {...looked.found, foundBy: 'lookup'}, run)
      if ('found' in looked) {
        entry = (await save({...entry, unconfirmedSince: null}, run)) as DirectEntry
        continue
      }
      step = decideAfterFailure(policy, failureOf(looked.error), ++attempt, entry.attempts, run.now())
      entry = (await recordFailure(entry, looked.error, step, {clearUnconfirmed: false}, run)) as DirectEntry
    } else {
      const refusal = preflightRefusal(entry, run)
      if (refusal !== null) {
        await recordFailure(entry, refusal, {kind: 'blocked'}, {clearUnconfirmed: false}, run)
        return
      }
      const before = entry
      entry = (await markAttempt(entry, run)) as DirectEntry
      try {
        return await recordSent(entry, await sendEntry(entry, run), run)
      } catch (error) {
        const failure = failureOf(error)
        step = decideAfterFailure(policy, failure, ++attempt, entry.attempts, run.now())
        // The marker written before sending comes off when the vendor certainly did not get it.
        const clearUnconfirmed = before.unconfirmedSince === null && failure.outcome !== 'unknown'
        entry = (await recordFailure(entry, error, step, {clearUnconfirmed}, run)) as DirectEntry
      }
    }
    if (step.kind !== 'retry') return
    await run.sleep(step.waitMs)
  }
}

/** Written before the request goes out: from here on, a kill leaves an attempt to look for. */
async function markAttempt(entry: OutboxEntry, run: Run): Promise<OutboxEntry> {
  return save({...entry, attempts: entry.attempts + 1, unconfirmedSince: entry.unconfirmedSince ?? run.now().toISOString(), nextAttemptAt: null, blockedBy: null}, run)
}

/** The request one PagerDuty or Slack entry makes, sent or planned; Slack replies thread under `rootTs`. */
function requestFor(entry: DirectEntry, config: IntegrationConfig, rootTs: string | null): OutgoingRequest {
  switch (entry.channel) {
    case 'pagerduty-event':
      return pagerDutyEventRequest(config.pagerdutyEvents!, entry.payload)
    case 'pagerduty-note':
      return pagerDutyNoteRequest(config.pagerdutyApi!, entry.payload)
    case 'slack':
      return slackRequest(config.slack!, entry.payload, entry.payload.threadUnderFirst ? rootTs : null, entry.key)
  }
}

async function sendEntry(entry: DirectEntry, run: Run): Promise<Record<string, string>> {
  const rootTs = firstSlackTs(run.state.values())
  const request = requestFor(entry, run.config, rootTs)
  switch (entry.channel) {
    case 'pagerduty-event': {
      const {dedupKey} = await sendPagerDutyEvent(run.clients.pagerdutyEvents, request)
      // Never the key: its fingerprint, so the resolve can tell whether today's key is the trigger's.
      return {dedupKey, routingKeyFingerprint: fingerprint(run.config.pagerdutyEvents!.routingKey)}
    }
    case 'pagerduty-note':
      return {noteId: (await sendPagerDutyNote(run.clients.pagerdutyApi, request)).noteId}
    case 'slack': {
      const threadTs = entry.payload.threadUnderFirst ? rootTs : null
      const sent = await sendSlackMessage(run.clients.slack, run.config.slack!, request)
      return {...(sent.ts ? {ts: sent.ts} : {}), ...(sent.channel ? {channel: sent.channel} : {}), ...(threadTs ? {threadTs} : {})}
    }
  }
}

/**
 * PagerDuty accepts a resolve sent with another routing key and drops it (202), so a resolve whose
 * trigger went out under a key with another fingerprint is not sent at all.
 */
function preflightRefusal(entry: DirectEntry, run: Run): DeliveryError | null {
  if (entry.channel !== 'pagerduty-event' || entry.payload.event_action === 'trigger') return null
  const triggered = run.state.get(TRIGGER_ID)?.result?.routingKeyFingerprint
  const today = fingerprint(run.config.pagerdutyEvents!.routingKey)
  if (triggered === undefined || triggered === today) return null
  return new DeliveryError(
    'PagerDuty',
    `PAGERDUTY_ROUTING_KEY is not the key the page was sent with (fingerprint ${triggered}, now ${today}); PagerDuty would accept this ${entry.payload.event_action} and drop it. ` +
      'Set the key the page used and run `incident-response sync`, or resolve the alert in PagerDuty — check PAGERDUTY_ROUTING_KEY',
    {outcome: 'refused', status: null},
  )
}

/** Where the vendor offers it, whether an attempt whose outcome is unknown arrived; its result if so. */
async function lookFor(entry: DirectEntry, run: Run): Promise<Record<string, string> | null> {
  switch (entry.channel) {
    case 'pagerduty-note': {
      const noteId = await findPagerDutyNote(run.clients.pagerdutyApi, run.config.pagerdutyApi!, entry.payload)
      return noteId === null ? null : {noteId}
    }
    case 'slack': {
      const slack = run.config.slack
      const channelId = slackChannelId(run)
      if (slack?.mode !== 'bot' || channelId === null) return null
      const threadTs = entry.payload.threadUnderFirst ? firstSlackTs(run.state.values()) : null
      const ts = await findSlackMessage(run.clients.slack, slack, {channelId, key: entry.key, since: new Date(entry.unconfirmedSince!), threadTs})
      return ts === null ? null : {ts, channel: channelId, ...(threadTs ? {threadTs} : {})}
    }
    case 'pagerduty-event':
      return null
  }
}

/** The channel id to search: SLACK_CHANNEL when it is an id, else the one Slack answered an earlier post with. */
function slackChannelId(run: Run): string | null {
  const slack = run.config.slack
  if (slack?.mode !== 'bot') return null
  if (isSlackChannelId(slack.channel)) return slack.channel
  for (const entry of run.state.values()) if (entry.channel === 'slack' && entry.result?.channel) return entry.result.channel
  return null
}

/** Jira takes at most JIRA_BULK_MAX issues per bulk request. */
function* jiraBatches(entries: readonly JiraEntry[]): Generator<JiraEntry[]> {
  for (let start = 0; start < entries.length; start += JIRA_BULK_MAX) yield entries.slice(start, start + JIRA_BULK_MAX)
}

/**
 * Jira: every attempt first searches the items' labels (an earlier attempt, or a run that died
 * before recording, may have created them), then creates the rest in one bulk request. If the
 * search fails nothing is created, because creating blind could duplicate.
 */
async function deliverJiraBatch(batch: JiraEntry[], run: Run): Promise<void> {
  const policy = channelPolicy('jira', run.config.slack)
  const jira = run.config.jira!
  let remaining = batch.map((entry) => run.state.get(entry.id) as JiraEntry).filter((entry) => isDue(entry, run))
  for (let attempt = 1; remaining.length > 0; attempt++) {
    let step: NextStep
    try {
      const existing = await findIssuesByLabels(run.clients.jira, jira, remaining.map((entry) => entry.payload.label))
      const toCreate: JiraEntry[] = []
      for (const entry of remaining) {
        const key = existing.get(entry.payload.label)
        if (key) await recordSent(entry, {key, foundBy: 'label'}, run)
        else toCreate.push(entry)
      }
      remaining = toCreate
    } catch (error) {
      step = decideAfterFailure(policy, failureOf(error), attempt, maxAttempts(remaining), run.now())
      remaining = await recordAll(remaining, error, step, false, run)
      if (step.kind !== 'retry') return
      await run.sleep(step.waitMs)
      continue
    }
    if (remaining.length === 0) return
    const before = remaining
    remaining = (await Promise.all(remaining.map((entry) => markAttempt(entry, run)))) as JiraEntry[]
    try {
      const outcomes = await createIssuesInBulk(run.clients.jira, jira, remaining.map((entry) => entry.payload))
      for (const [index, outcome] of outcomes.entries()) {
        const entry = remaining[index]
        if ('key' in outcome) await recordSent(entry, {key: outcome.key}, run)
        else await recordFailure(entry, new DeliveryError('Jira', outcome.error.replace(/^Jira: /, ''), {outcome: 'refused', status: 400}), {kind: 'blocked'}, {clearUnconfirmed: true}, run)
      }
      return
    } catch (error) {
      const failure = failureOf(error)
      step = decideAfterFailure(policy, failure, attempt, maxAttempts(remaining), run.now())
      const clear = failure.outcome !== 'unknown' && before.every((entry) => entry.unconfirmedSince === null)
      remaining = await recordAll(remaining, error, step, clear, run)
    }
    if (step.kind !== 'retry') return
    await run.sleep(step.waitMs)
  }
}

const maxAttempts = (entries: readonly OutboxEntry[]) => Math.max(0, ...entries.map((entry) => entry.attempts))

async function recordAll(entries: JiraEntry[], error: unknown, step: NextStep, clearUnconfirmed: boolean, run: Run): Promise<JiraEntry[]> {
  const recorded: JiraEntry[] = []
  for (const entry of entries) recorded.push((await recordFailure(entry, error, step, {clearUnconfirmed}, run)) as JiraEntry)
  return recorded
}

async function save(entry: OutboxEntry, run: Run): Promise<OutboxEntry> {
  await appendOutbox(run.dir, [entry], run.secrets)
  run.state.set(entry.id, entry)
  return entry
}

async function recordSent(entry: OutboxEntry, result: Record<string, string>, run: Run): Promise<void> {
  const sentAt = run.now().toISOString()
  await save({...entry, status: 'sent', lastError: null, sentAt, result, nextAttemptAt: null, unconfirmedSince: null, blockedBy: null}, run)
  run.result.delivered++
}

async function recordFailure(entry: OutboxEntry, error: unknown, step: NextStep, options: {clearUnconfirmed: boolean}, run: Run): Promise<OutboxEntry> {
  const lastError = maskSecrets(failureLine(error), run.secrets)
  const next: OutboxEntry = {
    ...entry,
    status: 'failed',
    lastError,
    nextAttemptAt: step.kind === 'defer' ? step.until.toISOString() : null,
    unconfirmedSince: options.clearUnconfirmed ? null : entry.unconfirmedSince,
    blockedBy: step.kind === 'blocked' ? {setting: namedSetting(lastError) ?? CHANNEL_SETTINGS[entry.channel], fingerprint: channelFingerprint(entry.channel, run.config)} : null,
  }
  // A 429 speaks for the whole channel: its other due messages wait as long.
  if (step.kind === 'defer' && error instanceof DeliveryError && error.status === 429) {
    for (const other of run.state.values()) {
      if (other.channel === entry.channel && other.id !== entry.id && isDue(other, run)) await save({...other, nextAttemptAt: next.nextAttemptAt}, run)
    }
  }
  // One line per distinct problem: a refused Jira token fails every item the same way.
  if (!run.result.failed.some((failure) => failure.channel === entry.channel && failure.error === lastError)) run.result.failed.push({channel: entry.channel, error: lastError})
  return save(next, run)
}

/** "… — check SLACK_CHANNEL" names the setting; the vendor's refusal is not resent until it changes. */
function namedSetting(message: string): string | null {
  return /— check (.+)$/.exec(message)?.[1] ?? null
}

function failureOf(error: unknown): Failure {
  if (error instanceof DeliveryError) return {outcome: error.outcome, status: error.status, retryAfterMs: error.retryAfterMs}
  // Anything else is our own bug or an unexpected throw mid-request: assume it may have arrived.
  return {outcome: 'unknown', status: null, retryAfterMs: null}
}

/** Counts and lists for the caller, from the outbox as this run leaves it. */
function summarise(run: Run): IntegrationResult {
  const {result, config} = run
  const final = [...run.state.values()]
  const now = run.now().getTime()
  const unsent = final.filter((entry) => entry.status === 'pending' || entry.status === 'failed')
  result.pending = unsent.length
  for (const entry of unsent) {
    if (isBlocked(entry, config)) result.blocked.push({id: entry.id, channel: entry.channel, error: entry.lastError ?? 'refused'})
    else if (entry.unconfirmedSince !== null && lookupFor(entry, run) === 'none') result.unconfirmed.push({id: entry.id, channel: entry.channel, note: unconfirmedNote(entry, run)})
    else if (entry.nextAttemptAt !== null && Date.parse(entry.nextAttemptAt) > now) {
      result.deferred.push({id: entry.id, channel: entry.channel, until: entry.nextAttemptAt, reason: entry.lastError})
    }
  }
  result.jiraKeys = jiraKeysOf(final)
  const page = run.state.get(TRIGGER_ID)
  if (page && (page.status === 'pending' || page.status === 'failed')) result.pageUndelivered = pageNotice(page, run)
  return result
}

function unconfirmedNote(entry: OutboxEntry, run: Run): string {
  const why =
    run.config.slack?.mode === 'bot'
      ? 'SLACK_CHANNEL is a channel name, not an id (C0123…), so the channel cannot be searched for it'
      : 'a Slack webhook offers no way to check'
  const what = entry.lastError ? `after "${entry.lastError}"` : 'when the run was interrupted while sending'
  return `may have been posted (${what}); ${why}, so it is not sent again. Look in the channel; to send it anyway: incident-response sync --resend ${entry.id}`
}

function pageNotice(page: OutboxEntry, run: Run): IntegrationResult['pageUndelivered'] {
  const incidentId = page.key
  const blocked = isBlocked(page, run.config)
  return {
    reason: page.lastError ?? 'not sent yet',
    nextAttemptAt: page.nextAttemptAt,
    retry: blocked ? `fix ${page.blockedBy!.setting}, then: incident-response sync --id ${incidentId}` : `incident-response sync --id ${incidentId} --wait`,
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

/** One line for a failure: an AppError's own message, anything else as "unexpected failure: …" (not masked). */
export function failureLine(error: unknown): string {
  if (error instanceof AppError) return error.message
  return `unexpected failure: ${error instanceof Error ? error.message : String(error)}`
}
