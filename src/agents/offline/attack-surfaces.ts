import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import type {LogDigest} from '../../evidence/logs/log-digest.js'

/**
 * Endpoints that brute-force tools flood and customers barely use: when one carries a large share
 * of all requests, the traffic is an attack whatever the status codes say (XML-RPC answers 200 to a
 * failed login, with the fault in the body, so no 401 ever shows in the access log).
 */
export interface AttackSurface {
  id: string
  method: string
  path: RegExp
  says: string
  source: string
  /** Request paths it must and must not match, checked by its test. */
  examples: {match: string[]; nonMatch: string[]}
}

export const ATTACK_SURFACES: readonly AttackSurface[] = [
  {
    id: 'wordpress-xmlrpc',
    method: 'POST',
    path: /(?:^|\/)xmlrpc\.php$/i,
    says: 'WordPress XML-RPC brute force: system.multicall packs hundreds of password guesses into one request',
    source: 'https://blog.sucuri.net/2015/10/brute-force-amplification-attacks-against-wordpress-xmlrpc.html',
    examples: {match: ['/xmlrpc.php', '/blog/xmlrpc.php'], nonMatch: ['/wp-content/plugins/xmlrpc.php.bak', '/api/xmlrpc']},
  },
  {
    id: 'wordpress-login',
    method: 'POST',
    path: /(?:^|\/)wp-login\.php$/i,
    says: 'WordPress login brute force',
    source: 'https://developer.wordpress.org/advanced-administration/security/brute-force/',
    examples: {match: ['/wp-login.php', '/blog/wp-login.php'], nonMatch: ['/wp-login.php.old', '/login']},
  },
]

/** Fewer requests than this on a surface is a client using it, not a flood. */
const MIN_REQUESTS = 500
/** The share of all requests a surface must carry to be the incident's traffic. */
const MIN_SHARE = 0.3

export interface SurfaceFlood {
  surface: AttackSurface
  endpoint: LogDigest['endpoints'][number]
  share: number
}

/** The attack surface carrying the most requests, when it carries enough of them to be the traffic. */
export function attackSurfaceFlood(bundle: EvidenceBundle): SurfaceFlood | null {
  const logs = bundle.logs
  if (!logs) return null
  const requests = Math.max(logs.totals.requests, logs.endpoints.reduce((sum, e) => sum + e.total, 0))
  const floods = logs.endpoints.flatMap((endpoint) => {
    const surface = ATTACK_SURFACES.find((s) => s.method === endpoint.method.toUpperCase() && s.path.test(endpoint.path.replace(/\?.*$/, '')))
    const share = requests > 0 ? endpoint.total / requests : 0
    return surface && endpoint.total >= MIN_REQUESTS && share >= MIN_SHARE ? [{surface, endpoint, share}] : []
  })
  return floods.sort((a, b) => b.endpoint.total - a.endpoint.total)[0] ?? null
}
