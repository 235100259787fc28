import {SECRET_KEYS} from './catalogue/secret-keys.js'
import type {RedactionKind} from './catalogue/secret-rules.js'
import {looksKeyLike} from './entropy.js'

const WORDS = SECRET_KEYS.words.join('|')

/**
 * key, separator, value. The key is a whole identifier containing a secret word (so `\npassword=`
 * inside a JSON string, whose key reads `npassword`, is still a password key); the separator is
 * `=`, `:`, `=>` or `:=` (after a closing quote, escaped or not), or plain spaces; the value is
 * quoted (JSON, escaped JSON, single quotes) or runs to the next space or delimiter.
 */
const PAIR = new RegExp(
  String.raw`(?<![A-Za-z0-9_.\-])(-{0,2}[A-Za-z0-9_.\-]{0,64}?(?:${WORDS})[A-Za-z0-9_.\-]{0,64})` +
    String.raw`((?:\\?["'])?[ \t]*(?:=>|:=|[:=])[ \t]*|[ \t]+)` +
    String.raw`("(?:[^"\\\n]|\\[^"\n])*"|\\"(?:[^"\\]|\\[^"])*\\"|'[^'\n]*'|[^\s"'\x60,;&<>(){}\[\]\\]+)`,
  'gi',
)

const LITERALS = new Set(['null', 'true', 'false', 'none', 'undefined', 'nil', '""', "''", '\\"\\"'])

export function strongKindOf(key: string): Exclude<RedactionKind, 'ip'> | null {
  const bare = key.replace(/^-+/, '')
  for (const {pattern, kind} of SECRET_KEYS.strong) if (pattern.test(bare)) return kind
  return null
}

/** The kind a value under `key` is masked as, or null when the value stays. */
export function secretKindFor(key: string, value: string, spacedOnly: boolean): RedactionKind | null {
  if (value.startsWith('[REDACTED') || value.startsWith('"[REDACTED') || value.startsWith('\\"[REDACTED') || value.startsWith("'[REDACTED")) return null
  if (LITERALS.has(value.toLowerCase())) return null
  const strong = strongKindOf(key)
  // `password reset`: a key word followed by a space is prose unless it is a flag or the value is key-like.
  if (strong && (!spacedOnly || key.startsWith('--'))) return strong
  return looksKeyLike(unquote(value)) ? (strong ?? 'api-key') : null
}

function unquote(value: string): string {
  if (value.startsWith('\\"')) return value.slice(2, -2)
  if (value.startsWith('"') || value.startsWith("'")) return value.slice(1, -1)
  return value
}

function requote(value: string, replacement: string): string {
  if (value.startsWith('\\"')) return `\\"${replacement}\\"`
  if (value.startsWith('"') || value.startsWith("'")) return `${value[0]}${replacement}${value[0]}`
  return replacement
}

const MAY_HOLD_PAIR = new RegExp(WORDS, 'i')
const NESTED_KEY = /^[A-Za-z_][\w.-]*[=:]$/

/** `JWT_SIGNING_KEY=` in `token=JWT_SIGNING_KEY="…"`, not base64 padding (`Ab1Cd2=`). */
function isNestedKey(value: string): boolean {
  return NESTED_KEY.test(value) && MAY_HOLD_PAIR.test(value) && !looksKeyLike(value.slice(0, -1))
}

/**
 * Masks the values of secret-named pairs; `placeholder` makes the `[REDACTED:kind]` text. A value
 * that stays is scanned again as a possible key (`the token X-Auth-Token: …`).
 */
export function redactSecretPairs(text: string, placeholder: (kind: RedactionKind) => string): string {
  if (!MAY_HOLD_PAIR.test(text)) return text
  const pair = new RegExp(PAIR.source, PAIR.flags)
  let out = ''
  let copied = 0
  for (let match = pair.exec(text); match !== null; match = pair.exec(text)) {
    const [whole, key, separator, value] = match
    // `token=JWT_SIGNING_KEY="…"`: the "value" is the next key; the pair after it is the one to mask.
    const kind = isNestedKey(value) ? null : secretKindFor(key, value, separator.trim() === '')
    if (kind === null) {
      pair.lastIndex = match.index + Math.max(1, key.length + separator.length)
      continue
    }
    out += text.slice(copied, match.index) + key + separator + requote(value, placeholder(kind))
    copied = match.index + whole.length
  }
  return copied === 0 ? text : out + text.slice(copied)
}
