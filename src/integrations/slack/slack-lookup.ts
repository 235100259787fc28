import {z} from 'zod'

import type {SlackConfig} from '../config.js'
import {DeliveryError} from '../http/delivery-error.js'
import type {HttpClient} from '../http/http-client.js'
import {SLACK_EVENT_TYPE} from './slack-sender.js'

type SlackBot = Extract<SlackConfig, {mode: 'bot'}>

/** Slack conversation ids: C… public, G… private, D… direct; names (#incidents) are not ids. */
export function isSlackChannelId(value: string): boolean {
  return /^[CGD][A-Z0-9]{6,}$/.test(value)
}

const HistorySchema = z.union([
  z.object({
    ok: z.literal(true),
    messages: z.array(
      z.object({
        ts: z.string(),
        thread_ts: z.string().optional(),
        metadata: z.object({event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional()}).optional(),
      }),
    ),
    has_more: z.boolean().optional(),
    response_metadata: z.object({next_cursor: z.string().optional()}).optional(),
  }),
  z.object({ok: z.literal(false), error: z.string()}),
])

/** History pages read per lookup: an incident channel's last 1,000 messages since the attempt. */
const MAX_PAGES = 5
/** How far before the attempt to look, for clock skew between us and Slack. */
const SKEW_SECONDS = 120

/**
 * Whether the bot's message with this outbox key is in the channel: top-level messages since the
 * attempt (`conversations.history`), or the replies under `threadTs` (`conversations.replies`).
 * Needs the `channels:history` (or `groups:history`) scope. Returns the message's ts, or null.
 */
export async function findSlackMessage(
  client: HttpClient,
  config: SlackBot,
  query: {channelId: string; key: string; since: Date; threadTs: string | null},
): Promise<string | null> {
  let cursor: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const params = new URLSearchParams({channel: query.channelId, include_all_metadata: 'true', limit: '200'})
    if (query.threadTs) params.set('ts', query.threadTs)
    else params.set('oldest', String(Math.floor(query.since.getTime() / 1000) - SKEW_SECONDS))
    if (cursor) params.set('cursor', cursor)
    const method = query.threadTs ? 'conversations.replies' : 'conversations.history'
    const response = await client.request({method: 'GET', url: `${config.apiUrl}/${method}?${params}`, headers: {authorization: `Bearer ${config.botToken}`}})
    const answer = response.parse(HistorySchema, (issue) => `unexpected ${method} answer (${issue})`)
    if (!answer.ok) {
      throw new DeliveryError('Slack', `${method}: ${answer.error} — the bot needs the channels:history scope to check for an earlier post`, {
        status: response.status,
        requestId: response.requestId,
        outcome: 'refused',
        code: answer.error,
      })
    }
    const found = answer.messages.find((message) => message.metadata?.event_type === SLACK_EVENT_TYPE && message.metadata.event_payload?.outbox_key === query.key)
    if (found) return found.ts
    cursor = answer.response_metadata?.next_cursor || undefined
    if (!answer.has_more || !cursor) return null
  }
  return null
}
