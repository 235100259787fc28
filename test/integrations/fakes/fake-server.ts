import {createServer, type IncomingHttpHeaders, type ServerResponse} from 'node:http'
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

export interface FakeServer {
  url: string
  requests: RecordedRequest[]
  /** Answers to give before the vendor logic runs again, in order (429, 500, hang…). */
  script(...replies: Reply[]): void
  /** Resolves when the server has received `count` requests in total. */
  received(count: number): Promise<void>
  close(): Promise<void>
}

/** A local HTTP server on 127.0.0.1:0 that records every request and answers via `handle`. */
export async function startFakeServer(handle: (request: RecordedRequest) => Reply): Promise<FakeServer> {
  const requests: RecordedRequest[] = []
  const scripted: Reply[] = []
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
    received: (count) => (requests.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({count, resolve}))),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
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
