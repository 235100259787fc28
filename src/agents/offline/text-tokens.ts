/**
 * Words that say what a change or an error is about, so a commit touching `src/payments/refund.ts`
 * can be matched with `refund failed: TypeError …`. Words every log line or commit has (error,
 * request, src, bump …) are dropped; the rest are lower-cased, split at camelCase and crudely
 * singularised.
 */
const STOPWORDS = new Set(
  (
    'the and for with from into not does did this that then when after before are was were has have had its there their ' +
    'error errors err failed failure fail fails exception request requests completed complete server client warn info debug level msg message ' +
    'time timestamp service http https api src lib app srv main java com org node modules index true false null undefined cannot read properties ' +
    'get post put delete patch async anonymous type stack code value values reading internal module exports handle layer router route ' +
    'add adds added update updates updated fix fixes fixed feat chore deps dep bump bumps raise lower support supports show use uses ' +
    'docs doc test tests readme config configs yaml yml json toml env sql ts js go py rb kt new old now one all any some only once ' +
    'within more less than max min size set sets run runs ran dev prod staging version release deploy deploys deployed ' +
    // Placeholder organisations of package paths (com/example/…) name no part of the service.
    'example examples acme'
  ).split(' '),
)

/** Words that belong together: a pool timeout and a commit lowering the pool max are about one thing. */
const CONCEPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['pool', /^(pool|pooling|acquire|acquiring|connection|connections|conn|slot|slots)$/],
  ['database', /^(database|db|sql|postgres|postgresql|pg|pq|mysql|knex|prisma|sequelize|typeorm|query|queries|column|relation|table|migration|schema)$/],
  ['memory', /^(memory|mem|heap|oom|oomkilled|rss|cache|leak)$/],
  ['disk', /^(disk|enospc|space|volume|filesystem)$/],
  ['auth', /^(auth|authentication|authenticate|login|session|token|jwt|jsonwebtoken|password|credential|credentials|jwks|jwk|oidc|openid|idp|kid)$/],
  // A version crossing: the change says it upgrades something, the error that it needs upgrading.
  ['upgrade', /^(upgrade|upgraded|upgrading|bump|bumped)$/],
  ['tls', /^(tls|ssl|x509|certificate|cert|certs)$/],
  ['health', /^(health|healthz|healthcheck|liveness|readiness|livez|readyz|probe|probes)$/],
  ['dns', /^(dns|getaddrinfo|enotfound|resolver|coredns|lookup|servfail|nxdomain|nameserver|resolv)$/],
]

export function tokensOf(text: string): string[] {
  const out: string[] = []
  const spaced = text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
  for (const raw of spaced.toLowerCase().split(/[^a-z0-9]+/)) {
    if (raw.length < 3 || /^\d/.test(raw) || STOPWORDS.has(raw)) continue
    const word = raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw
    if (!STOPWORDS.has(word)) out.push(word)
  }
  return out
}

/**
 * Whole words as written, camel case kept (`MySQL` stays `mysql` where tokensOf reads "my" and
 * "sql"): for names of products and packages, which tokens break apart.
 */
export function plainWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z][a-z0-9]{2,}/g) ?? []).filter((word) => !STOPWORDS.has(word)))
}

export function tokenSet(texts: readonly string[]): Set<string> {
  const set = new Set<string>()
  for (const text of texts) for (const token of tokensOf(text)) set.add(token)
  return set
}

/** The concepts a set of words touches (see CONCEPTS). */
export function conceptsOf(tokens: ReadonlySet<string>): Set<string> {
  const found = new Set<string>()
  for (const token of tokens) for (const [name, pattern] of CONCEPTS) if (pattern.test(token)) found.add(name)
  return found
}

/** Source file paths quoted in text (stack frames in a log sample, `at x (/srv/app/src/a.ts:7:3)`). */
export function pathsIn(text: string): string[] {
  const found = text.match(/(?:[\w@.-]+\/)+[\w@.-]+\.(?:[cm]?[jt]sx?|go|py|rb|java|kt|scala|rs|php|cs|ex|exs|sh|bash|erb|haml|slim)\b/g) ?? []
  return [...new Set(found)]
}
