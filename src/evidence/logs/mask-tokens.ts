import {TOKEN_CLASSES} from './catalogue/token-classes.js'

/**
 * Variable masking before template mining: tokens that are values (numbers, ids, hex, IPs, UUIDs,
 * e-mail addresses, URLs, paths, quoted strings, the value of key=value) become `<*>`. Done per
 * token with character tests first and the token-class catalogue only for the few tokens a word
 * cannot be, because it runs on every line.
 */
export const WILDCARD = '<*>'

const enum Char {
  Zero = 48,
  Nine = 57,
  Slash = 47,
  Backslash = 92,
  At = 64,
  Equals = 61,
  Colon = 58,
  DoubleQuote = 34,
  SingleQuote = 39,
}

function hasDigit(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i)
    if (c >= Char.Zero && c <= Char.Nine) return true
  }
  return false
}

const VERSIONED_NAME = /^[A-Za-z]{2,}\d[,.;:)]?$/

// Dates spelled out in messages ("at Sun Jul  3 04:12:01") are values too.
const CALENDAR_WORDS = new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])

/** Whether any token masked since the last reset was a value without a digit (an id of letters, an address). */
let maskedWordValue = false

/** Masks one whitespace-separated token; returns the token itself when it looks constant. */
export function maskToken(token: string): string {
  if (token.length === 3 && CALENDAR_WORDS.has(token)) return WILDCARD
  const first = token.charCodeAt(0)
  const last = token.charCodeAt(token.length - 1)
  if (token.length > 2 && (first === Char.DoubleQuote || first === Char.SingleQuote) && last === first) return WILDCARD
  if (first === Char.Slash && token.length > 1) return WILDCARD
  // A token partly replaced by a preprocessing regex ("host-<*>.example.net") is a value like one with digits.
  if (!hasDigit(token) && !(token.length > 3 && token.includes(WILDCARD))) return maskWord(token)
  // Names that end in one digit (SOCKS5, ssh2, md5, ipv4) are vocabulary, not values.
  if (VERSIONED_NAME.test(token)) return token
  // key=value / key:value keep the key, which is the constant part worth grouping on.
  const eq = token.indexOf('=')
  if (eq > 0 && isIdentifier(token, eq)) return `${token.slice(0, eq + 1)}${WILDCARD}`
  // A URL's scheme is no key worth keeping.
  if (token.includes('://')) return WILDCARD
  const colon = token.indexOf(':')
  if (colon > 0 && colon < token.length - 1 && isIdentifier(token, colon)) return `${token.slice(0, colon + 1)}${WILDCARD}`
  return WILDCARD
}

/** A token without digits: a word, unless it has the shape of a value class (or its key=value's value has). */
function maskWord(token: string): string {
  if (token.length <= 5 && !mayBeShortValue(token)) return token
  const core = trimPunctuation(token)
  if (isValue(core)) {
    maskedWordValue = true
    return WILDCARD
  }
  const eq = core.indexOf('=')
  const colon = eq < 0 ? core.indexOf(':') : -1
  const cut = eq > 0 ? eq : colon
  if (cut > 0 && cut < core.length - 1 && isIdentifier(core, cut) && isValue(core.slice(cut + 1))) {
    maskedWordValue = true
    return `${token.slice(0, token.indexOf(core) + cut + 1)}${WILDCARD}`
  }
  return token
}

function mayBeShortValue(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i)
    if (c === Char.At || c === Char.Slash || c === Char.Colon || c === Char.Backslash) return true
  }
  return false
}

function isValue(core: string): boolean {
  for (const tokenClass of TOKEN_CLASSES) if (tokenClass.test(core)) return true
  return false
}

const LEADING = new Set([40, 91, 123, 34, 39, 60]) // ( [ { " ' <
const TRAILING = new Set([41, 93, 125, 34, 39, 44, 46, 59, 58, 33, 63, 62]) // ) ] } " ' , . ; : ! ? >

function trimPunctuation(token: string): string {
  let start = 0
  let end = token.length
  while (start < end && LEADING.has(token.charCodeAt(start))) start++
  while (end > start && TRAILING.has(token.charCodeAt(end - 1))) end--
  return start === 0 && end === token.length ? token : token.slice(start, end)
}

/**
 * A key worth keeping: letters, `_` and `-` only (a host name or a number is a value), optionally
 * behind an opening bracket, since what precedes the bracket is constant too: `by (uid=0)` and
 * `by LOGIN(uid=0)` are different events.
 */
function isIdentifier(token: string, end: number): boolean {
  let letters = 0
  for (let i = 0; i < end; i++) {
    const c = token.charCodeAt(i)
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++
    else if (c === 40 || c === 91) letters = 0
    else if (c !== 95 && c !== 45) return false
  }
  return letters > 0
}

/** A quoted span over several tokens is one value: at most this many tokens are looked ahead for its end. */
const MAX_QUOTED_TOKENS = 16

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13

/**
 * Splits a message on whitespace, optionally masking variables. Masked, a quoted string over
 * several tokens (`query "red running shoes" took`) is one `<*>`, so free text of any length
 * leaves the message's shape alone.
 */
export function tokenize(message: string, mask: boolean): string[] {
  const tokens: string[] = []
  const n = message.length
  let i = 0
  while (i < n) {
    while (i < n && isSpace(message.charCodeAt(i))) i++
    if (i >= n) break
    const start = i
    while (i < n && !isSpace(message.charCodeAt(i))) i++
    if (!mask) {
      tokens.push(message.slice(start, i))
      continue
    }
    const quote = message.charCodeAt(start)
    if ((quote === Char.DoubleQuote || quote === Char.SingleQuote) && !closesQuote(message, start + 1, i, quote)) {
      const end = quotedSpanEnd(message, i, quote)
      if (end > 0) {
        tokens.push(maskQuotedSpan(message.slice(start, end)))
        i = end
        continue
      }
    }
    tokens.push(maskToken(message.slice(start, i)))
  }
  return tokens
}

/**
 * A quoted span of words is free text, a value (`"red running shoes"`); one that holds values
 * itself is structure worth keeping as one token (`"GET <*> <*>` of a request line), since its
 * words tell events apart.
 */
function maskQuotedSpan(span: string): string {
  const pieces = span.split(/\s+/)
  let masked = false
  for (let k = 0; k < pieces.length; k++) {
    const piece = maskToken(pieces[k])
    if (piece !== pieces[k]) {
      pieces[k] = piece
      masked = true
    }
  }
  return masked ? pieces.join(' ') : WILDCARD
}

/** Whether the token [from, to) ends its quote: its last character, or the one before trailing punctuation, is the quote. */
function closesQuote(message: string, from: number, to: number, quote: number): boolean {
  let end = to
  while (end > from && TRAILING.has(message.charCodeAt(end - 1)) && message.charCodeAt(end - 1) !== quote) end--
  return end > from && message.charCodeAt(end - 1) === quote
}

/** The end of the token that closes a quote opened before `from`, within MAX_QUOTED_TOKENS tokens; -1 when none does. */
function quotedSpanEnd(message: string, from: number, quote: number): number {
  const n = message.length
  let i = from
  for (let k = 0; k < MAX_QUOTED_TOKENS; k++) {
    while (i < n && isSpace(message.charCodeAt(i))) i++
    if (i >= n) return -1
    const start = i
    while (i < n && !isSpace(message.charCodeAt(i))) i++
    if (closesQuote(message, start, i, quote)) return i
  }
  return -1
}

/** Resets and returns whether masking since the last call took a token without digits for a value. */
export function takeMaskedWordValue(): boolean {
  const seen = maskedWordValue
  maskedWordValue = false
  return seen
}

export function tokenHasDigit(token: string): boolean {
  return hasDigit(token)
}
