import type {RootCauseCategory} from '../../incident/vocabulary.js'
import type {ErrorSignal, IncidentSignals} from './incident-signals.js'

/** A family of error messages that names a cause by itself (an expired certificate, a full disk). */
export type SignatureKind = 'certificate' | 'dns-network' | 'external' | 'db-saturation' | 'client-pool' | 'oom' | 'disk-full'

export interface SignatureMatch {
  kind: SignatureKind
  category: RootCauseCategory
  /** The host, resource or component the messages name. */
  component: string | null
  evidenceIds: string[]
  /** Occurrences since onset across the matching signals. */
  count: number
  /** Share of the incident's error occurrences these signals account for (0–1). */
  share: number
  /** A few matching lines' heads, for the hypothesis text. */
  examples: string[]
}

const PATTERNS: ReadonlyArray<readonly [SignatureKind, RegExp]> = [
  ['certificate', /certificate has expired|certificate is not yet valid|not yet valid|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|x509: certificate|certificate verify failed|SSL certificate problem/i],
  ['dns-network', /\b(ENOTFOUND|EAI_AGAIN|ECONNRESET|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH)\b|no such host|connection refused|connection reset by peer|temporary failure in name resolution|name or service not known/i],
  ['external', /provider (responded|returned)|upstream (responded|returned)|ConnectTimeoutError|UND_ERR_CONNECT_TIMEOUT|\bETIMEDOUT\b|(responded|returned|status:?) 5\d\d\b|bad gateway|gateway timeout/i],
  ['db-saturation', /too many clients|remaining connection slots|too many connections|max_connections|connection limit exceeded|lock timeout|deadlock detected|could not obtain lock|lock wait timeout|statement timeout/i],
  ['client-pool', /timeout acquiring a connection|pool is probably full|pool (is )?exhausted|unable to acquire a connection|connection pool timeout/i],
  ['oom', /out of memory|oom-killer|oomkilled|oom_kill|heap out of memory|cannot allocate memory|killed process/i],
  ['disk-full', /\bENOSPC\b|no space left on device|disk (is )?full|disk quota exceeded/i],
]

const CATEGORY: Readonly<Record<SignatureKind, RootCauseCategory>> = {
  certificate: 'certificate-expiry',
  'dns-network': 'network',
  external: 'external-dependency',
  'db-saturation': 'database-saturation',
  'client-pool': 'resource-exhaustion',
  oom: 'resource-exhaustion',
  'disk-full': 'resource-exhaustion',
}

const INTERNAL_HOST = /(^|\.)(internal|local|localhost|svc|lan|corp|intranet|cluster\.local)$|^(10|127)\.|^192\.168\.|^172\.(1[6-9]|2\d|3[01])\.|^[^.]+$/i
const HOST_IN_TEXT = /(?:https?:\/\/|address:\s*|getaddrinfo [A-Z_]+ |host[=:]\s*"?)([a-z0-9][a-z0-9.-]*[a-z0-9])/gi

/** Hosts the text names in URLs, lookups and connection attempts. */
function hostsIn(text: string): string[] {
  return [...new Set([...text.matchAll(HOST_IN_TEXT)].map((m) => m[1].toLowerCase()))]
}

function isInternalHost(host: string): boolean {
  return INTERNAL_HOST.test(host)
}

/**
 * The signature families present among the incident's error signals. A lookup or reset naming only
 * third-party hosts is an external dependency, not our network. Authentication failures are
 * not a signature: authFailureBurst (auth-failures.ts) weighs them.
 */
export function matchSignatures(signals: IncidentSignals): SignatureMatch[] {
  const byKind = new Map<SignatureKind, ErrorSignal[]>()
  for (const signal of signals.errors) {
    for (const [kind, pattern] of PATTERNS) {
      if (!pattern.test(signal.text)) continue
      const resolved = resolveKind(kind, signal)
      if (resolved === null) continue
      byKind.set(resolved, [...(byKind.get(resolved) ?? []), signal])
    }
  }
  const total = Math.max(1, signals.errorCount)
  const matches: SignatureMatch[] = []
  for (const [kind, list] of byKind) {
    const templates = list.filter((s) => s.kind === 'template')
    const count = Math.max(...list.map((s) => s.count), 0)
    matches.push({
      kind,
      category: CATEGORY[kind],
      component: componentFor(kind, list),
      evidenceIds: [...new Set(list.map((s) => s.evidenceId))],
      count,
      share: Math.min(1, (templates.length > 0 ? templates.reduce((sum, s) => sum + (s.levels.includes('error') ? s.count : 0), 0) : count) / total),
      examples: list.slice(0, 2).map((s) => s.text.split('\n')[0].slice(0, 140)),
    })
  }
  return matches
}

function resolveKind(kind: SignatureKind, signal: ErrorSignal): SignatureKind | null {
  if (kind === 'dns-network') {
    const hosts = hostsIn(signal.text)
    if (hosts.length > 0 && hosts.every((host) => !isInternalHost(host))) return 'external'
  }
  if (kind === 'external') {
    const hosts = hostsIn(signal.text)
    if (hosts.length > 0 && hosts.every(isInternalHost)) return null
  }
  return kind
}

function componentFor(kind: SignatureKind, list: ErrorSignal[]): string | null {
  const hosts = list.flatMap((s) => hostsIn(s.text))
  switch (kind) {
    case 'certificate':
    case 'dns-network':
      return hosts.find(isInternalHost)?.split('.')[0] ?? hosts[0]?.split('.')[0] ?? null
    case 'external':
      return hosts.find((host) => !isInternalHost(host)) ?? null
    case 'db-saturation':
    case 'client-pool':
      return 'database'
    case 'oom':
      return 'memory'
    case 'disk-full':
      return 'disk'
  }
}
