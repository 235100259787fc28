/**
 * Seeded random values of the shapes real logs carry: hex and base62 ids, UUIDs, ids made of
 * letters only (`ord_auxrrbemqm`), e-mail addresses, URLs, free text. Deterministic per seed, so a
 * corpus is the same file every time it is generated.
 */
export type Random = () => number

/** xorshift32: fast, and good enough for test data. */
export function seeded(seed: number): Random {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state / 2 ** 32
  }
}

const HEX = '0123456789abcdef'
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const BASE64URL = `${BASE62}-_`
const LOWER = 'abcdefghijklmnopqrstuvwxyz'

export const int = (random: Random, below: number): number => Math.floor(random() * below)
export const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)]

function drawn(random: Random, alphabet: string, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[int(random, alphabet.length)]
  return out
}

export const hex = (random: Random, length: number): string => drawn(random, HEX, length)
export const base62 = (random: Random, length: number): string => drawn(random, BASE62, length)
export const base64url = (random: Random, length: number): string => drawn(random, BASE64URL, length)
export const letters = (random: Random, length: number): string => drawn(random, LOWER, length)
export const uuid = (random: Random): string => `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${pick(random, ['8', '9', 'a', 'b'])}${hex(random, 3)}-${hex(random, 12)}`
export const ipv4 = (random: Random): string => `${pick(random, ['10', '172', '192', '81', '203'])}.${int(random, 256)}.${int(random, 256)}.${1 + int(random, 254)}`

/** Words for free text: search queries, product names, reasons. Common and rare ones, as in real queries. */
export const WORDS = (
  'red blue green black white running shoes shirt jacket winter summer kids women men sale cheap best ' +
  'wireless headphones laptop stand usb cable charger phone case coffee maker grinder espresso beans ' +
  'organic tea green vegan protein bar garden hose chair desk lamp led bulb smart watch band yoga mat ' +
  'hiking boots waterproof tent sleeping bag camping stove gift card birthday present toy lego puzzle ' +
  'book novel cookbook history science fiction kindle paperback vintage leather wallet belt sunglasses ' +
  'how to fix leaking tap near me open now delivery free shipping return policy size chart discount code'
).split(' ')

export function phrase(random: Random, min: number, max: number): string {
  const n = min + int(random, max - min + 1)
  const words: string[] = []
  for (let i = 0; i < n; i++) words.push(pick(random, WORDS))
  return words.join(' ')
}

const FIRST = ['jane', 'john', 'ana', 'li', 'omar', 'sofia', 'ivan', 'mia', 'noah', 'emma', 'yuki', 'lucas']
const LAST = ['doe', 'smith', 'garcia', 'wang', 'khan', 'rossi', 'petrov', 'muller', 'silva', 'kim']
const DOMAINS = ['example.com', 'mail.example.org', 'shop.test', 'corp.example.net']

export const email = (random: Random): string => `${pick(random, FIRST)}.${pick(random, LAST)}${random() < 0.3 ? int(random, 100) : ''}@${pick(random, DOMAINS)}`
export const url = (random: Random): string =>
  `https://${pick(random, ['cdn', 'api', 'img', 'static'])}.${pick(random, DOMAINS)}/${pick(random, ['v1', 'assets', 'p', 'files'])}/${base62(random, 10)}${pick(random, ['.png', '.json', '', '.js'])}`
