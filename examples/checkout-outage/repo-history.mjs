// The example service's history: what changed, when, in which files. Onset is 2026-11-12T14:02:00Z.
// Culprit: the NOT NULL migration at 13:54. Decoys: docs at 13:42, search config at 13:02,
// pg bump at 11:02. After onset: a hotfix attempt at 14:12 and the mitigating migration at 14:26.

const packageJson = (pgVersion) => `{
  "name": "shop-checkout-api",
  "version": "2.14.0",
  "private": true,
  "type": "module",
  "scripts": {
    "start": "node dist/server.js",
    "build": "tsc -p tsconfig.json",
    "migrate": "node dist/db/migrate.js",
    "test": "vitest run"
  },
  "dependencies": {
    "express": "4.21.1",
    "knex": "3.1.0",
    "pg": "${pgVersion}",
    "pino": "9.5.0",
    "undici": "6.21.0",
    "zod": "3.23.8"
  },
  "devDependencies": {
    "typescript": "5.6.3",
    "vitest": "2.1.5"
  }
}
`

const lockfile = (pgVersion, pgProtocol) => `{
  "name": "shop-checkout-api",
  "version": "2.14.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "node_modules/pg": {
      "version": "${pgVersion}",
      "resolved": "https://registry.npmjs.org/pg/-/pg-${pgVersion}.tgz",
      "dependencies": {"pg-connection-string": "^2.6.4", "pg-pool": "^3.6.2", "pg-protocol": "^${pgProtocol}"}
    },
    "node_modules/pg-protocol": {
      "version": "${pgProtocol}",
      "resolved": "https://registry.npmjs.org/pg-protocol/-/pg-protocol-${pgProtocol}.tgz"
    },
    "node_modules/knex": {
      "version": "3.1.0",
      "resolved": "https://registry.npmjs.org/knex/-/knex-3.1.0.tgz"
    }
  }
}
`

const createOrderLegacy = (withRetry) => `// Order creation for the legacy /api/checkout route (mobile app <= 5.x).
// Kept until the apps move to /api/v2/checkout.
import type {Knex} from 'knex'
import {logger} from '../observability/logger.js'
${withRetry ? "import {retryTransient} from '../db/retry.js'\n" : ''}
export interface LegacyCart {
  userId: string
  items: Array<{sku: string; quantity: number; unitPriceCents: number}>
  couponCode?: string
}

export interface CreatedOrder {
  id: number
  totalCents: number
}

function totalOf(cart: LegacyCart): number {
  return cart.items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0)
}

function validate(cart: LegacyCart): void {
  if (cart.items.length === 0) throw new Error('cart is empty')
  for (const item of cart.items) {
    if (item.quantity <= 0) throw new Error(\`invalid quantity for \${item.sku}\`)
  }
}

async function reserveStock(db: Knex, cart: LegacyCart): Promise<void> {
  for (const item of cart.items) {
    await db('stock').where({sku: item.sku}).decrement('available', item.quantity)
  }
}

export async function createOrder(db: Knex, cart: LegacyCart): Promise<CreatedOrder> {
  validate(cart)
  const totalCents = totalOf(cart)
  return db.transaction(async (trx) => {
    await reserveStock(trx, cart)
    // The legacy payload has no currency: these orders were always USD.
    const [row] = await ${withRetry ? 'retryTransient(() => ' : ''}trx('orders')
          .insert({user_id: cart.userId, total_cents: totalCents, created_at: new Date()})
          .returning('id')${withRetry ? ')' : ''}
    logger.info({orderId: row.id, totalCents}, 'order created')
    return {id: row.id, totalCents}
  })
}
`

const createOrderV2 = `// Order creation for /api/v2/checkout: the payload carries the currency.
import type {Knex} from 'knex'
import {z} from 'zod'

export const CartV2 = z.object({
  userId: z.string(),
  currency: z.enum(['USD', 'EUR', 'GBP']),
  items: z.array(z.object({sku: z.string(), quantity: z.number().int().positive(), unitPriceCents: z.number().int()})).min(1),
})
export type CartV2 = z.infer<typeof CartV2>

export async function createOrderV2(db: Knex, cart: CartV2): Promise<{id: number; totalCents: number}> {
  const totalCents = cart.items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0)
  const [row] = await db('orders')
    .insert({user_id: cart.userId, total_cents: totalCents, currency: cart.currency, created_at: new Date()})
    .returning('id')
  return {id: row.id, totalCents}
}
`

const routes = (withV2) => `import {Router} from 'express'
import {db} from '../db/connection.js'
import {createOrder} from './create-order.js'
${withV2 ? "import {CartV2, createOrderV2} from './create-order-v2.js'\n" : ''}
export const checkoutRoutes = Router()

checkoutRoutes.post('/api/checkout', async (req, res, next) => {
  try {
    res.status(201).json(await createOrder(db, req.body))
  } catch (error) {
    next(error)
  }
})
${
  withV2
    ? `
checkoutRoutes.post('/api/v2/checkout', async (req, res, next) => {
  try {
    res.status(201).json(await createOrderV2(db, CartV2.parse(req.body)))
  } catch (error) {
    next(error)
  }
})
`
    : ''
}`

const charge = (withIdempotency) => `import {request} from 'undici'
import {config} from '../config.js'

export interface ChargeRequest {
  orderId: number
  amountCents: number
  currency: string
  paymentMethodId: string
}

export async function charge(req: ChargeRequest): Promise<{chargeId: string}> {
  const response = await request(\`\${config.payments.baseUrl}/v1/charges\`, {
    method: 'POST',
    headers: {
      authorization: \`Bearer \${config.payments.apiKey}\`,
      'content-type': 'application/json',${withIdempotency ? "\n      'idempotency-key': `order-${req.orderId}`," : ''}
    },
    body: JSON.stringify(req),
    headersTimeout: 5000,
  })
  if (response.statusCode >= 400) throw new Error(\`payment provider answered \${response.statusCode}\`)
  return (await response.body.json()) as {chargeId: string}
}
`

const providerClient = (withLatencyLog) => `import {performance} from 'node:perf_hooks'
import {logger} from '../observability/logger.js'
import {charge, type ChargeRequest} from './charge.js'

export async function authorize(req: ChargeRequest): Promise<{chargeId: string}> {
  const started = performance.now()
  try {
    return await charge(req)
  } finally {${withLatencyLog ? "\n    logger.info({provider: 'payprovider', durationMs: Math.round(performance.now() - started)}, 'provider call')" : '\n    void started'}
  }
}
`

const refund = `import {request} from 'undici'
import {config} from '../config.js'

export async function refund(chargeId: string, amountCents: number): Promise<void> {
  const response = await request(\`\${config.payments.baseUrl}/v1/charges/\${chargeId}/refunds\`, {
    method: 'POST',
    headers: {authorization: \`Bearer \${config.payments.apiKey}\`, 'content-type': 'application/json'},
    body: JSON.stringify({amountCents}),
  })
  if (response.statusCode >= 400) throw new Error(\`refund failed with \${response.statusCode}\`)
}
`

const rank = (titleWeight) => `// Product search ranking: a weighted sum of text match, popularity and stock.
export interface Candidate {
  titleScore: number
  descriptionScore: number
  popularity: number
  inStock: boolean
}

const WEIGHTS = {title: ${titleWeight}, description: 0.8, popularity: 0.5, inStock: 0.3}

export function rank(candidates: Candidate[]): Candidate[] {
  const score = (c: Candidate) =>
    WEIGHTS.title * c.titleScore +
    WEIGHTS.description * c.descriptionScore +
    WEIGHTS.popularity * Math.log1p(c.popularity) +
    (c.inStock ? WEIGHTS.inStock : 0)
  return [...candidates].sort((a, b) => score(b) - score(a))
}
`

const searchYaml = (ttl) => `# Search service settings (storefront product search)
search:
  index: products-v7
  cache:
    enabled: true
    ttl_seconds: ${ttl}
    max_entries: 50000
  results_per_page: 24
`

const databaseYaml = `database:
  host: db.internal
  port: 5432
  name: shop
  user: checkout
  pool:
    min: 2
    max: 20
    idle_timeout_ms: 30000
  statement_timeout_ms: 5000
`

const paymentsYaml = `payments:
  provider: payprovider
  base_url: https://api.payprovider.example
  timeout_ms: 5000
  retries: 1
`

const retry = `// Retries an operation that failed with a transient database error (serialization, deadlock).
const TRANSIENT = new Set(['40001', '40P01'])

export async function retryTransient<T>(operation: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation()
    } catch (error) {
      const code = (error as {code?: string}).code
      if (attempt >= attempts || !code || !TRANSIENT.has(code)) throw error
    }
  }
}
`

const CODEOWNERS = `# Ownership of the shop checkout service
*                      @shop/platform-team
/src/checkout/         @shop/checkout-team
/src/payments/         @shop/payments-team
/src/search/           @shop/checkout-team
/migrations/           @shop/platform-team @shop/checkout-team
/config/payments.yaml  @shop/payments-team
/docs/                 @shop/checkout-team
`

const checkoutDocs = (extra) => `# Checkout

Two routes create orders:

- \`POST /api/checkout\` — legacy payload, used by the mobile apps up to 5.x. Orders are USD.
- \`POST /api/v2/checkout\` — carries \`currency\`; web and mobile 6.x.
${extra}`

export const COMMITS = [
  {
    date: '2026-11-10T09:12:00Z',
    subject: 'Import shop checkout service',
    files: {
      'package.json': packageJson('8.11.3'),
      'package-lock.json': lockfile('8.11.3', '1.6.1'),
      CODEOWNERS,
      'README.md': '# shop-checkout-api\n\nCheckout, payments and product search for the shop.\n',
      'config/database.yaml': databaseYaml,
      'config/payments.yaml': paymentsYaml,
      'config/search.yaml': searchYaml(300),
      'src/checkout/create-order.ts': createOrderLegacy(false),
      'src/checkout/routes.ts': routes(false),
      'src/payments/charge.ts': charge(false),
      'src/payments/provider-client.ts': providerClient(false),
      'src/payments/refund.ts': refund,
      'src/search/rank.ts': rank(2.0),
      'migrations/20260901_0900_create_orders.sql':
        'CREATE TABLE orders (\n  id bigserial PRIMARY KEY,\n  user_id text NOT NULL,\n  total_cents integer NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now()\n);\n',
      'docs/checkout.md': checkoutDocs(''),
    },
  },
  {
    date: '2026-11-10T11:40:00Z',
    subject: 'payments: send an idempotency key with charge requests',
    files: {'src/payments/charge.ts': charge(true)},
  },
  {
    date: '2026-11-10T15:05:00Z',
    subject: 'checkout: add /api/v2/checkout with an explicit currency',
    files: {'src/checkout/create-order-v2.ts': createOrderV2, 'src/checkout/routes.ts': routes(true)},
  },
  {
    date: '2026-11-10T16:30:00Z',
    subject: 'migrations: add nullable orders.currency',
    files: {'migrations/20261110_1620_orders_add_currency.sql': 'ALTER TABLE orders ADD COLUMN currency char(3);\n'},
  },
  {
    date: '2026-11-11T10:02:00Z',
    subject: 'migrations: backfill orders.currency with USD',
    body: 'All orders before the v2 route were USD.',
    files: {
      'migrations/20261111_0950_orders_backfill_currency.sql':
        "UPDATE orders SET currency = 'USD' WHERE currency IS NULL;\n",
    },
  },
  {
    date: '2026-11-11T14:20:00Z',
    subject: 'payments: log provider call latency',
    files: {'src/payments/provider-client.ts': providerClient(true)},
  },
  {
    date: '2026-11-11T17:45:00Z',
    subject: 'docs: runbook for payment provider timeouts',
    files: {
      'docs/runbooks/payment-provider-timeouts.md':
        '# Payment provider timeouts\n\nA few timeouts an hour are normal. Page @shop/payments-team when more than 2% of\ncharges time out for 5 minutes, and check the provider status page first.\n',
    },
  },
  {
    date: '2026-11-12T08:30:00Z',
    subject: 'search: weigh title matches higher in ranking',
    files: {'src/search/rank.ts': rank(2.5)},
  },
  {
    date: '2026-11-12T11:02:00Z',
    subject: 'chore(deps): bump pg from 8.11.3 to 8.12.0',
    files: {'package.json': packageJson('8.12.0'), 'package-lock.json': lockfile('8.12.0', '1.6.1')},
  },
  {
    date: '2026-11-12T13:02:00Z',
    subject: 'config: raise search cache TTL to 10 minutes',
    files: {'config/search.yaml': searchYaml(600)},
  },
  {
    date: '2026-11-12T13:42:00Z',
    subject: 'docs: describe the currency rollout in the checkout guide',
    files: {
      'docs/checkout.md': checkoutDocs(
        '\n## Currency rollout\n\nOrders carry a currency since 2026-11-10. The column is backfilled; the legacy route\nwill be retired once mobile 5.x traffic is below 1%.\n',
      ),
    },
  },
  {
    date: '2026-11-12T13:54:00Z',
    subject: 'migrations: make orders.currency NOT NULL',
    body: 'The column is backfilled, so every order now has a currency.',
    files: {
      'migrations/20261112_1350_orders_currency_not_null.sql': 'ALTER TABLE orders ALTER COLUMN currency SET NOT NULL;\n',
    },
  },
  {
    date: '2026-11-12T14:12:00Z',
    subject: 'checkout: retry order insert on transient database errors',
    files: {'src/db/retry.ts': retry, 'src/checkout/create-order.ts': createOrderLegacy(true)},
  },
  {
    date: '2026-11-12T14:26:00Z',
    subject: 'migrations: drop NOT NULL on orders.currency again',
    body: 'Mitigation: the legacy checkout route inserts orders without a currency.',
    files: {
      'migrations/20261112_1425_orders_currency_drop_not_null.sql':
        'ALTER TABLE orders ALTER COLUMN currency DROP NOT NULL;\n',
    },
  },
]
