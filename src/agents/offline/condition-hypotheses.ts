import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import type {SpecialistId} from '../../incident/vocabulary.js'
import type {SurfaceFlood} from './attack-surfaces.js'
import type {AuthFailureBurst} from './auth-failures.js'
import {isDatabaseUnderPressure, type DatabaseDiagnosis, type FailingProbe} from './diagnostic-signals.js'
import type {FailureCondition} from './failure-conditions.js'
import type {IncidentSignals} from './incident-signals.js'
import {latencyRises, type RateChange, type Saturated} from './load-signals.js'
import type {OfflineHypothesis} from './offline-hypotheses.js'
import type {FailureClass} from './signatures/failure-classes.js'

/**
 * Findings about causes that are not changes and not catalogue failures: saturation, traffic,
 * attacks, live database and health diagnostics. A condition that a supported change explains
 * (memory at its limit after a leak) is kept as a weak, un-echoed consequence.
 */

/** A request-rate rise below this factor is ordinary variation. */
const SURGE_FACTOR = 2

/** The failure classes that already speak for a saturated resource, and those a change explains. */
const CLASSES_OF: Readonly<Record<Saturated['resource'], readonly FailureClass[]>> = {
  memory: ['out-of-memory', 'eviction'],
  disk: ['disk-full'],
  connections: ['db-saturation', 'pool-exhausted'],
  cpu: ['cpu-throttling'],
  other: [],
}

export function saturationHypotheses(saturated: Saturated[], conditions: readonly FailureCondition[], signals: IncidentSignals, rate: RateChange | null, explained: ReadonlySet<FailureClass>, flood: SurfaceFlood | null = null): OfflineHypothesis[] {
  const covered = new Set(conditions.filter((c) => c.fresh).flatMap((c) => c.hits.map((hit) => hit.signature.failure)))
  const surging = rate !== null && rate.factor >= SURGE_FACTOR
  // An attack burns CPU and memory on purpose (a reset flood, a payload storm): their saturation is its effect.
  const attacked = flood !== null || conditions.some((c) => c.fresh && c.category === 'security-attack')
  return saturated
    .filter((s) => s.resource !== 'other' && !CLASSES_OF[s.resource].some((failure) => covered.has(failure)))
    .map((s) => {
      const isDb = s.resource === 'connections'
      const consequence = CLASSES_OF[s.resource].some((failure) => explained.has(failure)) || ((surging || attacked) && (s.resource === 'cpu' || s.resource === 'memory'))
      return {
        finding: {
          hypothesis: `${s.series} reached ${Math.round(s.ratio * 100)}% of its limit at ${s.at.slice(11, 16)} UTC${consequence ? ', a consequence of the load or change named above' : ''}.`,
          category: isDb ? 'database-saturation' : 'resource-exhaustion',
          component: isDb ? 'database' : s.resource,
          change: null,
          onset: signals.onset,
          confidence: consequence ? 0.2 : isDb ? 0.55 : 0.45,
          evidenceIds: [...s.evidenceIds, ...signals.onsetIds],
        },
        domains: consequence ? [] : isDb ? ['database', 'performance'] : ['performance', 'infrastructure'],
      } satisfies OfflineHypothesis
    })
}

/** An access-log request answered "overloaded" (503, 429): one of the surge's own requests. */
const OVERLOAD_ANSWER = /"[A-Z]+ [^"]* HTTP\/[\d.]+" (?:503|429)\b/
/** What drove a rise of request volume besides customers: new errors (a retry storm) or an attack. */
function surgeDrivers(bundle: EvidenceBundle, signals: IncidentSignals, auth: AuthFailureBurst | null, conditions: readonly FailureCondition[], flood: SurfaceFlood | null): {errorDriven: boolean; attackDriven: boolean} {
  const lines = bundle.logs?.totals.lines ?? 0
  // New kinds of error (a retry storm) can make the volume; the same requests failing under load
  // cannot, and an access line answered 503 or 429 is such a request, not an extra one.
  const newErrors = signals.errors.filter((e) => e.isNew && e.kind === 'template' && e.levels.includes('error') && !OVERLOAD_ANSWER.test(e.text)).reduce((sum, e) => sum + e.count, 0)
  return {
    errorDriven: lines > 0 && newErrors / lines >= 0.1,
    attackDriven: flood !== null || (auth !== null && auth.factor >= 3) || conditions.some((c) => c.fresh && c.category === 'security-attack' && c.strength >= 0.4),
  }
}

/** A rise this steep, by customers, is more load than capacity planned for: what ran out under it ran out because of it. */
const OVERLOAD_FACTOR = 3

/** Customers' traffic rose steeply enough that capacity running out is its effect. */
export function overloadedBySurge(rate: RateChange | null, bundle: EvidenceBundle, signals: IncidentSignals, auth: AuthFailureBurst | null, conditions: readonly FailureCondition[], flood: SurfaceFlood | null): boolean {
  if (rate === null || rate.factor < OVERLOAD_FACTOR) return false
  const {errorDriven, attackDriven} = surgeDrivers(bundle, signals, auth, conditions, flood)
  return !errorDriven && !attackDriven
}

export function surgeHypothesis(rate: RateChange | null, bundle: EvidenceBundle, signals: IncidentSignals, auth: AuthFailureBurst | null, conditions: readonly FailureCondition[], flood: SurfaceFlood | null = null): OfflineHypothesis[] {
  if (rate === null || rate.factor < SURGE_FACTOR) return []
  const {errorDriven, attackDriven} = surgeDrivers(bundle, signals, auth, conditions, flood)
  const latency = latencyRises(bundle)
  const busiest = (bundle.logs?.endpoints ?? []).slice().sort((a, b) => b.total - a.total).slice(0, 2)
  const factor = Number.isFinite(rate.factor) ? `×${rate.factor.toFixed(1)}` : 'from nothing'
  return [
    {
      finding: {
        hypothesis: `Traffic surge: ${rate.source} rose ${factor} at ${rate.at.slice(11, 16)} UTC${latency.length > 0 ? ` and ${latency[0].name.replace(/\{.*$/, '')} rose with it` : ''}${errorDriven ? ', but new errors account for much of the extra volume' : attackDriven ? auth !== null && auth.factor >= 3 ? ', driven by the authentication-failure burst' : ', driven by the attack named above' : ' with no new kind of error'}.`,
        category: 'traffic-surge',
        component: null,
        change: null,
        onset: rate.at,
        confidence: errorDriven || attackDriven ? 0.2 : 0.75,
        evidenceIds: [...rate.evidenceIds, ...latency.map((s) => s.evidenceId), ...busiest.map((e) => e.evidenceId), ...signals.onsetIds],
      },
      domains: ['performance'],
    },
  ]
}

/** A flood of an endpoint brute-force tools use: an attack whatever status it answered with. */
export function floodHypothesis(flood: SurfaceFlood, signals: IncidentSignals): OfflineHypothesis {
  const {endpoint, surface, share} = flood
  return {
    finding: {
      hypothesis: `${surface.says}: ${endpoint.method} ${endpoint.path} took ${endpoint.total.toLocaleString('en-US')} requests, ${Math.round(share * 100)}% of all requests logged.`,
      category: 'security-attack',
      component: endpoint.path.replace(/^.*\//, ''),
      change: null,
      onset: signals.onset,
      confidence: share >= 0.5 ? 0.8 : 0.6,
      evidenceIds: [endpoint.evidenceId, ...signals.onsetIds],
    },
    domains: ['security'],
  }
}

export function attackHypothesis(auth: AuthFailureBurst, signals: IncidentSignals): OfflineHypothesis {
  const strong = auth.strong
  const from =
    auth.topIps.length > 0
      ? `; most failed ${auth.rankedBy === 'logins' ? 'logins' : 'lines'} came from ${auth.topIps.slice(0, 4).join(', ')}`
      : auth.sampleIps.length > 0
        ? `; sampled failures come from ${auth.sampleIps.slice(0, 4).join(', ')}`
        : ''
  return {
    finding: {
      hypothesis: `Credential-stuffing or brute-force attack: authentication failures ${auth.trend} (${auth.count.toLocaleString('en-US')} failed login attempts logged, each counted once)${from}.`,
      category: 'security-attack',
      component: 'authentication',
      change: null,
      onset: auth.at,
      confidence: strong ? 0.8 : 0.35,
      evidenceIds: [...auth.evidenceIds, ...signals.onsetIds],
    },
    domains: ['security'],
  }
}

export function diagnosisHypotheses(diagnosis: DatabaseDiagnosis | null, signals: IncidentSignals): OfflineHypothesis[] {
  if (!diagnosis || !isDatabaseUnderPressure(diagnosis)) return []
  return [
    {
      finding: {
        hypothesis: `The database is saturated (live diagnosis): ${diagnosis.facts.join('; ')}.`,
        category: 'database-saturation',
        component: 'database',
        change: null,
        onset: signals.onset,
        confidence: diagnosis.saturated ? 0.6 : 0.45,
        evidenceIds: [...diagnosis.evidenceIds, ...signals.onsetIds],
      },
      domains: ['database', 'performance'],
    },
  ]
}

/** A probe failing on TLS or name resolution names a cause; refused or timed-out probes are symptoms. */
export function probeHypotheses(probes: FailingProbe[], signals: IncidentSignals): OfflineHypothesis[] {
  return probes.flatMap(({probe, evidenceId}): OfflineHypothesis[] => {
    if (probe.error !== 'tls' && probe.error !== 'dns') return []
    const host = hostOf(probe.url)
    const tls = probe.error === 'tls'
    return [
      {
        finding: {
          hypothesis: tls
            ? `The health probe of ${probe.url} fails TLS verification (${probe.errorDetail ?? 'certificate rejected'}): its certificate may have expired.`
            : `The health probe of ${probe.url} cannot resolve ${host} (${probe.errorDetail ?? 'DNS failure'}).`,
          category: tls ? 'certificate-expiry' : 'network',
          component: host.split('.')[0],
          change: null,
          onset: signals.onset,
          confidence: 0.45,
          evidenceIds: [evidenceId, ...signals.onsetIds],
        },
        domains: ['infrastructure'],
      },
    ]
  })
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return url
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

