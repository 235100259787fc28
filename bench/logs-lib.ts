import {createWriteStream} from 'node:fs'
import {once} from 'node:events'

/**
 * A realistic mixed production log for the throughput benchmark: JSON request logs and plain-text
 * application lines interleaved, a quiet baseline with a low background error rate, then an
 * incident burst (a new not-null violation, 5xx on one endpoint, Java stack traces, slower
 * requests). Deterministic (seeded), written in 4 MB blocks.
 */
export interface GeneratedLog {
  bytes: number
  lines: number
  /** Epoch ms of the incident start written into the data. */
  onsetAt: number
}

function rng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const PATHS = ['/api/orders', '/api/orders/:id', '/api/cart', '/api/users/:id', '/health', '/api/payments']
const JAVA_TRACE = [
  'org.postgresql.util.PSQLException: ERROR: null value in column "currency" violates not-null constraint',
  '\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2676)',
  '\tat com.shop.orders.OrderRepository.insert(OrderRepository.java:88)',
  '\tat com.shop.orders.OrderService.place(OrderService.java:142)',
  '\tat com.shop.api.OrderController.create(OrderController.java:57)',
  '\t... 42 more',
]

export async function generateMixedLog(path: string, targetBytes: number, seed = 42): Promise<GeneratedLog> {
  const random = rng(seed)
  const out = createWriteStream(path)
  const start = Date.UTC(2026, 10, 29, 12, 0, 0)
  // Lines arrive at a fixed rate so the file spans about 2 hours whatever its size.
  const expectedLines = Math.max(1000, Math.round(targetBytes / 150))
  const stepMs = (2 * 3_600_000) / expectedLines
  const onsetAt = start + 90 * 60_000
  let ts = start
  let bytes = 0
  let lines = 0
  let block: string[] = []
  let blockBytes = 0
  const push = (text: string) => {
    block.push(text)
    blockBytes += text.length + 1
    lines++
  }
  while (bytes + blockBytes < targetBytes) {
    ts += stepMs
    const incident = ts >= onsetAt
    const time = new Date(ts).toISOString()
    const r = random()
    const id = Math.floor(random() * 1e6)
    if (r < 0.55) {
      const path = PATHS[id % PATHS.length].replace(':id', String(id))
      const failing = incident && path.startsWith('/api/orders') && random() < 0.6
      const status = failing ? 500 : random() < 0.003 ? 503 : random() < 0.02 ? 404 : 200
      const latency = Math.round((incident ? 180 : 40) + random() * 60)
      push(
        `{"time":"${time}","level":"${status >= 500 ? 'error' : 'info'}","msg":"request completed","method":"${id % 3 ? 'GET' : 'POST'}","path":"${path}","status":${status},"duration_ms":${latency},"user_id":"u${id % 5000}","client_ip":"10.0.${id % 256}.${(id >> 8) % 256}","request_id":"req-${id.toString(16)}"}`,
      )
    } else if (r < 0.8) {
      push(`${time} INFO  [worker-${id % 8}] c.s.orders.OrderService - processed order ${id} in ${Math.round(random() * 90)} ms for cart c${id % 997}`)
    } else if (r < 0.9) {
      push(`${time} DEBUG [worker-${id % 8}] c.s.cache.CartCache - cache ${random() < 0.8 ? 'hit' : 'miss'} for key cart:${id}`)
    } else if (r < 0.97) {
      push(`${time} WARN  [worker-${id % 8}] c.s.pool.DbPool - pool usage ${Math.round(50 + random() * 40)}% (${Math.round(random() * 20)} waiting)`)
    } else if (incident && random() < 0.8) {
      push(`${time} ERROR [worker-${id % 8}] c.s.orders.OrderService - insert into orders failed for order ${id}`)
      for (const line of JAVA_TRACE) push(line)
    } else {
      push(`${time} ERROR [worker-${id % 8}] c.s.mail.Mailer - smtp timeout after ${Math.round(random() * 5000)} ms`)
    }
    if (blockBytes >= 4 << 20) {
      const text = `${block.join('\n')}\n`
      bytes += Buffer.byteLength(text)
      if (!out.write(text)) await once(out, 'drain')
      block = []
      blockBytes = 0
    }
  }
  if (block.length > 0) {
    const text = `${block.join('\n')}\n`
    bytes += Buffer.byteLength(text)
    out.write(text)
  }
  out.end()
  await once(out, 'finish')
  return {bytes, lines, onsetAt}
}
