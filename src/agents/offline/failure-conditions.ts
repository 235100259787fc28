import type {RootCauseCategory} from '../../incident/vocabulary.js'
import type {SignatureHit} from './signature-hits.js'
import type {FailureClass} from './signatures/failure-classes.js'

/**
 * Signature hits grouped into conditions: one failing thing (an upstream host, the database,
 * memory) with the category it would be as a cause. Hits of several signatures and classes name
 * the same condition when they agree on category and component (an upstream's 503s and its
 * timeouts are one external-dependency condition on that host).
 */
export interface FailureCondition {
  key: string
  category: RootCauseCategory
  component: string | null
  /** The class of its strongest hit. */
  failure: FailureClass
  role: 'origin' | 'effect'
  /** Confidence this condition would have as the cause, before cascade and change weighing. */
  strength: number
  hits: SignatureHit[]
  startMs: number | null
  count: number
  share: number
  isNew: boolean
  fresh: boolean
  /** Upstream hosts its hits name. */
  hosts: string[]
  evidenceIds: string[]
}

/** The first failure and what followed from it. */
export interface Cascade {
  primary: FailureCondition | null
  /** Effect-type conditions that started with or after the primary: consequences of it. */
  effects: FailureCondition[]
  /** Cause-type conditions that started clearly after the primary. */
  later: FailureCondition[]
}

/** Two starts closer than this are simultaneous (log timestamps, minute-bucketed metrics). */
const SIMULTANEOUS_MS = 60_000
const INTERNAL_HOST = /(^|\.)(internal|local|localhost|svc|lan|corp|intranet|cluster\.local)$|^(10|127)\.|^192\.168\.|^172\.(1[6-9]|2\d|3[01])\.|^[^.]+$/i
const IP = /^(?:\d{1,3}\.){3}\d{1,3}$|^\[?[\da-f:]+\]?$/i
/** Upstream-ish classes whose component is the host they name. */
const HOST_CLASSES = new Set<FailureClass>(['deadline', 'connection-refused', 'upstream-5xx', 'dependency-unavailable', 'circuit-open', 'retries-exhausted', 'auth-rejected', 'tls-expired', 'tls-invalid', 'connection-reset'])
const RESOURCE_OF: Partial<Record<FailureClass, string>> = {
  'out-of-memory': 'memory',
  'disk-full': 'disk',
  'cpu-throttling': 'cpu',
  'fd-exhaustion': 'file descriptors',
  'kernel-table-full': 'kernel tables',
  'db-saturation': 'database',
  'db-writes-stopped': 'database',
  'lock-contention': 'database',
  'query-timeout': 'database',
}

export function failureConditions(found: readonly SignatureHit[]): FailureCondition[] {
  const specific = dropRedundant(found)
  const hits = specific.map((hit) => borrowHosts(hit, specific))
  // Timeouts name the network when they reach several destinations, one dependency when one.
  const spread = timeoutDestinations(hits).size >= 2
  const byKey = new Map<string, FailureCondition>()
  for (const hit of hits) {
    const {category, component, factor} = resolve(hit, spread)
    const key = `${category}:${component ?? '*'}`
    const info = hit.signature.info
    const strength = info.strength * factor
    const condition = byKey.get(key) ?? {
      key,
      category,
      component,
      failure: hit.signature.failure,
      role: info.role,
      strength: 0,
      hits: [],
      startMs: null,
      count: 0,
      share: 0,
      isNew: false,
      fresh: false,
      hosts: [],
      evidenceIds: [],
    }
    if (strength > condition.strength || (condition.role === 'effect' && info.role === 'origin')) {
      condition.failure = hit.signature.failure
      condition.role = condition.role === 'origin' ? 'origin' : info.role
    }
    condition.strength = Math.max(condition.strength, strength)
    condition.hits.push(hit)
    if (hit.startMs !== null && (condition.startMs === null || hit.startMs < condition.startMs)) condition.startMs = hit.startMs
    condition.count = Math.max(condition.count, hit.count)
    condition.share = Math.min(1, Math.max(condition.share, hit.share))
    condition.isNew ||= hit.isNew
    condition.fresh ||= hit.fresh
    condition.hosts = [...new Set([...condition.hosts, ...hostsOf(hit)])]
    condition.evidenceIds = [...new Set([...condition.evidenceIds, ...hit.evidenceIds])]
    byKey.set(key, condition)
  }
  return foldUnnamed([...byKey.values()])
}

/**
 * The destinations the timeouts reached: per log line, its host names, or its addresses when it
 * names no host (a line with both names `api.example.com` and the address it resolved to).
 */
function timeoutDestinations(hits: readonly SignatureHit[]): Set<string> {
  const byEvidence = new Map<string, Set<string>>()
  for (const hit of hits.filter((h) => h.signature.failure === 'timeout')) {
    for (const id of hit.evidenceIds) {
      const set = byEvidence.get(id) ?? new Set<string>()
      for (const host of hostsOf(hit)) set.add(host)
      byEvidence.set(id, set)
    }
  }
  const destinations = new Set<string>()
  for (const hosts of byEvidence.values()) {
    const named = [...hosts].filter((host) => !IP.test(host))
    for (const host of named.length > 0 ? named : hosts) destinations.add(host)
  }
  return destinations
}

/**
 * A generic wording (any runtime's "timed out") adds nothing where a specific signature read the
 * same lines; an entry another one found supersedes (ErrImagePull beside a registry's 429) is that
 * one's consequence.
 */
function dropRedundant(hits: readonly SignatureHit[]): SignatureHit[] {
  const generic = (hit: SignatureHit) => hit.signature.ecosystem === 'system'
  const covered = new Set(hits.filter((hit) => !generic(hit)).flatMap((hit) => hit.evidenceIds))
  const superseded = new Set(hits.filter((hit) => hit.fresh).flatMap((hit) => hit.signature.supersedes))
  return hits.filter((hit) => !superseded.has(hit.signature.id) && (!generic(hit) || hit.metric || !hit.evidenceIds.every((id) => covered.has(id))))
}

/**
 * A hit with no host name of its own (a generic "timed out", an address only) on the same lines
 * as a hit that names one (undici's "attempted address: host:443", node-redis's "Redis
 * connection to redis-master:6379") is about that host too.
 */
function borrowHosts(hit: SignatureHit, all: readonly SignatureHit[]): SignatureHit {
  if (hit.metric || hostsOf(hit).some((host) => !IP.test(host))) return hit
  const ids = new Set(hit.evidenceIds)
  const donor = all.find((other) => other !== hit && hostsOf(other).some((host) => !IP.test(host)) && other.evidenceIds.some((id) => ids.has(id)))
  return donor ? {...hit, extracted: {...hit.extracted, host: hostsOf(donor).filter((host) => !IP.test(host)), url: []}} : hit
}

/**
 * An external-dependency condition that names no host (a client error metric, an unnamed
 * breaker) is about the one dependency the other conditions name, when they name exactly one.
 */
function foldUnnamed(conditions: FailureCondition[]): FailureCondition[] {
  const named = conditions.filter((c) => c.category === 'external-dependency' && c.component !== null)
  if (named.length !== 1) return conditions
  const [target] = named
  const out: FailureCondition[] = []
  for (const c of conditions) {
    if (c.category !== 'external-dependency' || c.component !== null) {
      out.push(c)
      continue
    }
    target.hits.push(...c.hits)
    target.evidenceIds = [...new Set([...target.evidenceIds, ...c.evidenceIds])]
    target.count = Math.max(target.count, c.count)
    target.share = Math.min(1, Math.max(target.share, c.share))
    target.isNew ||= c.isNew
    target.fresh ||= c.fresh
    if (c.startMs !== null && (target.startMs === null || c.startMs < target.startMs)) target.startMs = c.startMs
  }
  return out
}

/**
 * Causal order among the fresh conditions: the earliest one that can be a cause is the first
 * candidate; effect-type conditions (pool exhaustion, retries, an open breaker, 5xx at the edge)
 * from then on are its effects; cause-type ones that start clearly later followed it.
 */
export function orderCascade(conditions: readonly FailureCondition[]): Cascade {
  const fresh = conditions.filter((c) => c.fresh && c.category !== 'unknown')
  const ordered = [...fresh].sort((a, b) => (a.startMs ?? Infinity) - (b.startMs ?? Infinity) || Number(b.role === 'origin') - Number(a.role === 'origin') || b.strength - a.strength)
  const primary =
    ordered.find((c) => c.role === 'origin' && c.strength >= 0.4 && !c.hits.every((hit) => hit.metric)) ??
    ordered.find((c) => c.role === 'origin' && c.strength >= 0.4) ??
    ordered.find((c) => c.role === 'origin') ??
    ordered[0] ??
    null
  if (primary === null) return {primary: null, effects: [], later: []}
  const startedAfter = (c: FailureCondition, slack: number) => c.startMs === null || primary.startMs === null || c.startMs >= primary.startMs - slack
  // The same dependency failing in another way after it first failed (refused, then timing out) is one failure.
  const sameThing = (c: FailureCondition) => primary.component !== null && c.component === primary.component
  const effects = ordered.filter((c) => c !== primary && (c.role === 'effect' || sameThing(c)) && startedAfter(c, SIMULTANEOUS_MS))
  return {
    primary,
    effects,
    later: ordered.filter((c) => c !== primary && !effects.includes(c) && c.role === 'origin' && c.startMs !== null && primary.startMs !== null && c.startMs > primary.startMs + SIMULTANEOUS_MS),
  }
}

/** Host names and addresses a hit names (its `host` values and the hosts of its URLs). */
export function hostsOf(hit: SignatureHit): string[] {
  const hosts = [...(hit.extracted.host ?? []), ...(hit.extracted.url ?? []).map(hostOfUrl)]
  return [...new Set(hosts.map((host) => host.toLowerCase().replace(/\.$/, '')).filter((host) => host.length > 0 && !host.includes('<') && host !== 'localhost'))]
}

function hostOfUrl(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return ''
  }
}

function resolve(hit: SignatureHit, timeoutsSpread: boolean): {category: RootCauseCategory; component: string | null; factor: number} {
  const failure = hit.signature.failure
  const category = hit.signature.category
  const hosts = hostsOf(hit)
  const named = hosts.filter((host) => !IP.test(host))
  const found = named[0] ?? hosts[0] ?? null
  const host = found === null ? null : displayHost(found)
  const first = (field: keyof SignatureHit['extracted']) => hit.extracted[field]?.[0] ?? null
  switch (failure) {
    case 'timeout':
      if (category !== 'external-dependency') return {category, component: host, factor: 1}
      if (timeoutsSpread) return {category: 'network', component: null, factor: 1}
      if (named.length === 1) return {category, component: displayHost(named[0]), factor: 1}
      // Timeouts to an address, or to nothing named: the network as much as anything.
      return {category: 'network', component: host, factor: host === null ? 0.75 : 0.9}
    case 'deadline':
      // Named: that dependency was slow. Unnamed or an address only: where the time went is not said.
      if (category !== 'external-dependency' || named.length === 1) return {category, component: named.length === 1 ? displayHost(named[0]) : host, factor: 1}
      return {category: 'unknown', component: host, factor: 1}
    case 'rate-limited':
      // Throttled by a vendor we call (a host named, or a vendor's own wording), or throttling our own callers under load.
      if (named.length > 0) return {category: 'external-dependency', component: displayHost(named[0]), factor: 1}
      return {category, component: category === 'external-dependency' ? (first('command') ?? null) : null, factor: 1}
    case 'dns-failure':
      // The name server itself did not answer (timeouts to port 53): the resolver or the path to it.
      if (first('resolver') !== null) return {category: 'network', component: first('resolver'), factor: 1}
      // A third-party name that does not resolve is that vendor's failure as the service sees it
      // (several at once too: they may share a DNS provider, as Dyn's customers did in 2016).
      if (named.length > 0 && named.every((h) => !INTERNAL_HOST.test(h))) return {category: 'external-dependency', component: named[0], factor: 1}
      return {category, component: host, factor: 1}
    default:
      if (HOST_CLASSES.has(failure)) {
        const component = host ?? first('breaker') ?? first('subject')
        return {category, component, factor: component === null ? 0.8 : 1}
      }
      return {category, component: RESOURCE_OF[failure] ?? first('variable') ?? first('pool') ?? first('resource') ?? first('image') ?? first('command') ?? first('container') ?? null, factor: 1}
  }
}

/** An internal service is named by its first label (`inventory` for inventory.shop.svc.cluster.local). */
function displayHost(host: string): string {
  return INTERNAL_HOST.test(host) && !IP.test(host) ? host.split('.')[0] : host
}
