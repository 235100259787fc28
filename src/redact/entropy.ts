/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0
  const counts = new Map<string, number>()
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1)
  let bits = 0
  for (const count of counts.values()) {
    const p = count / text.length
    bits -= p * Math.log2(p)
  }
  return bits
}

const PRINTABLE_NO_SPACE = /^[\x21-\x7e]+$/
const HEX = /^[0-9a-fA-F-]+$/
const JOINED_WORDS = /^[A-Za-z]+(?:[._-][A-Za-z]+)*$/
const DOTTED_NAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}/
const PATH_OR_URL = /^(?:[a-z][a-z0-9+.-]*:)?\/|^\.{1,2}\//i
/** `user:123:profile`, `orders:2026-11`: names joined by colons, not a key. */
const COLON_NAMES = /:.*[a-z]{4}|[a-z]{4}.*:/
const MIN_KEY_CHARS = 16

/**
 * Does a value look like a generated key rather than a word, a name, a path or a time? The second
 * net behind the format rules: applied to values in secret-named positions (`*password*`,
 * `*secret*`, `*token*`, `*key*` …) and to bare Authorization values, never to free text, where
 * commit shas and request ids would look just as random.
 */
export function looksKeyLike(value: string): boolean {
  if (value.length < MIN_KEY_CHARS || value.length > 8192) return false
  if (!PRINTABLE_NO_SPACE.test(value) || value.startsWith('[REDACTED')) return false
  if (JOINED_WORDS.test(value) || DOTTED_NAME.test(value) || TIMESTAMP.test(value) || PATH_OR_URL.test(value) || COLON_NAMES.test(value)) return false
  let classes = 0
  if (/[a-z]/.test(value)) classes++
  if (/[A-Z]/.test(value)) classes++
  if (/\d/.test(value)) classes++
  if (classes < 2) return false
  // Hex keys use 16 symbols, so their ceiling is 4 bits; base64-like keys sit near 5 to 6.
  return shannonEntropy(value) >= (HEX.test(value) ? 3 : 3.5)
}
