import type {FailureClass} from './signatures/failure-classes.js'

/**
 * Which configuration keys can cause which failures, and how strongly, by the direction the value
 * moved. Matched in order against a key's words (`spring.datasource.hikari.maximumPoolSize` →
 * "spring datasource hikari maximum pool size"); the first rule that matches decides.
 */
export interface ConfigKeyRule {
  id: string
  words: RegExp
  /** Weight of the link when the value went down, up, or changed otherwise (added, removed, text). */
  links: ReadonlyArray<{failure: FailureClass; down: number; up: number; other: number}>
  /** The new value is a duration that the failing calls' elapsed times can be compared with. */
  duration?: boolean
  /** The new value names a host that the errors may name too. */
  endpoint?: boolean
  examples: {match: string[]; nonMatch: string[]}
}

const HOST_FAILURES: ConfigKeyRule['links'] = (['connection-refused', 'dns-failure', 'timeout', 'deadline', 'upstream-5xx', 'dependency-unavailable', 'tls-invalid', 'tls-expired', 'auth-rejected'] as const).map((failure) => ({failure, down: 0.6, up: 0.6, other: 0.6}))

export const CONFIG_KEY_RULES: readonly ConfigKeyRule[] = [
  {
    id: 'pool-timeout',
    words: /\b(?:pool|hikari|acquire|checkout)\b.*\b(?:timeout|wait)\b|\bacquire(?: connection)? timeout\b/,
    links: [{failure: 'pool-exhausted', down: 0.8, up: 0.5, other: 0.6}],
    duration: true,
    examples: {match: ['spring datasource hikari connection timeout', 'pool acquire timeout millis'], nonMatch: ['http client read timeout']},
  },
  {
    id: 'timeout',
    words: /\b(?:timeout|timeouts|deadline)\b/,
    links: [
      {failure: 'timeout', down: 0.8, up: 0.5, other: 0.6},
      {failure: 'deadline', down: 0.8, up: 0.5, other: 0.6},
      {failure: 'query-timeout', down: 0.8, up: 0.5, other: 0.6},
      {failure: 'saturation', down: 0.6, up: 0.5, other: 0.5},
    ],
    duration: true,
    examples: {match: ['payments client read timeout ms', 'proxy read timeout', 'statement timeout', 'grpc deadline'], nonMatch: ['cache ttl seconds']},
  },
  {
    id: 'pool-size',
    words: /\b(?:pool|max ?conn(?:ection)?s?|connection limit|max (?:open|idle|total|active)(?: conns?| connections)?|min idle)\b/,
    links: [
      {failure: 'pool-exhausted', down: 0.8, up: 0.4, other: 0.6},
      {failure: 'db-saturation', down: 0.4, up: 0.8, other: 0.6},
    ],
    examples: {match: ['database pool max', 'spring datasource hikari maximum pool size', 'max connections', 'max open conns'], nonMatch: ['replicas']},
  },
  {
    id: 'memory',
    words: /\b(?:memory|mem|heap|xmx|gomemlimit|max old space size)\b/,
    links: [
      {failure: 'out-of-memory', down: 0.85, up: 0.4, other: 0.6},
      {failure: 'eviction', down: 0.7, up: 0.4, other: 0.5},
      {failure: 'scheduling', down: 0.3, up: 0.8, other: 0.5},
    ],
    examples: {match: ['spec template spec containers api resources limits memory', 'jvm heap max'], nonMatch: ['spec replicas']},
  },
  {
    id: 'cpu',
    words: /\b(?:cpu|cpus|millicores)\b/,
    links: [
      {failure: 'cpu-throttling', down: 0.85, up: 0.4, other: 0.6},
      {failure: 'saturation', down: 0.6, up: 0.3, other: 0.4},
      {failure: 'scheduling', down: 0.3, up: 0.8, other: 0.5},
    ],
    examples: {match: ['resources limits cpu'], nonMatch: ['resources limits memory']},
  },
  {
    id: 'scale',
    words: /\b(?:replicas|replica count|instances|workers|concurrency|threads|processes|max children|parallelism|min replicas|max replicas)\b/,
    links: [
      {failure: 'db-saturation', down: 0.3, up: 0.75, other: 0.5},
      {failure: 'saturation', down: 0.75, up: 0.3, other: 0.5},
      {failure: 'cpu-throttling', down: 0.6, up: 0.3, other: 0.4},
      {failure: 'scheduling', down: 0.2, up: 0.75, other: 0.5},
      {failure: 'pool-exhausted', down: 0.5, up: 0.5, other: 0.4},
    ],
    examples: {match: ['spec replicas', 'pm max children', 'worker concurrency'], nonMatch: ['spec template metadata labels app']},
  },
  {
    id: 'cache',
    words: /\b(?:ttl|cache|expire|expiry|expiration)\b/,
    links: [
      {failure: 'db-saturation', down: 0.7, up: 0.3, other: 0.5},
      {failure: 'saturation', down: 0.7, up: 0.3, other: 0.5},
      {failure: 'query-timeout', down: 0.6, up: 0.3, other: 0.4},
      {failure: 'lock-contention', down: 0.5, up: 0.3, other: 0.4},
      {failure: 'out-of-memory', down: 0.3, up: 0.7, other: 0.5},
    ],
    examples: {match: ['search cache ttl seconds', 'session expiry'], nonMatch: ['search index']},
  },
  {
    id: 'rate-limit',
    words: /\b(?:rate|ratelimit|rate limit|burst|quota|throttle|rps|qps)\b/,
    links: [{failure: 'rate-limited', down: 0.85, up: 0.4, other: 0.6}],
    examples: {match: ['api rate limit per minute', 'limit req zone burst'], nonMatch: ['resources limits cpu']},
  },
  {
    id: 'size-limit',
    words: /\b(?:max (?:request|message|body|payload|upload) (?:size|bytes)|client max body size|message max bytes|max bytes)\b/,
    links: [{failure: 'limit-exceeded', down: 0.85, up: 0.4, other: 0.6}],
    examples: {match: ['producer max request size', 'client max body size'], nonMatch: ['max connections']},
  },
  {
    id: 'tls',
    words: /\b(?:tls|ssl|cert|certificate|ca file|ca bundle|truststore|keystore)\b/,
    links: [
      {failure: 'tls-invalid', down: 0.8, up: 0.8, other: 0.8},
      {failure: 'tls-expired', down: 0.6, up: 0.6, other: 0.6},
    ],
    examples: {match: ['ingress tls secret name', 'ssl certificate'], nonMatch: ['http port']},
  },
  {
    id: 'credential',
    words: /\b(?:password|passwd|secret|token|api key|apikey|credentials?|auth)\b/,
    links: [{failure: 'auth-rejected', down: 0.85, up: 0.85, other: 0.85}],
    examples: {match: ['database password', 'payments api key'], nonMatch: ['database host']},
  },
  {
    id: 'endpoint',
    words: /\b(?:url|uri|host|hostname|dsn|endpoint|address|addr|servers?|brokers?|bootstrap servers|base url|upstream|proxy pass)\b/,
    links: HOST_FAILURES,
    endpoint: true,
    examples: {match: ['redis url', 'payments base url', 'kafka bootstrap servers', 'location api proxy pass'], nonMatch: ['redis ttl']},
  },
  {
    id: 'image',
    words: /\b(?:image|tag)\b/,
    links: [
      {failure: 'image-pull', down: 0.85, up: 0.85, other: 0.85},
      {failure: 'missing-dependency', down: 0.5, up: 0.5, other: 0.5},
    ],
    examples: {match: ['spec template spec containers api image', 'image tag'], nonMatch: ['image pull policy']},
  },
  {
    id: 'command',
    words: /\b(?:command|args|entrypoint|script|schedule)\b/,
    links: [{failure: 'script-error', down: 0.8, up: 0.8, other: 0.8}],
    examples: {match: ['spec job template spec template spec containers backup command'], nonMatch: ['spec replicas']},
  },
]

/** A key as words: separators and camelCase split, list keys (`env[DATABASE_URL]`) kept as one word. */
export function keyWords(key: string): string {
  return key
    .replace(/\[([^\]]*)\]/g, ' $1 ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .toLowerCase()
}

export function ruleForKey(key: string): ConfigKeyRule | null {
  const words = keyWords(key)
  // `image pull policy` is about pulling, not the image: an exclusion rather than a rule of its own.
  if (/\bpull policy\b/.test(words)) return null
  return CONFIG_KEY_RULES.find((rule) => rule.words.test(words)) ?? null
}
