import {drawMessage, customerId, orderId, userId} from './app-messages.js'
import type {CorpusEvent, EventSource} from './corpus-event.js'
import {base62, hex, int, ipv4, phrase, pick, type Random, uuid} from './random-values.js'

/**
 * Application logs in the formats services write: JSON lines with many fields, logfmt, nginx
 * access lines, plain text with multi-line stack traces, and a mix of them in one file. The
 * messages come from the app-messages catalogue; the true template of a line is its message's
 * catalogue id (of an access line: its method and status class, as its message holds nothing else).
 */
const SERVICES = ['checkout', 'payments', 'search', 'catalog', 'accounts']
const ROUTES = ['/api/orders/{order}', '/api/orders', '/api/cart/{cart}', '/api/search', '/api/customers/{customer}/addresses', '/health', '/api/products/{sku}', '/static/app.{hash}.js']
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'shop-ios/5.12.1 (iPhone15,2; iOS 17.4.1)',
  'curl/8.5.0',
  'Go-http-client/2.0',
]
const LEVEL_WORD = {debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR'} as const

function routePath(random: Random): string {
  return pick(random, ROUTES)
    .replace('{order}', orderId(random))
    .replace('{cart}', base62(random, 20))
    .replace('{customer}', customerId(random))
    .replace('{sku}', `SKU-${base62(random, 6).toUpperCase()}`)
    .replace('{hash}', hex(random, 8))
}

const pod = (random: Random, service: string) => `${service}-${hex(random, 9)}-${base62(random, 5).toLowerCase()}`

function status(random: Random, level: string): number {
  if (level === 'error') return pick(random, [500, 502, 503])
  if (level === 'warn') return pick(random, [400, 404, 409, 429])
  return random() < 0.9 ? 200 : pick(random, [201, 204, 304])
}

/** JSON lines with 14–17 fields, ids of every shape, free-text fields, and now and then a long one. */
export const jsonSource: EventSource = (random, ts) => {
  const message = drawMessage(random)
  const service = pick(random, SERVICES)
  const fields: string[] = [
    `"timestamp":"${new Date(ts).toISOString()}"`,
    `"level":"${message.level}"`,
    `"service":"${service}"`,
    `"env":"prod"`,
    `"host":"${pod(random, service)}"`,
    `"trace_id":"${hex(random, 32)}"`,
    `"span_id":"${hex(random, 16)}"`,
    `"request_id":"${uuid(random)}"`,
    `"user_id":"${userId(random)}"`,
    `"method":"${pick(random, ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'])}"`,
    `"path":"${routePath(random)}"`,
    `"status":${status(random, message.level)}`,
    `"duration_ms":${(random() * 400).toFixed(2)}`,
    `"client_ip":"${ipv4(random)}"`,
    `"msg":"${message.text(random).replaceAll('"', String.raw`\"`)}"`,
  ]
  if (random() < 0.3) fields.push(`"query":"${phrase(random, 1, 6)}"`)
  if (random() < 0.2) fields.push(`"user_agent":"${pick(random, AGENTS)}"`)
  if (random() < 0.02) fields.push(`"details":"${phrase(random, 200, 600)}"`)
  return {text: `{${fields.join(',')}}`, truth: message.id}
}

const logfmtValue = (text: string) => (/[\s"=]/.test(text) ? `"${text.replaceAll('"', String.raw`\"`)}"` : text)

export const logfmtSource: EventSource = (random, ts) => {
  const message = drawMessage(random)
  const service = pick(random, SERVICES)
  const pairs = [
    `ts=${new Date(ts).toISOString()}`,
    `level=${message.level}`,
    `service=${service}`,
    `host=${pod(random, service)}`,
    `trace_id=${hex(random, 32)}`,
    `user=${userId(random)}`,
    `msg=${logfmtValue(message.text(random))}`,
    `duration=${(random() * 0.4).toFixed(4)}s`,
  ]
  if (random() < 0.3) pairs.push(`query=${logfmtValue(phrase(random, 1, 5))}`)
  return {text: pairs.join(' '), truth: message.id}
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
function clf(ts: number): string {
  const d = new Date(ts)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
}

export const nginxSource: EventSource = (random, ts) => {
  const method = pick(random, ['GET', 'GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE', 'HEAD'])
  const level = random() < 0.01 ? 'error' : random() < 0.05 ? 'warn' : 'info'
  const code = status(random, level)
  let target = routePath(random)
  if (random() < 0.3) target += `?q=${phrase(random, 1, 4).replaceAll(' ', '+')}&page=${1 + int(random, 20)}`
  const referer = random() < 0.5 ? '-' : `https://shop.example.com/${pick(random, ['', 'cart', 'search', 'p/' + base62(random, 8)])}`
  return {
    text: `${ipv4(random)} - ${random() < 0.1 ? userId(random) : '-'} [${clf(ts)}] "${method} ${target} HTTP/1.1" ${code} ${int(random, 50_000)} "${referer}" "${pick(random, AGENTS)}" rt=${(random() * 0.5).toFixed(3)}`,
    // The status code is a number, a parameter by the usual convention; its class is not.
    truth: `${method} ${code >= 500 ? '5xx' : code >= 400 ? '4xx' : 'ok'}`,
  }
}

const JAVA_FRAMES = [
  'org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2676)',
  'org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:496)',
  'com.zaxxer.hikari.pool.ProxyPreparedStatement.executeUpdate(ProxyPreparedStatement.java:61)',
  'com.shop.orders.OrderRepository.insert(OrderRepository.java:88)',
  'com.shop.orders.OrderService.place(OrderService.java:142)',
  'com.shop.api.OrderController.create(OrderController.java:57)',
  'org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:897)',
  'jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658)',
  'io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:569)',
]
const EXCEPTIONS = [
  'org.postgresql.util.PSQLException: ERROR: null value in column "currency" violates not-null constraint',
  'java.net.SocketTimeoutException: Read timed out',
  'java.lang.IllegalStateException: cart already checked out',
]

function javaTrace(random: Random): string[] {
  const lines = [pick(random, EXCEPTIONS)]
  const depth = 3 + int(random, JAVA_FRAMES.length - 2)
  for (let i = 0; i < depth; i++) lines.push(`\tat ${JAVA_FRAMES[(i + int(random, 2)) % JAVA_FRAMES.length]}`)
  if (random() < 0.5) lines.push(`\t... ${10 + int(random, 60)} more`)
  return lines
}

function pythonTrace(random: Random): string[] {
  return [
    'Traceback (most recent call last):',
    `  File "/app/search/handlers.py", line ${100 + int(random, 50)}, in search`,
    '    results = index.query(q, limit=limit)',
    `  File "/app/search/index.py", line ${200 + int(random, 50)}, in query`,
    '    raise TimeoutError("index shard did not answer")',
    'TimeoutError: index shard did not answer',
  ]
}

function goPanic(random: Random): string[] {
  return [
    'panic: runtime error: invalid memory address or nil pointer dereference',
    '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6b4c2a]',
    '',
    `goroutine ${1 + int(random, 5000)} [running]:`,
    'main.(*Worker).process(0xc0001a2000, 0xc00031e1e0)',
    '\t/src/worker/worker.go:142 +0x2a',
    'main.main()',
    '\t/src/worker/main.go:57 +0x1c5',
  ]
}

const THREADS = ['main', 'http-nio-8080-exec-3', 'worker-1', 'worker-7', 'scheduler-2', 'kafka-consumer-0']
const LOGGERS = ['c.s.orders.OrderService', 'c.s.payments.PaymentClient', 'c.s.search.SearchHandler', 'c.s.cart.CartCache', 'c.s.mail.Mailer']

/** Plain-text application lines (timestamp, level, thread, logger, message); 4 % of events end in a stack trace. */
export const tracesSource: EventSource = (random, ts) => {
  const message = drawMessage(random)
  // One class logs one message: the logger follows the message.
  const head = `${new Date(ts).toISOString()} ${LEVEL_WORD[message.level].padEnd(5)} [${pick(random, THREADS)}] ${LOGGERS[message.id.length % LOGGERS.length]} - `
  if (random() < 0.04) {
    const kind = int(random, 3)
    const trace = kind === 0 ? javaTrace(random) : kind === 1 ? pythonTrace(random) : goPanic(random)
    const truth = ['insert-failed', 'search-failed', 'worker-panic'][kind]
    const first = kind === 0 ? `insert into orders failed for order ${orderId(random)}` : kind === 1 ? `search request ${uuid(random)} failed` : `worker crashed while processing batch ${hex(random, 12)}`
    return {text: [`${new Date(ts).toISOString()} ERROR [${pick(random, THREADS)}] ${LOGGERS[kind]} - ${first}`, ...trace].join('\n'), truth}
  }
  return {text: head + message.text(random), truth: message.id}
}

/** Like the external mix the issue measured: JSON requests, plain text with traces, nginx lines in one file. */
export const mixSource: EventSource = (random, ts): CorpusEvent => {
  const r = random()
  // One message written as JSON and as text is two templates: the formats differ.
  const [source, format] = r < 0.45 ? [jsonSource, 'json'] : r < 0.75 ? [tracesSource, 'text'] : [nginxSource, 'access']
  const event = source(random, ts)
  return {text: event.text, truth: `${format} ${event.truth}`}
}
