import {z} from 'zod'

import {IntegrationError} from '../../errors/errors.js'
import type {SlackConfig} from '../config.js'
import {failureMessage} from '../http/failure-body.js'
import type {HttpClient} from '../http/http-client.js'
import type {OutgoingRequest} from '../integration-types.js'
import type {SlackMessageBody} from '../outbox-entry.js'

/** The wire request for one message; `threadTs` is the first message's ts (bot mode only). */
export function slackRequest(config: SlackConfig, body: SlackMessageBody, threadTs: string | null): OutgoingRequest {
  const message = {text: body.text, blocks: body.blocks}
  if (config.mode === 'webhook') {
    return {method: 'POST', url: config.webhookUrl, headers: {'content-type': 'application/json'}, json: message}
  }
  return {
    method: 'POST',
    url: `${config.apiUrl}/chat.postMessage`,
    headers: {'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${config.botToken}`},
    json: {channel: config.channel, ...message, ...(threadTs ? {thread_ts: threadTs} : {})},
  }
}

const PostMessageResponseSchema = z.union([
  z.object({ok: z.literal(true), ts: z.string(), channel: z.string().optional()}),
  z.object({ok: z.literal(false), error: z.string()}),
])

/** Sends one message; returns the message `ts` in bot mode (webhooks return none). */
export async function sendSlackMessage(client: HttpClient, config: SlackConfig, request: OutgoingRequest): Promise<{ts: string | null}> {
  const response = await client.request(request)
  if (config.mode === 'webhook') {
    if (response.text.trim() !== 'ok') throw response.unexpected('unexpected webhook answer')
    return {ts: null}
  }
  // chat.postMessage answers 200 for failures too: `ok` is what counts.
  const answer = response.parse(PostMessageResponseSchema, 'unexpected chat.postMessage answer')
  if (!answer.ok) {
    throw new IntegrationError('Slack', failureMessage(null, answer.error, slackSetting(config, response.status, answer.error)), {
      status: response.status,
      requestId: response.requestId,
      retryable: answer.error === 'ratelimited' || answer.error === 'internal_error',
    })
  }
  return {ts: answer.ts}
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
