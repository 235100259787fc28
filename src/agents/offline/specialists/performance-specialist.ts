import type {EvidenceBundle} from '../../../evidence/evidence-bundle.js'
import type {SpecialistReport} from '../../../incident/finding.js'
import type {Incident} from '../../../incident/incident.js'
import {latencyRises} from '../load-signals.js'
import {analysisFor} from '../offline-hypotheses.js'
import type {CompiledSignature} from '../signatures/compile-signature.js'
import {findingsInScope, offlineReport, summarize, type Observation} from '../offline-report.js'

/** Latency and throughput change-points, saturation of pools, CPU and memory. */
export function performanceSpecialist(bundle: EvidenceBundle, _incident: Incident, catalogue?: readonly CompiledSignature[]): SpecialistReport {
  const analysis = analysisFor(bundle, catalogue)
  const observations: Observation[] = []
  const latency = bundle.logs?.latency
  if (latency?.p95BaselineMs != null && latency.p95IncidentMs != null) {
    observations.push({
      text: `Request latency p95 ${Math.round(latency.p95BaselineMs)} ms before the onset, ${Math.round(latency.p95IncidentMs)} ms since (p50 ${Math.round(latency.p50BaselineMs ?? 0)} → ${Math.round(latency.p50IncidentMs ?? 0)} ms).`,
      evidenceIds: bundle.logs?.onset ? [bundle.logs.onset.evidenceId] : [],
    })
  }
  for (const s of latencyRises(bundle).slice(0, 3)) {
    observations.push({text: `${s.name} rose from ${s.changePoint!.before} to ${s.changePoint!.after} at ${s.changePoint!.at}.`, evidenceIds: [s.evidenceId]})
  }
  if (analysis.rate) {
    const factor = Number.isFinite(analysis.rate.factor) ? `×${analysis.rate.factor.toFixed(1)}` : 'from zero'
    observations.push({text: `${analysis.rate.source} changed ${factor} at ${analysis.rate.at}.`, evidenceIds: analysis.rate.evidenceIds})
  }
  for (const s of analysis.saturated.slice(0, 3)) {
    observations.push({text: `${s.series} reached ${Math.round(s.ratio * 100)}% of its limit at ${s.at}.`, evidenceIds: s.evidenceIds})
  }
  const findings = findingsInScope(analysis, 'performance')
  return offlineReport('performance', bundle, {
    summary: summarize(findings, 'No latency, throughput or saturation signal points at one cause.'),
    findings,
    observations,
    limitations: [
      ...(bundle.metrics === null ? ['No metrics were given (--metrics): latency, throughput and saturation come from the logs alone.'] : []),
      ...(latency == null && bundle.metrics === null ? ['The logs carry no request durations, so latency could not be measured.'] : []),
    ],
  })
}
