import {z} from 'zod'

import {type FakeServer, json, type RecordedRequest, type Reply, startFakeServer} from './fake-server.js'

const MessageSchema = z.object({
  text: z.string().min(1),
  blocks: z
    .array(z.object({type: z.enum(['header', 'section', 'context', 'divider', 'actions'])}).passthrough())
    .max(50)
    .optional(),
})

const MetadataSchema = z.object({event_type: z.string().regex(/^[a-z0-9_]+$/), event_payload: z.record(z.string(), z.unknown())}).strict()

export interface SlackPost {
  channel: string | null
  text: string
  blocks: unknown[]
  threadTs: string | null
  ts: string | null
  metadata: z.infer<typeof MetadataSchema> | null
}

export interface FakeSlack extends FakeServer {
  posts: SlackPost[]
  webhookUrl: string
  apiUrl: string
  /** The id of the one channel, which `chat.postMessage` answers with and `conversations.*` require. */
  channelId: string
  /** Slack's clock for new message ts values: the test's injected clock, so searches by time agree with it. */
  useClock(now: () => Date): void
}

/**
 * Both Slack surfaces: an incoming webhook at /services/T000/B000/<secret> (200 "ok", plain-text
 * error codes) and the Web API at /api: chat.postMessage (always 200, `ok` tells; accepts the
 * channel's name or id), conversations.history and conversations.replies (channel id only;
 * metadata only with include_all_metadata=true).
 */
export async function startFakeSlack(options: {webhookSecret: string; botToken: string; channel: string; channelId?: string}): Promise<FakeSlack> {
  const posts: SlackPost[] = []
  const channelId = options.channelId ?? 'C0INCIDNT1'
  // Slack's clock: by default the tests' start time, one second per message.
  let clock = (() => {
    let next = Date.parse('2026-11-30T14:10:00Z')
    return () => new Date((next += 1000))
  })()
  let lastTs = 0
  /** A message ts: seconds since the epoch with a unique suffix, never going backwards. */
  const newTs = () => {
    lastTs = Math.max(lastTs + 1, Math.floor(clock().getTime() / 1000))
    return `${lastTs}.000100`
  }
  const webhookPath = `/services/T000/B000/${options.webhookSecret}`
  const server = await startFakeServer((request): Reply => {
    if (request.path.startsWith('/services/')) return webhook(request)
    if (request.headers.authorization !== `Bearer ${options.botToken}`) return json(200, {ok: false, error: 'invalid_auth'})
    const url = new URL(request.path, 'http://fake')
    if (request.method === 'POST' && url.pathname === '/api/chat.postMessage') return postMessage(request)
    if (request.method === 'GET' && url.pathname === '/api/conversations.history') return history(url.searchParams, null)
    if (request.method === 'GET' && url.pathname === '/api/conversations.replies') return history(url.searchParams, url.searchParams.get('ts'))
    return json(404, {ok: false, error: 'unknown_method'})
  })

  function webhook(request: RecordedRequest): Reply {
    if (request.method !== 'POST') return {status: 405, body: 'method_not_allowed'}
    if (request.path !== webhookPath) return {status: 404, body: 'no_service'}
    if (!String(request.headers['content-type']).startsWith('application/json')) return {status: 400, body: 'invalid_payload'}
    const parsed = MessageSchema.strict().safeParse(request.json)
    if (!parsed.success) return {status: 400, body: 'invalid_payload'}
    posts.push({channel: null, text: parsed.data.text, blocks: parsed.data.blocks ?? [], threadTs: null, ts: null, metadata: null})
    return {status: 200, body: 'ok'}
  }

  function postMessage(request: RecordedRequest): Reply {
    const parsed = MessageSchema.extend({channel: z.string(), thread_ts: z.string().optional(), metadata: MetadataSchema.optional()}).strict().safeParse(request.json)
    if (!parsed.success) return json(200, {ok: false, error: 'invalid_arguments'})
    if (parsed.data.channel !== options.channel && parsed.data.channel !== channelId) return json(200, {ok: false, error: 'channel_not_found'})
    const ts = newTs()
    posts.push({channel: parsed.data.channel, text: parsed.data.text, blocks: parsed.data.blocks ?? [], threadTs: parsed.data.thread_ts ?? null, ts, metadata: parsed.data.metadata ?? null})
    return json(200, {ok: true, channel: channelId, ts, message: {text: parsed.data.text}})
  }

  /** Newest first; top-level messages only unless `root` names a thread (then the root and its replies, oldest first). */
  function history(params: URLSearchParams, root: string | null): Reply {
    if (params.get('channel') !== channelId) return json(200, {ok: false, error: 'channel_not_found'})
    const oldest = Number(params.get('oldest') ?? 0)
    const withMetadata = params.get('include_all_metadata') === 'true'
    const messages = posts
      .filter((post) => post.ts !== null && post.channel !== null)
      .filter((post) => (root === null ? post.threadTs === null && Number(post.ts) >= oldest : post.ts === root || post.threadTs === root))
      .map((post) => ({type: 'message', ts: post.ts, text: post.text, ...(post.threadTs ? {thread_ts: post.threadTs} : {}), ...(withMetadata && post.metadata ? {metadata: post.metadata} : {})}))
    return json(200, {ok: true, messages: root === null ? messages.reverse() : messages, has_more: false, response_metadata: {next_cursor: ''}})
  }

  const useClock = (now: () => Date) => {
    clock = now
  }
  return Object.assign(server, {posts, webhookUrl: `${server.url}${webhookPath}`, apiUrl: `${server.url}/api`, channelId, useClock})
}
