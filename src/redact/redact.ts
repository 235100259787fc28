import {stripControls} from '../output/safe-text.js'
import {PERSONAL_DATA_RULES, SECRET_RULES, type RedactionKind, type SecretRule} from './catalogue/secret-rules.js'
import {looksKeyLike} from './entropy.js'
import {redactSecretPairs, strongKindOf} from './secret-pairs.js'

export type {RedactionKind} from './catalogue/secret-rules.js'

/**
 * The one redaction pass for anything that leaves a reader (log samples, field values, stack
 * excerpts, commit messages and diffs, deploy descriptions, metric names and labels, URLs, typed
 * text). Secrets become typed placeholders (`[REDACTED:aws-key]`) so a reader still sees what kind
 * of thing was there. Run it on whole values, before anything is cut: half a key is still a leak,
 * and no rule recognises it.
 *
 * Escape sequences and control characters go too (tab and newline stay): evidence text is shown
 * in terminals and documents, where they would be commands, not text.
 *
 * Cheap on clean text: each catalogue rule is gated by its keywords, checked against one
 * lower-cased copy of the text, so a line without any keyword costs a few substring scans.
 */
export interface RedactOptions {
  /** Also mask IPv4 and IPv6 addresses (off by default: IPs are usually needed to reason about traffic). */
  ips?: boolean
}

export function placeholder(kind: RedactionKind | string): string {
  return `[REDACTED:${kind}]`
}

export const IP_RULES: readonly SecretRule[] = [
  {
    // IPv6: hex groups joined by colons, either all eight or shortened with `::` — which keeps times
    // (`12:30:45`) and MAC addresses out. Not preceded or followed by a word character, colon or dot.
    id: 'ipv6',
    description: 'IPv6 addresses',
    keywords: [':'],
    pattern: /(?<![\w:.])(?=[0-9a-f:]*[0-9a-f])(?=[0-9a-f:]*::|(?:[0-9a-f]{1,4}:){7}[0-9a-f])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:.])/gi,
    kind: 'ip',
    examples: {match: ['from 2001:db8::bad'], noMatch: ['at 12:30:45']},
  },
  {
    id: 'ipv4',
    description: 'IPv4 addresses',
    keywords: ['.'],
    pattern: /\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b/g,
    kind: 'ip',
    examples: {match: ['from 10.1.2.3 ok'], noMatch: ['version 1.2.3.400']},
  },
]

/** Rules from the user's config file, run before the built-in ones (see `configureSecretRules`). */
let userRules: readonly SecretRule[] = []

/**
 * Adds the config file's own detectors for this process (validated by `config.ts`). Set once at
 * start-up, before any evidence is read; a process-wide setting because redaction runs in every
 * reader, and a reader must never be able to forget it.
 */
export function configureSecretRules(rules: readonly SecretRule[]): void {
  userRules = rules
}

/** The config file's detectors in force here: a worker thread starts without them and is handed these. */
export function configuredSecretRules(): readonly SecretRule[] {
  return userRules
}

function applyRule(rule: SecretRule, text: string, lower: string): string {
  if (rule.keywords.length > 0 && !rule.keywords.some((keyword) => lower.includes(keyword))) return text
  rule.pattern.lastIndex = 0
  return text.replace(rule.pattern, (match: string) => (match.startsWith('[REDACTED') || (rule.accept && !rule.accept(match)) ? match : placeholder(rule.kind)))
}

function applyRules(rules: readonly SecretRule[], text: string): string {
  let out = text
  let lower = out.toLowerCase()
  for (const rule of rules) {
    const next = applyRule(rule, out, lower)
    if (next !== out) {
      out = next
      lower = out.toLowerCase()
    }
  }
  return out
}

export function redact(text: string, options: RedactOptions = {}): string {
  if (text === '') return text
  const clean = stripControls(text)
  // In a URL (`/api/x?q=upstream%20key%20AKIA…`) an escape sits where a word boundary would: the
  // rules read the decoded text, and when they find something there, the decoded text is what is
  // kept (redacted); encoded text with nothing to hide stays as it was.
  if (PERCENT_ESCAPE.test(clean)) {
    const decoded = stripControls(percentDecoded(clean))
    const redacted = redactPlain(decoded, options)
    if (redacted !== decoded) return redacted
  }
  return redactPlain(clean, options)
}

function redactPlain(text: string, options: RedactOptions): string {
  let out = applyRules(userRules, text)
  out = applyRules(SECRET_RULES, out)
  out = redactSecretPairs(out, placeholder)
  out = applyRules(PERSONAL_DATA_RULES, out)
  if (options.ips) out = applyRules(IP_RULES, out)
  return out
}

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/

function percentDecoded(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run
    }
  })
}

const MAX_DEPTH = 32
const ALWAYS_SECRET_KEYS = /^(?:authorization|proxy-authorization|set-cookie|cookie)$/i

/**
 * Deep redaction of a JSON-like value: values under secret-named keys are replaced whole (or, for
 * keys that only contain a secret word, when they look like keys), every other string goes through
 * `redact`. Cycles and very deep nesting are cut, not followed.
 */
export function redactValue(value: unknown, options: RedactOptions = {}): unknown {
  const seen = new WeakSet<object>()
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redact(v, options)
    if (v === null || typeof v !== 'object') return v
    if (seen.has(v) || depth > MAX_DEPTH) return '[TRUNCATED]'
    seen.add(v)
    if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1))
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(v)) out[redact(key, options)] = secretUnder(key, inner) ?? walk(inner, depth + 1)
    return out
  }
  return walk(value, 0)
}

/**
 * A value read under a key (a config file's `KEY=value`, a label, a field): masked whole when the
 * key names a secret, else redacted like any text. The key is as much evidence as the value.
 */
export function redactUnderKey(key: string, value: string, options: RedactOptions = {}): string {
  return secretUnder(key, value) ?? redact(value, options)
}

function secretUnder(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '' || typeof value === 'object' || typeof value === 'boolean') return null
  if (ALWAYS_SECRET_KEYS.test(key)) return placeholder(/cookie/i.test(key) ? 'cookie' : 'api-key')
  const strong = strongKindOf(key)
  if (strong) return placeholder(strong)
  return /pass|pwd|secret|token|key|auth|credential|session|sig|salt|private/i.test(key) && looksKeyLike(String(value)) ? placeholder('api-key') : null
}
