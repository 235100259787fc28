import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import type {Finding} from '../../incident/finding.js'
import type {SpecialistId} from '../../incident/vocabulary.js'
import {keyOf} from '../../phases/rca/score-hypotheses.js'
import {authFailureBurst, type AuthFailureBurst} from './auth-failures.js'
import {changeCandidates} from './change-candidates.js'
import {changeHypothesis, unsupportedChange} from './change-hypotheses.js'
import {attackHypothesis, diagnosisHypotheses, probeHypotheses, saturationHypotheses, signatureHypothesis, surgeHypothesis} from './condition-hypotheses.js'
import {databaseDiagnosis, failingProbes, type DatabaseDiagnosis, type FailingProbe} from './diagnostic-signals.js'
import {matchSignatures, type SignatureMatch} from './error-signatures.js'
import {incidentSignals, type IncidentSignals} from './incident-signals.js'
import {memoryRamps, requestRateChange, saturatedResources, type RateChange, type Saturated} from './load-signals.js'
import {scoreChangeCorrelation, type ChangeCorrelation} from './score-change-correlation.js'

/** One hypothesis of the offline engine and the specialists whose scope it falls in. */
export interface OfflineHypothesis {
  finding: Finding
  /** Specialists (besides the root-cause analyst) that report it too, at a lower confidence. */
  domains: SpecialistId[]
}

/** Everything the offline specialists reason over, computed once per bundle (pure). */
export interface OfflineAnalysis {
  signals: IncidentSignals
  signatures: SignatureMatch[]
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
function analyzeBundle(bundle: EvidenceBundle): OfflineAnalysis {
  const signals = incidentSignals(bundle)
  const signatures = matchSignatures(signals).filter((s) => s.share >= 0.1 || s.count >= 5)
  const ramps = memoryRamps(bundle)
  const correlations = changeCandidates(bundle)
    .map((candidate) => scoreChangeCorrelation(candidate, signals, {ramps, logsFrom: bundle.logs?.timeRange?.from ?? null}))
    .sort((a, b) => b.confidence - a.confidence)
  const rate = requestRateChange(bundle)
  const auth = authFailureBurst(bundle)
  const saturated = saturatedResources(bundle)
  const diagnosis = databaseDiagnosis(bundle)
  const probes = failingProbes(bundle)
  const supported = correlations.filter((c) => c.supported)
  const explained = new Set(supported.flatMap((c) => c.concepts))

  const hypotheses: OfflineHypothesis[] = [
    ...supported.map((c) => changeHypothesis(c, signals)),
    ...correlations
      .filter((c) => !c.supported && c.timing > 0)
      .slice(0, MAX_UNSUPPORTED)
      .map((c) => unsupportedChange(c, signals)),
    ...signatures.map((s) => signatureHypothesis(s, signals, saturated, explained)),
    ...saturationHypotheses(saturated, signatures, signals, rate, explained),
    ...surgeHypothesis(rate, bundle, signals, auth),
    ...(auth ? [attackHypothesis(auth, signals)] : []),
    ...diagnosisHypotheses(diagnosis, signals),
    ...probeHypotheses(probes, signals),
  ]
  return {signals, signatures, correlations, rate, auth, saturated, diagnosis, probes, hypotheses: mergeSameCause(hypotheses)}
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

const analyses = new WeakMap<EvidenceBundle, OfflineAnalysis>()

/** The analysis of a bundle, computed once however many specialists ask for it. */
export function analysisFor(bundle: EvidenceBundle): OfflineAnalysis {
  let analysis = analyses.get(bundle)
  if (!analysis) analyses.set(bundle, (analysis = analyzeBundle(bundle)))
  return analysis
}
