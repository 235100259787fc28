import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import type {Finding} from '../../incident/finding.js'
import type {SpecialistId} from '../../incident/vocabulary.js'
import {keyOf} from '../../phases/rca/score-hypotheses.js'
import {attackSurfaceFlood} from './attack-surfaces.js'
import {authFailureBurst, type AuthFailureBurst} from './auth-failures.js'
import {changeCandidates} from './change-candidates.js'
import {changeHypothesis, unsupportedChange} from './change-hypotheses.js'
import {attackHypothesis, diagnosisHypotheses, floodHypothesis, overloadedBySurge, probeHypotheses, saturationHypotheses, surgeHypothesis} from './condition-hypotheses.js'
import {databaseDiagnosis, failingProbes, type DatabaseDiagnosis, type FailingProbe} from './diagnostic-signals.js'
import {failureConditions, orderCascade, type Cascade, type FailureCondition} from './failure-conditions.js'
import {failureHypotheses} from './failure-hypotheses.js'
import {incidentSignals, type IncidentSignals} from './incident-signals.js'
import {memoryRamps, requestRateChange, saturatedResources, type RateChange, type Saturated} from './load-signals.js'
import {scoreChangeCorrelation, withoutUnexplainedFailure, type ChangeCorrelation} from './score-change-correlation.js'
import {matchSignatureHits, type SignatureHit} from './signature-hits.js'
import {builtInCatalogue} from './signatures/catalogue.js'
import type {CompiledSignature} from './signatures/compile-signature.js'

/** One hypothesis of the offline engine and the specialists whose scope it falls in. */
export interface OfflineHypothesis {
  finding: Finding
  /** Specialists (besides the root-cause analyst) that report it too, at a lower confidence. */
  domains: SpecialistId[]
}

/** Everything the offline specialists reason over, computed once per bundle (pure). */
export interface OfflineAnalysis {
  signals: IncidentSignals
  /** Catalogue signatures found in the logs and metrics. */
  hits: SignatureHit[]
  /** The hits grouped by what failed, and their causal order. */
  conditions: FailureCondition[]
  cascade: Cascade
  correlations: ChangeCorrelation[]
  rate: RateChange | null
  auth: AuthFailureBurst | null
  saturated: Saturated[]
  /** The live PostgreSQL diagnosis, when a database was examined. */
  diagnosis: DatabaseDiagnosis | null
  /** Health probes that did not answer OK. */
  probes: FailingProbe[]
  hypotheses: OfflineHypothesis[]
}

/** Unsupported changes kept as low-confidence alternatives, closest first. */
const MAX_UNSUPPORTED = 3

/** Every hypothesis the evidence supports, changes and conditions alike, merged and ranked. */
function analyzeBundle(bundle: EvidenceBundle, catalogue: readonly CompiledSignature[]): OfflineAnalysis {
  const found = incidentSignals(bundle)
  const hits = matchSignatureHits(found, bundle.metrics?.series ?? [], catalogue)
  const conditions = failureConditions(hits)
  const cascade = orderCascade(conditions)
  const signals = boundedByFirstFailure(found, bundle, conditions)
  const ramps = memoryRamps(bundle)
  const correlations = changeCandidates(bundle, signals.onset === found.onset ? null : signals.onset)
    .map((candidate) => scoreChangeCorrelation(candidate, signals, {ramps, logsFrom: bundle.logs?.timeRange?.from ?? null, conditions, first: cascade.primary}))
    .map((c) => withoutUnexplainedFailure(c, cascade.primary))
    .sort((a, b) => b.confidence - a.confidence)
  const rate = requestRateChange(bundle)
  const auth = authFailureBurst(bundle)
  const saturated = saturatedResources(bundle)
  const diagnosis = databaseDiagnosis(bundle)
  const probes = failingProbes(bundle)
  const flood = attackSurfaceFlood(bundle)
  const supported = correlations.filter((c) => c.supported)
  const explained = new Set(supported.flatMap((c) => c.explains))

  const hypotheses: OfflineHypothesis[] = [
    ...supported.map((c) => changeHypothesis(c, signals)),
    ...correlations
      .filter((c) => !c.supported && c.timing > 0)
      .slice(0, MAX_UNSUPPORTED)
      .map((c) => unsupportedChange(c, signals)),
    ...failureHypotheses(conditions, cascade, signals, saturated, explained, overloadedBySurge(rate, bundle, signals, auth, conditions, flood)),
    ...saturationHypotheses(saturated, conditions, signals, rate, explained, flood),
    ...surgeHypothesis(rate, bundle, signals, auth, conditions, flood),
    ...(auth ? [attackHypothesis(auth, signals)] : []),
    ...(flood ? [floodHypothesis(flood, signals)] : []),
    ...diagnosisHypotheses(diagnosis, signals),
    ...probeHypotheses(probes, signals),
  ]
  return {signals, hits, conditions, cascade, correlations, rate, auth, saturated, diagnosis, probes, hypotheses: mergeSameCause(hypotheses)}
}

/**
 * The onset the logs did not give (no change-point: it came from the declaration or a metric) is
 * bounded by the first new failure the logs show: a declared 02:06 with syntax errors from 02:00
 * means the incident began at 02:00, and changes are timed against that.
 */
function boundedByFirstFailure(signals: IncidentSignals, bundle: EvidenceBundle, conditions: readonly FailureCondition[]): IncidentSignals {
  if (bundle.window.onsetSource === 'logs' || signals.onsetMs === null) return signals
  const first = conditions
    .filter((c) => c.fresh && c.category !== 'unknown' && c.startMs !== null && c.hits.some((hit) => hit.timed && !hit.metric))
    .sort((a, b) => a.startMs! - b.startMs!)[0]
  // A minute's slack: metric change-points sit on minute boundaries.
  if (!first || first.startMs! >= signals.onsetMs - 60_000) return signals
  return {...signals, onsetMs: first.startMs!, onset: new Date(first.startMs!).toISOString(), onsetIds: first.evidenceIds.slice(0, 1)}
}

/** Findings naming the same cause (keyed as the RCA groups them) become one, keeping the strongest wording. */
function mergeSameCause(hypotheses: OfflineHypothesis[]): OfflineHypothesis[] {
  const byKey = new Map<string, OfflineHypothesis>()
  for (const h of hypotheses) {
    const f = h.finding
    const key = keyOf(f)
    const seen = byKey.get(key)
    if (!seen) {
      byKey.set(key, {finding: {...f, evidenceIds: [...new Set(f.evidenceIds)]}, domains: h.domains})
      continue
    }
    const [strong, weak] = seen.finding.confidence >= f.confidence ? [seen.finding, f] : [f, seen.finding]
    byKey.set(key, {
      finding: {...strong, confidence: round(Math.min(0.9, strong.confidence + 0.05 * Number(weak.confidence > 0.3))), evidenceIds: [...new Set([...strong.evidenceIds, ...weak.evidenceIds])]},
      domains: [...new Set([...seen.domains, ...h.domains])],
    })
  }
  return [...byKey.values()].sort((a, b) => b.finding.confidence - a.finding.confidence)
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

const analyses = new WeakMap<readonly CompiledSignature[], WeakMap<EvidenceBundle, OfflineAnalysis>>()

/** The analysis of a bundle with a catalogue, computed once however many specialists ask for it. */
export function analysisFor(bundle: EvidenceBundle, catalogue: readonly CompiledSignature[] = builtInCatalogue()): OfflineAnalysis {
  let byBundle = analyses.get(catalogue)
  if (!byBundle) analyses.set(catalogue, (byBundle = new WeakMap()))
  let analysis = byBundle.get(bundle)
  if (!analysis) byBundle.set(bundle, (analysis = analyzeBundle(bundle, catalogue)))
  return analysis
}
