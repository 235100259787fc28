import {createServer, type IncomingHttpHeaders, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

/**
 * A local stand-in for the Anthropic Messages API (`POST /v1/messages`, API version 2026-10-21),
 * enough for the SDK to talk to it by base URL. Replies are scripted per specialist (matched by a
 * marker in the system prompt) and handed out in order; every request is recorded with its arrival
 * and finish times. A request nobody scripted is answered 400 (not retried) and listed in
 * `unexpected`. Like the API it answers 400 to a forced `tool_choice` for the models that refuse
 * one, and to an assistant turn that drops a thinking block it sent before that turn's tool calls.
 */

/** Models that answer a forced tool_choice (`tool`, `any`) with 400 (their migration guides). */
const NO_FORCED_TOOL_CHOICE = /^claude-(sonnet-5-5|opus-5-5|fable-5-1)/

export type FakeContentBlock =
  | {type: 'text'; text: string}
  | {type: 'tool_use'; id: string; name: string; input: unknown}
  /** Adaptive thinking (display omitted): must come back unchanged in the assistant turn before the tool results. */
  | {type: 'thinking'; thinking: string; signature: string}

export interface FakeUsage {
  input_tokens: number
  output_tokens: number
  cache_creation_input_tokens?: number
  cache_read_input_tokens?: number
}

export type FakeReply =
  | {kind: 'message'; content: FakeContentBlock[]; usage?: FakeUsage; stopReason?: string; stopDetails?: Record<string, unknown>; delayMs?: number}
  | {kind: 'error'; status: number; errorType?: string; message?: string; headers?: Record<string, string>; delayMs?: number}
  /** Sends nothing until the client gives up or the server closes. */
  | {kind: 'hang'}
  /** Any status and body, for malformed replies. */
  | {kind: 'raw'; status: number; body: string; delayMs?: number}

/** A reply, or a function of the request body that makes one (for replies that depend on the turn). */
export type ScriptedReply = FakeReply | ((body: MessagesRequestBody) => FakeReply)

export interface MessagesRequestBody {
  model?: string
  max_tokens?: number
  system?: string | Array<{type: string; text?: string; cache_control?: unknown}>
  messages?: Array<{role: string; content: unknown}>
  tools?: Array<{name: string; input_schema?: unknown}>
  tool_choice?: {type: string; name?: string}
  [key: string]: unknown
}

export interface RecordedRequest {
  /** The marker of the script that answered it, or null. */
  marker: string | null
  rawBody: string
  body: MessagesRequestBody | null
  headers: IncomingHttpHeaders
  status: number | null
  arrivedAt: number
  finishedAt: number | null
}

export interface FakeAnthropicServer {
  baseURL: string
  apiKey: string
  requests: RecordedRequest[]
  unexpected: RecordedRequest[]
  /** Queue replies for requests whose system prompt contains `marker`. */
  script(marker: string, ...replies: ScriptedReply[]): void
  /** Requests answered by the script with this marker, in arrival order. */
  requestsFor(marker: string): RecordedRequest[]
  close(): Promise<void>
}

export interface FakeAnthropicServerOptions {
  apiKey?: string
  /** Added before every reply (the "model thinking" time). */
  latencyMs?: number
  /** Answers requests no script matches; without it they are unexpected. */
  fallbackReply?: (body: MessagesRequestBody) => FakeReply
  clock?: () => number
}

export async function startFakeAnthropicServer(options: FakeAnthropicServerOptions = {}): Promise<FakeAnthropicServer> {
  const apiKey = options.apiKey ?? 'sk-ant-test-fake-key'
  const clock = options.clock ?? (() => performance.now())
  const scripts: Array<{marker: string; replies: ScriptedReply[]}> = []
  const requests: RecordedRequest[] = []
  const unexpected: RecordedRequest[] = []
  /** tool_use id → the signature of the thinking block sent before it in the same reply. */
  const thinkingBefore = new Map<string, string>()
  let counter = 0

  const server = createServer((req, res) => {
    const record: RecordedRequest = {marker: null, rawBody: '', body: null, headers: req.headers, status: null, arrivedAt: clock(), finishedAt: null}
    requests.push(record)
    res.on('finish', () => {
      record.finishedAt = clock()
      record.status = res.statusCode
    })
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      record.rawBody = Buffer.concat(chunks).toString('utf8')
      const requestId = `req_fake_${++counter}`
      res.setHeader('request-id', requestId)

      if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) return sendError(res, 404, 'not_found_error', `no route ${req.method} ${req.url}`)
      // SDK 1.x sends the key as a bearer token; x-api-key is still accepted.
      if (req.headers.authorization !== `Bearer ${apiKey}` && req.headers['x-api-key'] !== apiKey) return sendError(res, 401, 'authentication_error', 'invalid API key')
      if (!req.headers['anthropic-version']) return sendError(res, 400, 'invalid_request_error', 'anthropic-version header is required')
      try {
        record.body = JSON.parse(record.rawBody) as MessagesRequestBody
      } catch {
        return sendError(res, 400, 'invalid_request_error', 'body is not JSON')
      }
      const body = record.body
      if (typeof body.model !== 'string' || typeof body.max_tokens !== 'number' || !Array.isArray(body.messages)) {
        return sendError(res, 400, 'invalid_request_error', 'model, max_tokens and messages are required')
      }

      const refusal = contractViolation(body, thinkingBefore)
      if (refusal) return sendError(res, 400, 'invalid_request_error', refusal)

      const system = systemText(body)
      const script = scripts.find((s) => system.includes(s.marker))
      const next = script?.replies.shift()
      let reply: FakeReply | undefined
      if (script && next) {
        record.marker = script.marker
        reply = typeof next === 'function' ? next(body) : next
      } else if (options.fallbackReply) {
        reply = options.fallbackReply(body)
      }
      if (!reply) {
        unexpected.push(record)
        return sendError(res, 400, 'invalid_request_error', 'fake server: no scripted reply for this request', {'x-should-retry': 'false'})
      }
      if (reply.kind === 'hang') return
      const answer = reply
      const delay = (options.latencyMs ?? 0) + (answer.delayMs ?? 0)
      if (answer.kind === 'message') rememberThinking(answer.content, thinkingBefore)
      const send = () => sendReply(res, answer, body, record.rawBody.length, ++counter)
      if (delay > 0) setTimeout(send, delay)
      else send()
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo

  return {
    baseURL: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    unexpected,
    script(marker, ...replies) {
      const existing = scripts.find((s) => s.marker === marker)
      if (existing) existing.replies.push(...replies)
      else scripts.push({marker, replies: [...replies]})
    },
    requestsFor: (marker) => requests.filter((r) => r.marker === marker),
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }
}

function contractViolation(body: MessagesRequestBody, thinkingBefore: ReadonlyMap<string, string>): string | null {
  const choice = body.tool_choice?.type
  if ((choice === 'tool' || choice === 'any') && NO_FORCED_TOOL_CHOICE.test(body.model ?? '')) {
    return `tool_choice.type "${choice}" is not supported with ${body.model}: use "auto" or "none"`
  }
  for (const turn of body.messages ?? []) {
    if (turn.role !== 'assistant' || !Array.isArray(turn.content)) continue
    const blocks = turn.content as Array<{type: string; id?: string; signature?: string}>
    for (const use of blocks.filter((block) => block.type === 'tool_use')) {
      const signature = thinkingBefore.get(use.id ?? '')
      if (signature && !blocks.some((block) => block.type === 'thinking' && block.signature === signature)) {
        return 'messages: an assistant turn with tool_use must keep the thinking block that preceded it, unchanged'
      }
    }
  }
  return null
}

function rememberThinking(content: FakeContentBlock[], thinkingBefore: Map<string, string>): void {
  const thinking = content.find((block) => block.type === 'thinking')
  if (thinking?.type !== 'thinking') return
  for (const block of content) if (block.type === 'tool_use') thinkingBefore.set(block.id, thinking.signature)
}

export function systemText(body: MessagesRequestBody): string {
  if (typeof body.system === 'string') return body.system
  return (body.system ?? []).map((block) => block.text ?? '').join('\n')
}

function sendReply(res: ServerResponse, reply: Exclude<FakeReply, {kind: 'hang'}>, body: MessagesRequestBody, requestChars: number, n: number): void {
  if (res.destroyed) return
  if (reply.kind === 'error') return sendError(res, reply.status, reply.errorType ?? 'api_error', reply.message ?? `fake ${reply.status}`, reply.headers)
  if (reply.kind === 'raw') {
    res.writeHead(reply.status, {'content-type': 'application/json'})
    res.end(reply.body)
    return
  }
  const hasToolUse = reply.content.some((block) => block.type === 'tool_use')
  const message = {
    id: `msg_fake_${n}`,
    type: 'message',
    role: 'assistant',
    model: body.model,
    content: reply.content,
    stop_reason: reply.stopReason ?? (hasToolUse ? 'tool_use' : 'end_turn'),
    stop_details: reply.stopDetails ?? null,
    stop_sequence: null,
    // By default, tokens are estimated like the real API would roughly count them: ~4 chars each.
    usage: reply.usage ?? {input_tokens: Math.ceil(requestChars / 4), output_tokens: Math.ceil(JSON.stringify(reply.content).length / 4)},
  }
  res.writeHead(200, {'content-type': 'application/json'})
  res.end(JSON.stringify(message))
}

function sendError(res: ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}): void {
  if (res.destroyed) return
  res.writeHead(status, {'content-type': 'application/json', ...headers})
  res.end(JSON.stringify({type: 'error', error: {type, message}}))
}

// Reply builders, so scripts read like the conversation they stand for.

let toolUseCounter = 0

export function toolUse(name: string, input: unknown): FakeContentBlock {
  return {type: 'tool_use', id: `toolu_fake_${++toolUseCounter}`, name, input}
}

export function textBlock(text: string): FakeContentBlock {
  return {type: 'text', text}
}

let thinkingCounter = 0

/** Adaptive thinking as current models return it by default: no text shown, a signature that binds it. */
export function thinkingBlock(): FakeContentBlock {
  return {type: 'thinking', thinking: '', signature: `sig_fake_${++thinkingCounter}`}
}

/** A reply stopped for a reason other than end_turn/tool_use: max_tokens, refusal, pause_turn… */
export function stopped(stopReason: string, content: FakeContentBlock[], options: {details?: Record<string, unknown>; usage?: FakeUsage} = {}): FakeReply {
  return {kind: 'message', content, stopReason, ...(options.details ? {stopDetails: options.details} : {}), ...(options.usage ? {usage: options.usage} : {})}
}

export function message(content: FakeContentBlock[], usage?: FakeUsage): FakeReply {
  return usage ? {kind: 'message', content, usage} : {kind: 'message', content}
}

export function submitFindings(summary: string, findings: unknown[], usage?: FakeUsage): FakeReply {
  return message([toolUse('submit_findings', {summary, findings})], usage)
}

export function apiError(status: number, headers?: Record<string, string>): FakeReply {
  return headers ? {kind: 'error', status, headers} : {kind: 'error', status}
}

/** The same reply, sent `delayMs` later (on top of the server's latency). */
export function delayed(reply: FakeReply, delayMs: number): FakeReply {
  return reply.kind === 'hang' ? reply : {...reply, delayMs}
}
