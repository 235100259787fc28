import {createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

export interface RecordedRequest {
  method: string
  /** Path with query string. */
  path: string
  headers: IncomingHttpHeaders
  body: string
  json: unknown
}

/** A scripted answer; `hang` never answers (until the server closes). */
export type Reply = {status: number; headers?: Record<string, string>; body?: unknown} | 'hang'

/**
 * A fault, for requests matching an injected rule. The `after-*` faults let the vendor act on the
 * request first (the issue is created, the message posted) and then lose the answer, which is
 * what makes a blind resend a duplicate.
 */
export type Fault =
  /** Answer this instead of acting (a 429, a 400): the vendor did nothing. */
  | {kind: 'reply'; reply: Reply}
  /** Act, then never answer: the client times out. */
  | {kind: 'act-then-hang'}
  /** Act, then close the connection without an answer. */
  | {kind: 'act-then-reset'}
  /** Close the connection without acting. */
  | {kind: 'reset'}
  /** Act, then answer this instead (a 500, a malformed 2xx). */
  | {kind: 'act-then-reply'; reply: Reply}

export interface FaultRule {
  method?: string
  /** Matches the path (with query) from its start. */
  path?: string
}

export interface FakeServer {
  url: string
  requests: RecordedRequest[]
  /** Answers to give before the vendor logic runs again, in order (429, 500, hang…). */
  script(...replies: Reply[]): void
  /** Faults for requests matching `rule`, used up in order; other requests are served normally. */
  inject(rule: FaultRule, ...faults: Fault[]): void
  /** Resolves when the server has received `count` requests in total. */
  received(count: number): Promise<void>
  close(): Promise<void>
}

/** A local HTTP server on 127.0.0.1:0 that records every request and answers via `handle`. */
export async function startFakeServer(handle: (request: RecordedRequest) => Reply): Promise<FakeServer> {
  const requests: RecordedRequest[] = []
  const scripted: Reply[] = []
  const injected: Array<{rule: FaultRule; faults: Fault[]}> = []
  const waiters: Array<{count: number; resolve: () => void}> = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      let json: unknown = null
      try {
        json = body === '' ? null : JSON.parse(body)
      } catch {
        json = null
      }
      const recorded: RecordedRequest = {method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json}
      requests.push(recorded)
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve()
      }
      const rule = injected.find(({rule, faults}) => faults.length > 0 && (!rule.method || rule.method === recorded.method) && (!rule.path || recorded.path.startsWith(rule.path)))
      const fault = rule?.faults.shift()
      if (fault) return applyFault(fault, () => handle(recorded), req, res)
      const reply = scripted.shift() ?? handle(recorded)
      if (reply !== 'hang') send(res, reply)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => scripted.push(...replies),
    inject: (rule, ...faults) => injected.push({rule, faults}),
    received: (count) => (requests.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({count, resolve}))),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function applyFault(fault: Fault, act: () => Reply, req: IncomingMessage, res: ServerResponse): void {
  if (fault.kind === 'reply') {
    if (fault.reply !== 'hang') send(res, fault.reply)
    return
  }
  if (fault.kind === 'reset') return void req.socket.destroy()
  act()
  if (fault.kind === 'act-then-reset') req.socket.destroy()
  else if (fault.kind === 'act-then-reply' && fault.reply !== 'hang') send(res, fault.reply)
}

function send(res: ServerResponse, reply: Exclude<Reply, 'hang'>): void {
  const isText = typeof reply.body === 'string'
  const body = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body)
  res.writeHead(reply.status, {'content-type': isText ? 'text/plain' : 'application/json', ...reply.headers})
  res.end(body)
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return {status, body, headers}
}
