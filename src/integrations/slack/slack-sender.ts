import {z} from 'zod'

import type {SlackConfig} from '../config.js'
import {DeliveryError} from '../http/delivery-error.js'
import {failureMessage} from '../http/failure-body.js'
import type {HttpClient} from '../http/http-client.js'
import type {OutgoingRequest} from '../integration-types.js'
import type {SlackMessageBody} from '../outbox-entry.js'

/** The `metadata.event_type` of every message the bot posts: how an earlier attempt is found again. */
export const SLACK_EVENT_TYPE = 'incident_response_message'

/**
 * The wire request for one message; `threadTs` is the first message's ts (bot mode only). `key` is
 * the outbox key (`<incident id>:declared`), carried in the bot's message metadata so that after a
 * timeout `conversations.history` can tell whether the post arrived; a webhook cannot carry it.
 */
export function slackRequest(config: SlackConfig, body: SlackMessageBody, threadTs: string | null, key: string): OutgoingRequest {
  const message = {text: body.text, blocks: body.blocks}
  if (config.mode === 'webhook') {
    return {method: 'POST', url: config.webhookUrl, headers: {'content-type': 'application/json'}, json: message}
  }
  return {
    method: 'POST',
    url: `${config.apiUrl}/chat.postMessage`,
    headers: {'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${config.botToken}`},
    json: {
      channel: config.channel,
      ...message,
      ...(threadTs ? {thread_ts: threadTs} : {}),
      metadata: {event_type: SLACK_EVENT_TYPE, event_payload: {outbox_key: key}},
    },
  }
}

const PostMessageResponseSchema = z.union([
  z.object({ok: z.literal(true), ts: z.string(), channel: z.string().optional()}),
  z.object({ok: z.literal(false), error: z.string()}),
])

/**
 * Slack's own words for "it may or may not have happened": `fatal_error` says some of the operation
 * may have succeeded; the others are its server failing mid-request. Every other `ok: false` code is
 * a refusal (bad token, unknown channel, invalid blocks).
 */
const UNKNOWN_OUTCOME_CODES = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'])

/** Sends one message; returns the message `ts` and channel id in bot mode (webhooks return neither). */
export async function sendSlackMessage(client: HttpClient, config: SlackConfig, request: OutgoingRequest): Promise<{ts: string | null; channel: string | null}> {
  const response = await client.request(request)
  if (config.mode === 'webhook') {
    if (response.text.trim() !== 'ok') throw response.unexpected('unexpected webhook answer (not "ok")')
    return {ts: null, channel: null}
  }
  // chat.postMessage answers 200 for failures too: `ok` is what counts.
  const answer = response.parse(PostMessageResponseSchema, (issue) => `unexpected chat.postMessage answer (${issue})`)
  if (!answer.ok) {
    const rateLimited = answer.error === 'ratelimited'
    throw new DeliveryError('Slack', failureMessage(null, answer.error, slackSetting(config, response.status, answer.error)), {
      status: rateLimited ? 429 : response.status,
      requestId: response.requestId,
      outcome: UNKNOWN_OUTCOME_CODES.has(answer.error) ? 'unknown' : 'refused',
      code: answer.error,
    })
  }
  return {ts: answer.ts, channel: answer.channel ?? null}
}

const TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'missing_scope', 'no_permission'])
const CHANNEL_ERRORS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'channel_is_archived'])

/** Which setting to fix for a Slack failure (HTTP status or `error` code). */
export function slackSetting(config: SlackConfig, status: number, code: string | null): string | null {
  const error = code ?? ''
  if (config.mode === 'webhook') return [403, 404, 410].includes(status) || CHANNEL_ERRORS.has(error) ? 'SLACK_WEBHOOK_URL' : null
  if (CHANNEL_ERRORS.has(error)) return 'SLACK_CHANNEL'
  if (TOKEN_ERRORS.has(error) || status === 401 || status === 403) return 'SLACK_BOT_TOKEN'
  if (status === 404) return 'SLACK_API_URL'
  return null
}
