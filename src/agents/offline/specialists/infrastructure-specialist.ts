import type {EvidenceBundle} from '../../../evidence/evidence-bundle.js'
import type {SpecialistReport} from '../../../incident/finding.js'
import type {Incident} from '../../../incident/incident.js'
import {analysisFor} from '../offline-hypotheses.js'
import type {CompiledSignature} from '../signatures/compile-signature.js'
import type {FailureClass} from '../signatures/failure-classes.js'
import {findingsInScope, fmt, offlineReport, summarize, type Observation} from '../offline-report.js'
import {readableTemplate} from '../../../render/template-text.js'

const INFRA_FAILURES = new Set<FailureClass>([
  'out-of-memory', 'disk-full', 'cpu-throttling', 'fd-exhaustion', 'dns-failure', 'connection-reset', 'connection-refused', 'tls-expired', 'tls-invalid',
  'timeout', 'deadline', 'upstream-5xx', 'dependency-unavailable', 'image-pull', 'scheduling', 'eviction', 'node-failure', 'crash-loop', 'probe-failure', 'missing-config',
])
const RESTART = /restart|oomkilled|back-?off|crashloop|exited with|killed process|liveness probe failed|readiness probe failed/i

/** Resource exhaustion, restarts, certificates, DNS/network errors and failing external dependencies. */
export function infrastructureSpecialist(bundle: EvidenceBundle, _incident: Incident, catalogue?: readonly CompiledSignature[]): SpecialistReport {
  const analysis = analysisFor(bundle, catalogue)
  const observations: Observation[] = []
  for (const c of analysis.conditions.filter((c) => c.fresh && INFRA_FAILURES.has(c.failure))) {
    const example = readableTemplate(c.hits.flatMap((hit) => hit.examples)[0] ?? '')
    observations.push({text: `${fmt(c.count)}× ${c.hits[0].signature.title}${c.component ? ` (${c.component})` : ''}, e.g. "${example}".`, evidenceIds: c.evidenceIds})
  }
  const restarts = (bundle.logs?.templates ?? []).filter((t) => RESTART.test(t.template))
  for (const t of restarts.slice(0, 3)) observations.push({text: `${fmt(t.count)}× "${readableTemplate(t.template).slice(0, 160)}".`, evidenceIds: [t.evidenceId]})
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
