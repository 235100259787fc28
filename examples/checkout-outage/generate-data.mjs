#!/usr/bin/env node
// Regenerates the example's committed evidence: logs/app.log.gz, logs/access.log.gz, metrics.csv and
// deploys.jsonl. Deterministic (seeded PRNG, fixed clock), so a rerun gives identical files.
// Only needed when the story changes; the demo reads the committed output.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {gzipSync} from 'node:zlib'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {buildRepo} from './build-repo.mjs'

const here = dirname(fileURLToPath(import.meta.url))

const WINDOW_START = Date.parse('2026-11-12T13:00:00Z')
const WINDOW_END = Date.parse('2026-11-12T14:40:00Z')
const ONSET = Date.parse('2026-11-12T14:02:00Z') // NOT NULL migration takes effect
const HOTFIX_RESTART = Date.parse('2026-11-12T14:16:20Z')
const MITIGATED = Date.parse('2026-11-12T14:30:40Z') // DROP NOT NULL migration applied
const REQUESTS_PER_MINUTE = 150

function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = mulberry32(20261112)
const pick = (items) => items[Math.floor(random() * items.length)]
const int = (min, max) => min + Math.floor(random() * (max - min + 1))
const hex = (n) => Array.from({length: n}, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('')
/** Log-normal latency around a median, in ms. */
const latency = (median, spread = 0.45) => {
  const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  return Math.max(1, Math.round(median * Math.exp(spread * gaussian)))
}

const ROUTES = [
  {weight: 30, method: 'GET', path: () => `/api/products?page=${int(1, 12)}`, route: 'GET /api/products', median: 24, bytes: [4800, 9800]},
  {weight: 18, method: 'GET', path: () => `/api/products/${int(1000, 9999)}`, route: 'GET /api/products/:id', median: 18, bytes: [1200, 2600]},
  {weight: 14, method: 'GET', path: () => `/api/search?q=${pick(['shoes', 'jacket', 'lamp', 'mug', 'desk', 'socks', 'backpack'])}`, route: 'GET /api/search', median: 55, bytes: [3000, 8000]},
  {weight: 10, method: 'GET', path: () => '/api/cart', route: 'GET /api/cart', median: 12, bytes: [300, 1400]},
  {weight: 8, method: 'POST', path: () => '/api/cart/items', route: 'POST /api/cart/items', median: 20, bytes: [200, 400]},
  {weight: 12, method: 'POST', path: () => '/api/checkout', route: 'POST /api/checkout', median: 330, bytes: [90, 140], checkout: 'legacy'},
  {weight: 8, method: 'POST', path: () => '/api/v2/checkout', route: 'POST /api/v2/checkout', median: 340, bytes: [90, 140], checkout: 'v2'},
]
const TOTAL_WEIGHT = ROUTES.reduce((sum, r) => sum + r.weight, 0)
const pickRoute = () => {
  let roll = random() * TOTAL_WEIGHT
  for (const route of ROUTES) if ((roll -= route.weight) < 0) return route
  return ROUTES[0]
}

const LEGACY_AGENTS = ['ShopApp/5.4.1 (iOS 17.5; iPhone14,2)', 'ShopApp/5.3.0 (Android 14; Pixel 7)', 'ShopApp/5.4.1 (Android 13; SM-G991B)']
const MODERN_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
  'ShopApp/6.1.0 (iOS 18.1; iPhone15,3)',
]
const clientIp = () => `${pick(['203.0.113', '198.51.100', '192.0.2'])}.${int(2, 254)}`
const iso = (ms) => new Date(ms).toISOString()
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const nginxTime = (ms) => {
  const d = new Date(ms)
  const p = (n) => String(n).padStart(2, '0')
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
}

const NOT_NULL_MESSAGE = 'null value in column "currency" of relation "orders" violates not-null constraint'
const insertSql = 'insert into "orders" ("created_at", "total_cents", "user_id") values ($1, $2, $3) returning "id"'
const notNullStack = (hotfixed) =>
  [
    `error: ${NOT_NULL_MESSAGE}`,
    '    at Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:283:98)',
    '    at Parser.handlePacket (/app/node_modules/pg-protocol/dist/parser.js:122:29)',
    '    at Parser.parse (/app/node_modules/pg-protocol/dist/parser.js:35:38)',
    '    at Socket.<anonymous> (/app/node_modules/pg-protocol/dist/index.js:11:42)',
    ...(hotfixed ? ['    at retryTransient (/app/src/db/retry.ts:7:20)'] : []),
    `    at createOrder (/app/src/checkout/create-order.ts:${hotfixed ? 41 : 40}:23)`,
    '    at async /app/node_modules/knex/lib/execution/transaction.js:221:24',
    '    at async /app/src/checkout/routes.ts:10:32',
  ].join('\n')

const appLines = [] // [ms, line]
const accessLines = []
const minuteStats = new Map() // minute start → {total, errors, durations}
const app = (ms, fields) => appLines.push([ms, JSON.stringify({time: iso(ms), ...fields})])

function record(ms, status, duration) {
  const minute = ms - (ms % 60_000)
  const stats = minuteStats.get(minute) ?? {total: 0, errors: 0, durations: []}
  stats.total++
  if (status >= 500) stats.errors++
  stats.durations.push(duration)
  minuteStats.set(minute, stats)
}

function request(ms) {
  const route = pickRoute()
  const requestId = `req-${hex(12)}`
  const userId = random() < 0.7 || route.checkout ? `u-${int(10000, 99999)}` : undefined
  const failing = route.checkout === 'legacy' && ms >= ONSET && ms < MITIGATED
  let status = route.method === 'POST' ? 201 : 200
  let duration = failing ? latency(28, 0.3) : latency(route.median)
  const base = {level: 'info', service: 'checkout-api', request_id: requestId, ...(userId ? {user_id: userId} : {})}

  if (route.checkout && !failing) {
    const providerMs = Math.min(latency(240, 0.35), 4900)
    // The background noise every shop has: now and then the payment provider times out.
    if (random() < 0.009) {
      status = 502
      duration = 5000 + int(5, 60)
      app(ms + duration - 2, {
        ...base,
        level: 'error',
        msg: 'payment authorization failed',
        provider: 'payprovider',
        err: 'HeadersTimeoutError: Headers Timeout Error',
        code: 'UND_ERR_HEADERS_TIMEOUT',
        host: 'api.payprovider.example',
      })
    } else {
      app(ms + duration - providerMs - 5, {...base, msg: 'order created', route: route.route, order_id: int(880000, 899999), total_cents: int(900, 25000)})
      app(ms + duration - 3, {...base, msg: 'provider call', provider: 'payprovider', duration_ms: providerMs})
    }
  }
  if (failing) {
    status = 500
    app(ms + duration - 1, {
      ...base,
      level: 'error',
      msg: `${insertSql} - ${NOT_NULL_MESSAGE}`,
      route: route.route,
      code: '23502',
      table: 'orders',
      column: 'currency',
      stack: notNullStack(ms >= HOTFIX_RESTART),
    })
  }
  app(ms + duration, {...base, ...(status >= 500 ? {level: 'error'} : {}), msg: 'request completed', route: route.route, status, duration_ms: duration})
  record(ms + duration, status, duration)

  const agent = route.checkout === 'legacy' ? pick(LEGACY_AGENTS) : pick([...MODERN_AGENTS, ...LEGACY_AGENTS])
  const bytes = status >= 500 ? int(60, 90) : int(route.bytes[0], route.bytes[1])
  accessLines.push([
    ms + duration,
    `${clientIp()} - - [${nginxTime(ms + duration)}] "${route.method} ${route.path()} HTTP/1.1" ${status} ${bytes} "-" "${agent}" ${(duration / 1000).toFixed(3)}`,
  ])
}

// Requests, spread evenly with jitter so every minute has about REQUESTS_PER_MINUTE.
for (let ms = WINDOW_START; ms < WINDOW_END; ms += 60_000 / REQUESTS_PER_MINUTE) request(Math.round(ms + random() * 300))

// Load balancer health checks every 10 s.
for (let ms = WINDOW_START + 4000; ms < WINDOW_END; ms += 10_000) {
  const duration = latency(2, 0.3)
  accessLines.push([ms, `10.0.0.5 - - [${nginxTime(ms)}] "GET /healthz HTTP/1.1" 200 15 "-" "kube-probe/1.30" ${(duration / 1000).toFixed(3)}`])
}

// Periodic background lines.
for (let ms = WINDOW_START + 15_000; ms < WINDOW_END; ms += 30_000) {
  const total = int(16, 22)
  app(ms, {level: 'info', service: 'checkout-api', msg: 'db pool stats', pool_total: total, pool_idle: int(2, total - 8), pool_waiting: 0})
}
for (let ms = WINDOW_START + 120_000; ms < WINDOW_END; ms += 300_000) {
  app(ms, {level: 'info', service: 'checkout-api', msg: 'search cache refreshed', entries: int(31000, 36000), duration_ms: latency(800)})
}
for (let ms = WINDOW_START + 40_000; ms < WINDOW_END; ms += 240_000) {
  app(ms, {level: 'warn', service: 'checkout-api', msg: 'slow query', duration_ms: int(1200, 2400), query: 'select * from "products" where "category_id" = $1 order by "popularity" desc limit $2'})
}

// Seeded secrets in healthy baseline lines: redaction must scrub every one of them.
app(Date.parse('2026-11-12T13:09:12.412Z'), {level: 'info', service: 'checkout-api', msg: 'uploading invoice batch to s3', bucket: 'shop-invoices-prod', aws_access_key_id: 'AKIAQ3EXAMPLE7KD2MZX', objects: 212})
app(Date.parse('2026-11-12T13:17:48.031Z'), {level: 'warn', service: 'checkout-api', msg: 'database connection lost, reconnecting to postgres://checkout:Sup3r-S3cret-pw@db.internal:5432/shop', attempt: 1})
app(Date.parse('2026-11-12T13:17:48.902Z'), {level: 'info', service: 'checkout-api', msg: 'database connection re-established', host: 'db.internal'})
app(Date.parse('2026-11-12T13:26:05.550Z'), {level: 'warn', service: 'checkout-api', msg: 'payment provider webhook rejected', header: 'Authorization: Bearer sk_live_51HxExampleT0kenVaLue9aB3cD4eF5gH6', reason: 'signature mismatch'})
app(Date.parse('2026-11-12T13:33:40.118Z'), {level: 'info', service: 'checkout-api', msg: 'password reset requested', user_id: 'u-48213', email: 'maria.schmidt@example.org'})
app(Date.parse('2026-11-12T13:51:02.700Z'), {level: 'info', service: 'checkout-api', msg: 'order receipt sent to jon.doe+shop@example.com', order_id: 884112})

// Restarts: the hotfix deploy (14:16) and the mitigation deploy (14:30).
for (const restart of [HOTFIX_RESTART - 20_000, Date.parse('2026-11-12T14:30:10Z')]) {
  app(restart, {level: 'info', service: 'checkout-api', msg: 'received SIGTERM, draining connections'})
  app(restart + 1800, {level: 'info', service: 'checkout-api', msg: 'server listening', port: 8080, version: restart < MITIGATED - 60_000 ? '2.14.2' : '2.14.3'})
  app(restart + 2100, {level: 'info', service: 'checkout-api', msg: 'connected to database', host: 'db.internal', pool_max: 20})
}
app(Date.parse('2026-11-12T14:30:40Z'), {level: 'info', service: 'checkout-api', msg: 'migration applied', migration: '20261112_1425_orders_currency_drop_not_null'})

const byTime = (a, b) => a[0] - b[0]
appLines.sort(byTime)
accessLines.sort(byTime)
// Gzipped (as rotated production logs usually are) to keep the repository small; zcat to read them.
writeFileSync(join(here, 'logs', 'app.log.gz'), gzipSync(appLines.map(([, line]) => line).join('\n') + '\n', {level: 9}))
writeFileSync(join(here, 'logs', 'access.log.gz'), gzipSync(accessLines.map(([, line]) => line).join('\n') + '\n', {level: 9}))

// One metrics row per minute; the 5xx rate is the fraction of responses with status >= 500.
const metricRows = ['timestamp,http_5xx_rate,p95_latency_ms,db_connections,db_max_connections,cpu_percent']
for (let minute = WINDOW_START; minute <= WINDOW_END; minute += 60_000) {
  const stats = minuteStats.get(minute) ?? {total: 1, errors: 0, durations: [0]}
  const sorted = [...stats.durations].sort((a, b) => a - b)
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]
  const rate = (stats.errors / stats.total).toFixed(4)
  metricRows.push([iso(minute), rate, p95, int(17, 23), 100, (31 + random() * 8).toFixed(1)].join(','))
}
writeFileSync(join(here, 'metrics.csv'), metricRows.join('\n') + '\n')

// Deploy events cite the shas of the (deterministic) example history.
const scratch = mkdtempSync(join(tmpdir(), 'checkout-outage-'))
const shas = buildRepo(join(scratch, 'repo'))
rmSync(scratch, {recursive: true, force: true})
const sha = (subject) => {
  if (!shas[subject]) throw new Error(`no commit with subject ${subject}`)
  return shas[subject]
}
const deploys = [
  {time: '2026-11-11T10:20:00Z', service: 'checkout-api', version: '2.13.4', sha: sha('migrations: backfill orders.currency with USD'), kind: 'deploy', description: 'Deploy 2.13.4 with the orders.currency backfill migration'},
  {time: '2026-11-11T14:35:00Z', service: 'checkout-api', version: '2.13.5', sha: sha('payments: log provider call latency'), kind: 'deploy', description: 'Deploy 2.13.5'},
  {time: '2026-11-12T09:15:00Z', service: 'storefront', version: null, sha: null, kind: 'feature-flag', description: 'Flag search-autocomplete-v2 enabled for 25% of web sessions'},
  {time: '2026-11-12T11:20:00Z', service: 'checkout-api', version: '2.14.0', sha: sha('chore(deps): bump pg from 8.11.3 to 8.12.0'), kind: 'deploy', description: 'Deploy 2.14.0 (pg 8.12.0, search ranking weights)'},
  {time: '2026-11-12T13:05:00Z', service: 'search', version: null, sha: sha('config: raise search cache TTL to 10 minutes'), kind: 'config', description: 'Search cache TTL raised to 600 s'},
  {time: '2026-11-12T13:58:00Z', service: 'checkout-api', version: '2.14.1', sha: sha('migrations: make orders.currency NOT NULL'), kind: 'deploy', description: 'Deploy 2.14.1 with migration 20261112_1350_orders_currency_not_null'},
  {time: '2026-11-12T14:16:00Z', service: 'checkout-api', version: '2.14.2', sha: sha('checkout: retry order insert on transient database errors'), kind: 'deploy', description: 'Hotfix 2.14.2: retry order insert'},
  {time: '2026-11-12T14:30:00Z', service: 'checkout-api', version: '2.14.3', sha: sha('migrations: drop NOT NULL on orders.currency again'), kind: 'deploy', description: 'Deploy 2.14.3 with migration 20261112_1425_orders_currency_drop_not_null'},
]
writeFileSync(join(here, 'deploys.jsonl'), deploys.map((d) => JSON.stringify(d)).join('\n') + '\n')

console.log(`generate-data: ${appLines.length} app lines, ${accessLines.length} access lines, ${metricRows.length - 1} metric rows`)
