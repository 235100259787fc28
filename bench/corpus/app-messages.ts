import {base62, base64url, email, hex, int, ipv4, letters, phrase, pick, type Random, url, uuid} from './random-values.js'

/**
 * What services of a shop write in their message field, as a catalogue: one entry per event
 * (its id is the true template), with the level it is written at, how often, and how to draw its
 * text. High-cardinality values of every common shape: ids without digits (`ord_auxrrbemqm`),
 * base62 and hex ids, UUIDs, e-mail addresses, URLs, paths, quoted free text and free text at
 * the end of the line. An entry is one log statement of the code: what it fills in from a few
 * words (a carrier, a currency, a failure reason) is a parameter like any other.
 */
export interface AppMessage {
  id: string
  level: 'debug' | 'info' | 'warn' | 'error'
  weight: number
  text: (random: Random) => string
}

export const orderId = (random: Random) => `ord_${letters(random, 10)}`
export const customerId = (random: Random) => `cus_${base62(random, 14)}`
export const userId = (random: Random) => `usr-${letters(random, 4)}${hex(random, 6)}`
const sku = (random: Random) => `SKU-${base62(random, 6).toUpperCase()}`
const ms = (random: Random) => String(1 + int(random, random() < 0.9 ? 300 : 30_000))
const TABLES = ['orders', 'order_items', 'payments', 'customers', 'inventory', 'carts']

const VALIDATION_REASONS = ['missing shipping address', 'card expired', 'quantity exceeds stock', 'currency not supported', 'postal code invalid for country']
const CARRIERS = ['dhl', 'ups', 'fedex', 'royal-mail']
const REFRESH_REASONS = ['refresh token expired', 'client revoked', 'invalid_grant']

export const APP_MESSAGES: readonly AppMessage[] = [
  {id: 'order-invalid', level: 'warn', weight: 10, text: (r) => `Order ${orderId(r)} failed validation: ${pick(r, VALIDATION_REASONS)}`},
  {id: 'order-placed', level: 'info', weight: 20, text: (r) => `Order ${orderId(r)} placed by ${customerId(r)} with ${1 + int(r, 9)} items`},
  {id: 'order-shipped', level: 'info', weight: 12, text: (r) => `Order ${orderId(r)} shipped via ${pick(r, CARRIERS)} tracking ${base62(r, 12).toUpperCase()}`},
  {id: 'search-quoted', level: 'info', weight: 15, text: (r) => `search completed for query "${phrase(r, 1, 5)}" in ${ms(r)} ms, ${int(r, 500)} results`},
  {id: 'search-empty', level: 'info', weight: 4, text: (r) => `no results for ${phrase(r, 1, 4)}`},
  {id: 'payment-authorized', level: 'info', weight: 12, text: (r) => `payment authorized for ${customerId(r)} amount ${int(r, 500)}.${String(int(r, 100)).padStart(2, '0')} ${pick(r, ['EUR', 'USD', 'GBP'])}`},
  {id: 'payment-declined', level: 'error', weight: 1, text: (r) => `payment declined for ${customerId(r)}: card_declined (${pick(r, ['insufficient_funds', 'do_not_honor', 'expired_card'])})`},
  {id: 'signed-in', level: 'info', weight: 8, text: (r) => `user ${userId(r)} signed in from ${ipv4(r)}`},
  {id: 'email-sent', level: 'info', weight: 5, text: (r) => `email sent to ${email(r)} template ${pick(r, ['order_confirmation', 'password_reset', 'shipping_update'])}`},
  {id: 'fetch-asset', level: 'debug', weight: 6, text: (r) => `fetching ${url(r)} took ${ms(r)}ms`},
  {id: 'cache-miss', level: 'debug', weight: 10, text: (r) => `cache miss for key session:${base64url(r, 22)}`},
  {id: 'read-shard', level: 'debug', weight: 3, text: (r) => `reading /var/data/shard-${int(r, 64)}/${hex(r, 16)}.parquet`},
  {id: 'request-done', level: 'info', weight: 10, text: (r) => `request ${uuid(r)} completed with status ${pick(r, ['200', '200', '201', '204', '404'])} in ${ms(r)} ms`},
  {id: 'span-exported', level: 'debug', weight: 4, text: (r) => `trace ${hex(r, 32)} span ${hex(r, 16)} exported`},
  {id: 'stock-reserved', level: 'info', weight: 6, text: (r) => `inventory reserved for ${sku(r)} qty ${1 + int(r, 20)} in warehouse ${pick(r, ['FRA1', 'LON2', 'NYC3', 'SIN1'])}`},
  {id: 'refresh-failed', level: 'warn', weight: 3, text: (r) => `token refresh failed for client cli_${letters(r, 12)}: ${pick(r, REFRESH_REASONS)}`},
  {id: 'slow-query', level: 'warn', weight: 2, text: (r) => `slow query took ${ms(r)} ms: SELECT * FROM ${pick(r, TABLES)} WHERE id = $1`},
  {id: 'pool-exhausted', level: 'error', weight: 1, text: (r) => `connection pool exhausted (${int(r, 50)} waiting), request ${uuid(r)} queued`},
  {id: 'webhook-failed', level: 'error', weight: 1, text: (r) => `webhook delivery to ${url(r)} failed after ${1 + int(r, 5)} attempts: ${pick(r, ['timeout', 'connection refused', '503 Service Unavailable'])}`},
  {id: 'feature-flag', level: 'debug', weight: 3, text: (r) => `flag checkout_v2 evaluated to ${pick(r, ['true', 'false'])} for ${userId(r)}`},
  {id: 'cart-updated', level: 'info', weight: 8, text: (r) => `cart ${base62(r, 20)} updated: ${sku(r)} x${1 + int(r, 5)}`},
  {id: 'config-reloaded', level: 'info', weight: 0.2, text: (r) => `configuration reloaded from /etc/shop/${pick(r, ['checkout', 'payments', 'search'])}.yaml (${int(r, 90)} keys)`},
]

const TOTAL_WEIGHT = APP_MESSAGES.reduce((sum, m) => sum + m.weight, 0)

/** A message drawn by weight. */
export function drawMessage(random: Random): AppMessage {
  let x = random() * TOTAL_WEIGHT
  for (const message of APP_MESSAGES) {
    x -= message.weight
    if (x < 0) return message
  }
  return APP_MESSAGES.at(-1)!
}
