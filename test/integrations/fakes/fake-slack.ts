import {z} from 'zod'

import {type FakeServer, json, type Reply, startFakeServer} from './fake-server.js'

const MessageSchema = z.object({
  text: z.string().min(1),
  blocks: z
    .array(z.object({type: z.enum(['header', 'section', 'context', 'divider', 'actions'])}).passthrough())
    .max(50)
    .optional(),
})

export interface SlackPost {
  channel: string | null
  text: string
  blocks: unknown[]
  threadTs: string | null
  ts: string | null
}

export interface FakeSlack extends FakeServer {
  posts: SlackPost[]
  webhookUrl: string
  apiUrl: string
}

/**
 * Both Slack surfaces: an incoming webhook at /services/T000/B000/<secret> (200 "ok", plain-text
 * error codes) and chat.postMessage at /api (always 200, `ok` tells).
 */
export async function startFakeSlack(options: {webhookSecret: string; botToken: string; channel: string}): Promise<FakeSlack> {
  const posts: SlackPost[] = []
  let nextTs = 1_764_500_000
  const webhookPath = `/services/T000/B000/${options.webhookSecret}`
  const server = await startFakeServer((request): Reply => {
    if (request.method !== 'POST') return {status: 405, body: 'method_not_allowed'}
    if (request.path.startsWith('/services/')) {
      if (request.path !== webhookPath) return {status: 404, body: 'no_service'}
      if (!String(request.headers['content-type']).startsWith('application/json')) return {status: 400, body: 'invalid_payload'}
      const parsed = MessageSchema.strict().safeParse(request.json)
      if (!parsed.success) return {status: 400, body: 'invalid_payload'}
      posts.push({channel: null, text: parsed.data.text, blocks: parsed.data.blocks ?? [], threadTs: null, ts: null})
      return {status: 200, body: 'ok'}
    }
    if (request.path !== '/api/chat.postMessage') return json(404, {ok: false, error: 'unknown_method'})
    if (request.headers.authorization !== `Bearer ${options.botToken}`) return json(200, {ok: false, error: 'invalid_auth'})
    const parsed = MessageSchema.extend({channel: z.string(), thread_ts: z.string().optional()}).strict().safeParse(request.json)
    if (!parsed.success) return json(200, {ok: false, error: 'invalid_arguments'})
    if (parsed.data.channel !== options.channel) return json(200, {ok: false, error: 'channel_not_found'})
    const ts = `${nextTs++}.000100`
    posts.push({channel: parsed.data.channel, text: parsed.data.text, blocks: parsed.data.blocks ?? [], threadTs: parsed.data.thread_ts ?? null, ts})
    return json(200, {ok: true, channel: 'C0123', ts, message: {text: parsed.data.text}})
  })
  return Object.assign(server, {posts, webhookUrl: `${server.url}${webhookPath}`, apiUrl: `${server.url}/api`})
}
