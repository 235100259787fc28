import {LogStore, type StoreTemplate} from './log-store.js'

/**
 * The checkout service's logs as a log store holds them: steady traffic with a little background
 * noise, then, from the onset, refunds failing with a TypeError thrown in src/payments/refund.ts
 * (a template never seen before) while everything else carries on. The same store backs the fake
 * Loki, the fake Elasticsearch and the equivalent log file.
 */
export const CHECKOUT_ONSET = Date.parse('2026-11-20T12:00:00Z')

export const REFUND_STACK = [
  "TypeError: Cannot read properties of undefined (reading 'amount')",
  '    at /srv/app/src/payments/refund.ts:7:68',
  '    at Array.reduce (<anonymous>)',
  '    at refund (/srv/app/src/payments/refund.ts:7:30)',
  '    at async /srv/app/src/payments/routes.ts:31:5',
].join('\n')

const ROUTES = ['/api/products', '/api/search', '/api/orders/:id', '/api/cart']

export const CHECKOUT_TEMPLATES: readonly StoreTemplate[] = [
  {
    id: 'request-completed',
    level: 'info',
    share: {before: 80, after: 70},
    render: (rng) => {
      const route = rng.pick(ROUTES)
      return {message: 'request completed', fields: {method: 'GET', route, path: route.replace(':id', String(rng.int(100000, 199999))), status: 200, duration_ms: rng.latency(40), request_id: rng.hex(16)}}
    },
  },
  {id: 'cache-refreshed', level: 'info', share: {before: 5, after: 5}, render: (rng) => ({message: `catalogue cache refreshed in ${rng.int(20, 90)} ms`})},
  {id: 'slow-query', level: 'warn', share: {before: 1, after: 1}, render: (rng) => ({message: 'slow query', fields: {duration_ms: rng.int(1100, 1900), table: 'orders'}})},
  {
    id: 'inventory-timeout',
    level: 'error',
    share: {before: 0.3, after: 0.3},
    errorType: 'UpstreamTimeoutError',
    render: (rng) => ({message: `upstream timeout calling inventory after ${rng.int(2000, 2100)} ms`, fields: {upstream: 'inventory'}}),
  },
  {
    id: 'refund-failed',
    level: 'error',
    share: {before: 0, after: 15},
    errorType: 'TypeError',
    render: (rng) => ({
      message: 'refund failed',
      fields: {method: 'POST', route: '/api/orders/:id/refunds', path: `/api/orders/${rng.int(100000, 199999)}/refunds`, status: 500, request_id: rng.hex(16), stack: REFUND_STACK},
    }),
  },
]

/** The store over [onset − before, onset + after), at `linesPerMinute`. */
export function checkoutStore(linesPerMinute: number, options: {beforeMs?: number; afterMs?: number; seed?: number} = {}): LogStore {
  return new LogStore({
    seed: options.seed ?? 42,
    from: CHECKOUT_ONSET - (options.beforeMs ?? 3 * 3_600_000),
    to: CHECKOUT_ONSET + (options.afterMs ?? 3_600_000),
    onset: CHECKOUT_ONSET,
    linesPerMinute,
    service: 'checkout-api',
    namespace: 'shop',
    pods: ['checkout-api-7d9f8-x2x9z', 'checkout-api-7d9f8-k8w2p', 'checkout-api-7d9f8-m4n7q'],
    templates: CHECKOUT_TEMPLATES,
  })
}
