import {createHash} from 'node:crypto'
import {setTimeout as sleepFor} from 'node:timers/promises'

import type {ActionItem} from '../incident/action-item.js'
import type {Incident} from '../incident/incident.js'
import {withIncidentLock} from '../incident/lock.js'
import {type IntegrationConfig, secretsOf} from './config.js'
import {deliverPendingEntries, failureLine, firstSlackTs, missingSetting, plannedRequests, TRIGGER_ID} from './deliver-outbox.js'
import {maskSecrets} from '../redact/mask-known-secrets.js'
import {emptyResult, type IntegrationDeps, type IntegrationResult, type NotifyMode, type OutgoingRequest, type TriageSummary} from './integration-types.js'
import {jiraIssueBody} from './jira/jira-fields.js'
import {appendOutbox, enqueueMessages, readOutbox} from './outbox.js'
import {type OutboxEntry, type OutboxMessage, pendingEntry} from './outbox-entry.js'
import {buildResolveEvent, buildTriggerEvent} from './pagerduty/pagerduty-events.js'
import {importedIncidentState} from './pagerduty/pagerduty-import.js'
import {incidentDeclaredMessage, incidentResolvedMessage} from './slack/slack-messages.js'
import {outgoingText} from './text-limits.js'

interface NotifyArgs {
  dir: string
  config: IntegrationConfig
  deps: IntegrationDeps
  mode: NotifyMode
}

/** Triage escalation by severity: P0 pages (PagerDuty) and posts to Slack; P1 and P2 post to Slack. */
export async function escalateIncident(args: NotifyArgs & {incident: Incident; triage: TriageSummary}): Promise<IntegrationResult> {
  const {incident, triage} = args
  const messages: OutboxMessage[] = []
  // An incident imported from PagerDuty already paged someone: a second alert would page again.
  const imported = incident.pagerDutyIncidentId
  if (incident.severity === 'P0' && imported === null) {
    messages.push({id: TRIGGER_ID, channel: 'pagerduty-event', key: incident.id, payload: buildTriggerEvent(incident, triage)})
  }
  messages.push({id: 'slack:declared', channel: 'slack', key: `${incident.id}:declared`, payload: incidentDeclaredMessage(incident, triage)})
  const result = await runMessages(args, messages)
  if (incident.severity === 'P0' && imported !== null && args.mode !== 'off') {
    result.notices.push(`No PagerDuty page sent: PagerDuty incident ${imported} (imported) already paged the on-call responder.`)
  }
  return result
}

/**
 * On resolve: PagerDuty `resolve` of the page we triggered (its dedup key, checked against the
 * routing key it used), and a Slack summary threaded under the first message. A page that never
 * went out is cancelled rather than sent late; one that may have arrived (a timeout) is cancelled
 * and resolved, which PagerDuty ignores if it never arrived. An incident imported from PagerDuty
 * is not ours to resolve: its state there is reported.
 */
export async function notifyResolved(args: NotifyArgs & {incident: Incident; summary: string}): Promise<IntegrationResult> {
  const {incident} = args
  const slack: OutboxMessage = {id: 'slack:resolved', channel: 'slack', key: `${incident.id}:resolved`, payload: incidentResolvedMessage(incident, args.summary, (args.deps.now ?? (() => new Date()))())}
  const resolveOf = (trigger: OutboxEntry): OutboxMessage => ({
    id: 'pagerduty-event:resolve',
    channel: 'pagerduty-event',
    key: incident.id,
    payload: buildResolveEvent(trigger.result?.dedupKey ?? trigger.key),
  })
  let result: IntegrationResult
  if (args.mode === 'dry-run') {
    const entries = await readOutbox(args.dir).catch(() => [])
    const trigger = entries.find((entry) => entry.id === TRIGGER_ID && entry.status === 'sent')
    result = await runMessages(args, trigger ? [resolveOf(trigger), slack] : [slack])
  } else {
    result = await runMessages(args, [slack], async (entries, secrets) => {
      const trigger = entries.find((entry) => entry.id === TRIGGER_ID)
      if (trigger === undefined || trigger.status === 'cancelled') return []
      if (trigger.status === 'sent') return [resolveOf(trigger)]
      const cancelled: OutboxEntry = {...trigger, status: 'cancelled', lastError: 'incident resolved before the page was delivered', nextAttemptAt: null}
      await appendOutbox(args.dir, [cancelled], secrets)
      return trigger.unconfirmedSince === null ? [] : [resolveOf(trigger)]
    })
  }
  if (incident.pagerDutyIncidentId !== null && args.mode !== 'off') {
    result.notices.push(await importedIncidentState(incident.pagerDutyIncidentId, {config: args.config, deps: args.deps}))
  }
  return result
}

/** One Jira issue per action item without a `jiraKey`; the result's `jiraKeys` are to be stored in action-items.json. */
export async function createJiraIssuesForActionItems(args: NotifyArgs & {incident: Incident; items: ActionItem[]}): Promise<IntegrationResult> {
  const messages: OutboxMessage[] = args.items
    .filter((item) => item.jiraKey === null)
    .map((item) => {
      const payload = jiraIssueBody(args.incident, item)
      return {id: `jira:${payload.label}`, channel: 'jira', key: payload.label, payload}
    })
  const result = messages.length === 0 ? emptyResult() : await runMessages(args, messages)
  for (const item of args.items) if (item.jiraKey !== null) result.jiraKeys[item.id] = item.jiraKey
  return result
}

/** `--update` of a PagerDuty import: post the RCA summary as a note on that PagerDuty incident. */
export async function notePagerDutyIncident(args: NotifyArgs & {pagerDutyIncidentId: string; content: string}): Promise<IntegrationResult> {
  const content = outgoingText(args.content, 10_000)
  const digest = createHash('sha256').update(content).digest('hex').slice(0, 12)
  return runMessages(args, [
    {id: `pagerduty-note:${args.pagerDutyIncidentId}:${digest}`, channel: 'pagerduty-note', key: args.pagerDutyIncidentId, payload: {pagerDutyIncidentId: args.pagerDutyIncidentId, content}},
  ])
}

/** Rounds of `sync --wait`: a vendor still failing after this many deferrals is left for a later `sync`. */
const MAX_WAIT_ROUNDS = 10

/**
 * `incident-response sync`: deliver what is due in the incident's outbox. `wait` sleeps until the
 * next deferred message is due (outside the lock, so other commands can run) and delivers again.
 * `resend` lists unsent entries to send again although they are refused or unconfirmed (the user
 * has fixed the cause, or checked the channel).
 */
export async function syncOutbox(args: Omit<NotifyArgs, 'mode'> & {wait?: boolean; resend?: readonly string[]}): Promise<IntegrationResult> {
  const secrets = secretsOf(args.config)
  const now = args.deps.now ?? (() => new Date())
  const sleep = args.deps.sleep ?? ((ms: number) => sleepFor(ms))
  return guarded(secrets, async () => {
    const notices = args.resend?.length ? await lockFor(args.deps)(args.dir, () => releaseForResend(args.dir, args.resend!, secrets)) : []
    let delivered = 0
    const failed: IntegrationResult['failed'] = []
    for (let round = 1; ; round++) {
      const result = await lockFor(args.deps)(args.dir, () => deliverPendingEntries(args.dir, args.config, args.deps))
      delivered += result.delivered
      for (const failure of result.failed) if (!failed.some((known) => known.channel === failure.channel && known.error === failure.error)) failed.push(failure)
      if (!args.wait || result.deferred.length === 0 || round >= MAX_WAIT_ROUNDS) return {...result, delivered, failed, notices: [...notices, ...result.notices]}
      const next = Math.min(...result.deferred.map((item) => Date.parse(item.until)))
      await sleep(Math.max(0, next - now().getTime()))
    }
  })
}

/** Clears what holds back the named unsent entries; a sent one is never sent again. */
async function releaseForResend(dir: string, ids: readonly string[], secrets: readonly string[]): Promise<string[]> {
  const entries = await readOutbox(dir)
  const notices: string[] = []
  const released: OutboxEntry[] = []
  for (const id of ids) {
    const entry = entries.find((candidate) => candidate.id === id)
    if (entry === undefined) notices.push(`--resend ${id}: no such message in the outbox (ids: ${entries.map((known) => known.id).join(', ') || 'none'}).`)
    else if (entry.status === 'sent') notices.push(`--resend ${id}: delivered at ${entry.sentAt}; not sent again.`)
    else if (entry.status === 'cancelled') notices.push(`--resend ${id}: cancelled (${entry.lastError}); not sent.`)
    else released.push({...entry, unconfirmedSince: null, blockedBy: null, nextAttemptAt: null})
  }
  await appendOutbox(dir, released, secrets)
  return notices
}

/**
 * Queue the messages (skipping ones already queued) and deliver everything pending, all under the
 * incident lock; or, in dry-run, describe the requests without writing anything.
 */
async function runMessages(
  args: NotifyArgs,
  messages: OutboxMessage[],
  /** Decides further messages from the outbox as it is under the lock (e.g. resolve only a sent page). */
  more?: (entries: OutboxEntry[], secrets: readonly string[]) => Promise<OutboxMessage[]>,
): Promise<IntegrationResult> {
  if (args.mode === 'off') return emptyResult()
  const now = args.deps.now ?? (() => new Date())
  const secrets = secretsOf(args.config)
  const skipped = skippedChannels(messages, args.config)
  if (args.mode === 'dry-run') {
    return guarded(secrets, async () => {
      const outbox = await readOutbox(args.dir)
      const sent = new Set(outbox.filter((entry) => entry.status === 'sent').map((entry) => entry.id))
      const entries = messages.filter((message) => !sent.has(message.id)).map((message) => pendingEntry(message, now()))
      const result = emptyResult()
      result.dryRun = plannedRequests(entries, args.config, firstSlackTs(outbox)).map(({channel, request}) => ({channel, request: maskRequest(request, secrets)}))
      result.skipped = skipped
      return result
    })
  }
  return guarded(secrets, () =>
    lockFor(args.deps)(args.dir, async () => {
      const extra = more ? await more(await readOutbox(args.dir), secrets) : []
      // A message for a channel that is not configured is not queued: a later `sync` must not post a stale alert.
      const sendable = [...extra, ...messages].filter((message) => missingSetting(message.channel, args.config) === null)
      await enqueueMessages(args.dir, sendable, {now: now(), secrets})
      const result = await deliverPendingEntries(args.dir, args.config, args.deps)
      for (const skip of skipped) if (!result.skipped.some((known) => known.channel === skip.channel)) result.skipped.push(skip)
      return result
    }),
  )
}

function skippedChannels(messages: OutboxMessage[], config: IntegrationConfig): IntegrationResult['skipped'] {
  const skipped: IntegrationResult['skipped'] = []
  for (const message of messages) {
    const reason = missingSetting(message.channel, config)
    if (reason !== null && !skipped.some((skip) => skip.channel === message.channel)) skipped.push({channel: message.channel, reason})
  }
  return skipped
}

function maskRequest(request: OutgoingRequest, secrets: readonly string[]): OutgoingRequest {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, name === 'authorization' ? '***' : value]))
  return JSON.parse(maskSecrets(JSON.stringify({...request, headers}), secrets)) as OutgoingRequest
}

function lockFor(deps: IntegrationDeps): <T>(dir: string, fn: () => Promise<T>) => Promise<T> {
  return deps.withLock ?? ((dir, fn) => withIncidentLock(dir, fn, {waitMs: 30_000}))
}

/** Integrations never fail the incident: anything thrown becomes a reported failure. */
async function guarded(secrets: readonly string[], fn: () => Promise<IntegrationResult>): Promise<IntegrationResult> {
  try {
    return await fn()
  } catch (error) {
    const result = emptyResult()
    result.failed.push({channel: 'outbox', error: maskSecrets(failureLine(error), secrets)})
    return result
  }
}
