import {isLuhnValid} from './luhn.js'

/**
 * The one redaction pass for anything quoted from evidence (log samples, field values, stack
 * excerpts, diffs, query text). Secrets become typed placeholders (`[REDACTED:aws-key]`) so a
 * reader still sees what kind of thing was there. It runs on samples that leave an analyser, not on
 * every line counted, but it is still written to be cheap: each rule is guarded by a substring or
 * character test so clean text costs a few scans.
 */
export interface RedactOptions {
  /** Also mask IPv4 and IPv6 addresses (off by default: IPs are usually needed to reason about traffic). */
  ips?: boolean
}

export type RedactionKind =
  | 'aws-key'
  | 'bearer-token'
  | 'api-key'
  | 'password'
  | 'private-key'
  | 'jwt'
  | 'email'
  | 'card'
  | 'ip'

export function placeholder(kind: RedactionKind): string {
  return `[REDACTED:${kind}]`
}

interface Rule {
  /** Cheap pre-test; the regex runs only when it passes. */
  guard: (text: string) => boolean
  pattern: RegExp
  replace: (match: string, ...groups: string[]) => string
}

const always = (): boolean => true
const has = (needle: string) => (text: string) => text.includes(needle)
const hasAnyCase = (needle: RegExp) => (text: string) => needle.test(text)

/** Key names whose values are secrets, in key=value, key: value and JSON "key":"value" forms. */
const PASSWORD_KEYS = String.raw`pass(?:word|wd|phrase)?|pwd|db_?pass(?:word)?`
const TOKEN_KEYS = String.raw`secret|client_?secret|secret_?key|api_?key|apikey|x-api-key|access_?key|access_?token|auth_?token|refresh_?token|id_?token|session_?token|token|aws_secret_access_key|private_?key|credentials?`

const RULES: Rule[] = [
  {
    guard: has('PRIVATE KEY'),
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    replace: () => placeholder('private-key'),
  },
  {
    // GitHub, Slack, Stripe, Anthropic/OpenAI, Google keys by their well-known prefixes.
    guard: hasAnyCase(/gh[pousr]_|github_pat_|xox[abprse]-|[sr]k_(?:live|test)_|sk-|AIza/),
    pattern:
      /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abprse]-[A-Za-z0-9-]{10,}|[sr]k_(?:live|test)_[A-Za-z0-9]{10,}|sk-(?:ant-)?[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{35})/g,
    replace: () => placeholder('api-key'),
  },
  {
    // Authorization: Basic … carries user:password in base64.
    guard: hasAnyCase(/basic /i),
    pattern: /\b(authorization["']?\s*[:=]\s*["']?basic\s+)[A-Za-z0-9+/=._~-]{4,}/gi,
    replace: (_m, prefix) => `${prefix}${placeholder('password')}`,
  },
  {
    guard: hasAnyCase(/bearer/i),
    pattern: /\b(bearer)(\s+|%20)[A-Za-z0-9._~+/=-]{8,}/gi,
    replace: (_m, word, space) => `${word}${space}${placeholder('bearer-token')}`,
  },
  {
    // `Authorization: token …` (GitHub style); the lookahead keeps prose like "token verification" intact.
    guard: hasAnyCase(/token /i),
    pattern: /\b(token)(\s+)(?=[A-Za-z._~+/=-]*\d)[A-Za-z0-9._~+/=-]{16,}/gi,
    replace: (_m, word, space) => `${word}${space}${placeholder('bearer-token')}`,
  },
  {
    guard: has('eyJ'),
    pattern: /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
    replace: () => placeholder('jwt'),
  },
  {
    guard: hasAnyCase(/A[KS]IA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA/),
    pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g,
    replace: () => placeholder('aws-key'),
  },
  {
    // scheme://user:password@host — keep user and host, they are useful and not secret.
    guard: has('://'),
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/)([^:/?#\s@]+):([^@\s/?#]+)@/gi,
    replace: (_m, scheme, user) => `${scheme}${user}:${placeholder('password')}@`,
  },
  {
    // "password": "…" in JSON (also escaped inside a JSON string: \"password\":\"…\")
    guard: always,
    pattern: new RegExp(String.raw`((?:\\?")(?:${PASSWORD_KEYS}|${TOKEN_KEYS})(?:\\?")\s*:\s*(?:\\?"))((?:[^"\\]|\\[^"])*)`, 'gi'),
    replace: (_m, prefix, value) =>
      value.startsWith('[REDACTED:') ? _m : `${prefix}${placeholder(kindForKey(prefix))}`,
  },
  {
    // password=… / token: … in logfmt, query strings, headers, prose.
    guard: always,
    pattern: new RegExp(
      String.raw`(\b(?:[a-z0-9]+[_-])?(?:${PASSWORD_KEYS}|${TOKEN_KEYS})\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s&,;"'}\]]+)`,
      'gi',
    ),
    replace: (_m, prefix, value) =>
      value.includes('[REDACTED:') || value === '' ? _m : `${prefix}${placeholder(kindForKey(prefix))}`,
  },
  {
    guard: has('@'),
    pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g,
    replace: () => placeholder('email'),
  },
  {
    guard: hasAnyCase(/\d{4}/),
    pattern: /\b[2-6]\d{3}(?:[ -]?\d){9,15}\b/g,
    replace: (match) => (isLuhnValid(match.replace(/[ -]/g, '')) ? placeholder('card') : match),
  },
]

const IP_RULE: Rule = {
  guard: has('.'),
  pattern: /\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b/g,
  replace: () => placeholder('ip'),
}

// IPv6: hex groups joined by colons, either all eight or shortened with `::` — which keeps times
// (`12:30:45`) and MAC addresses out. Not preceded or followed by a word character, colon or dot.
const IPV6_RULE: Rule = {
  guard: has(':'),
  pattern: /(?<![\w:.])(?=[0-9a-f:]*[0-9a-f])(?=[0-9a-f:]*::|(?:[0-9a-f]{1,4}:){7}[0-9a-f])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:.])/gi,
  replace: () => placeholder('ip'),
}

const PASSWORD_KEY = new RegExp(String.raw`(?:${PASSWORD_KEYS})`, 'i')

function kindForKey(prefix: string): RedactionKind {
  return PASSWORD_KEY.test(prefix) ? 'password' : 'api-key'
}

export function redact(text: string, options: RedactOptions = {}): string {
  let out = text
  for (const rule of RULES) {
    if (rule.guard(out)) out = out.replace(rule.pattern, rule.replace as (m: string, ...a: string[]) => string)
  }
  if (options.ips) {
    for (const rule of [IPV6_RULE, IP_RULE]) if (rule.guard(out)) out = out.replace(rule.pattern, rule.replace)
  }
  return out
}

const SECRET_KEY = new RegExp(String.raw`^(?:[a-z0-9]+[_-])?(?:${PASSWORD_KEYS}|${TOKEN_KEYS}|authorization|cookie|set-cookie)$`, 'i')
const MAX_DEPTH = 32

/**
 * Deep redaction of a JSON-like value: values under secret-looking keys are replaced whole,
 * every other string goes through `redact`. Cycles and very deep nesting are cut, not followed.
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
    for (const [key, inner] of Object.entries(v)) {
      out[key] = SECRET_KEY.test(key) && inner !== null && inner !== undefined && inner !== '' ? placeholder(kindForKey(key)) : walk(inner, depth + 1)
    }
    return out
  }
  return walk(value, 0)
}
