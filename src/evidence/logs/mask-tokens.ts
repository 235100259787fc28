/**
 * Variable masking before template mining: tokens that are obviously values (numbers, ids, hex,
 * IPs, UUIDs, paths, quoted values, key=<value>) become `<*>`. Done per token with character tests
 * rather than a chain of regexes over the whole line, because it runs on every line.
 */
export const WILDCARD = '<*>'

const enum Char {
  Zero = 48,
  Nine = 57,
  Slash = 47,
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

/** Masks one whitespace-separated token; returns the token itself when it looks constant. */
export function maskToken(token: string): string {
  if (token.length === 3 && CALENDAR_WORDS.has(token)) return WILDCARD
  const first = token.charCodeAt(0)
  const last = token.charCodeAt(token.length - 1)
  if (token.length > 2 && (first === Char.DoubleQuote || first === Char.SingleQuote) && last === first) return WILDCARD
  if (first === Char.Slash && token.length > 1) return WILDCARD
  // A token partly replaced by a preprocessing regex ("host-<*>.example.net") is a value as a whole.
  if (!hasDigit(token) && !(token.length > 3 && token.includes(WILDCARD))) return token
  // Names that end in one digit (SOCKS5, ssh2, md5, ipv4) are vocabulary, not values.
  if (VERSIONED_NAME.test(token)) return token
  // key=value / key:value keep the key, which is the constant part worth grouping on.
  const eq = token.indexOf('=')
  if (eq > 0 && isIdentifier(token, eq)) return `${token.slice(0, eq + 1)}${WILDCARD}`
  const colon = token.indexOf(':')
  if (colon > 0 && colon < token.length - 1 && isIdentifier(token, colon)) return `${token.slice(0, colon + 1)}${WILDCARD}`
  return WILDCARD
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

/** Splits a message on whitespace, optionally masking variables. */
export function tokenize(message: string, mask: boolean): string[] {
  const tokens: string[] = []
  let start = -1
  for (let i = 0; i <= message.length; i++) {
    const c = i < message.length ? message.charCodeAt(i) : 32
    const space = c === 32 || c === 9 || c === 10 || c === 13
    if (space) {
      if (start >= 0) {
        const token = message.slice(start, i)
        tokens.push(mask ? maskToken(token) : token)
        start = -1
      }
    } else if (start < 0) {
      start = i
    }
  }
  return tokens
}

export function tokenHasDigit(token: string): boolean {
  return hasDigit(token)
}
