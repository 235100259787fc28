import type {EvidenceBundle} from '../../../evidence/evidence-bundle.js'
import type {SpecialistReport} from '../../../incident/finding.js'
import type {Incident} from '../../../incident/incident.js'
import {analysisFor} from '../offline-hypotheses.js'
import {findingsInScope, fmt, offlineReport, summarize, type Observation} from '../offline-report.js'

const INFRA_KINDS = new Set(['certificate', 'dns-network', 'external', 'oom', 'disk-full'])
const RESTART = /restart|oomkilled|back-?off|crashloop|exited with|killed process|liveness probe failed|readiness probe failed/i

/** Resource exhaustion, restarts, certificates, DNS/network errors and failing external dependencies. */
export function infrastructureSpecialist(bundle: EvidenceBundle, _incident: Incident): SpecialistReport {
  const analysis = analysisFor(bundle)
  const observations: Observation[] = []
  for (const s of analysis.signatures.filter((s) => INFRA_KINDS.has(s.kind))) {
    observations.push({text: `${fmt(s.count)}× ${s.kind} errors${s.component ? ` (${s.component})` : ''}, e.g. "${s.examples[0] ?? ''}".`, evidenceIds: s.evidenceIds})
  }
  const restarts = (bundle.logs?.templates ?? []).filter((t) => RESTART.test(t.template))
  for (const t of restarts.slice(0, 3)) observations.push({text: `${fmt(t.count)}× "${t.template.slice(0, 160)}".`, evidenceIds: [t.evidenceId]})
  for (const s of analysis.saturated) observations.push({text: `${s.series} reached ${Math.round(s.ratio * 100)}% of its limit at ${s.at}.`, evidenceIds: s.evidenceIds})
  for (const {probe, evidenceId} of analysis.probes) {
    const outcome = probe.error ? `${probe.error}${probe.errorDetail ? ` (${probe.errorDetail})` : ''}` : `HTTP ${probe.status}`
    observations.push({text: `Health probe ${probe.url}: ${outcome} after ${probe.latencyMs} ms.`, evidenceIds: [evidenceId]})
  }
  const findings = findingsInScope(analysis, 'infrastructure')
  return offlineReport('infrastructure', bundle, {
    summary: summarize(findings, 'No resource, certificate, network or external-dependency failure found in the evidence.'),
    findings,
    observations,
    limitations: [
      ...(bundle.health === null ? ['No health probes were given (--health), so reachability was judged from logs and metrics only.'] : []),
      ...(bundle.metrics === null ? ['No metrics were given: CPU, memory and disk headroom are unknown.'] : []),
    ],
  })
}
