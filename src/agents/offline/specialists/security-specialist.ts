import type {EvidenceBundle} from '../../../evidence/evidence-bundle.js'
import type {SpecialistReport} from '../../../incident/finding.js'
import type {Incident} from '../../../incident/incident.js'
import {analysisFor} from '../offline-hypotheses.js'
import type {CompiledSignature} from '../signatures/compile-signature.js'
import {findingsInScope, fmt, offlineReport, summarize, type Observation} from '../offline-report.js'
import {readableTemplate} from '../../../render/template-text.js'

const ADMIN = /\badmin\b|role (granted|changed)|privilege|sudo|api key (created|issued)|user (created|deleted)|permission/i

/** Authentication-failure bursts by IP or user, credential stuffing, unusual administrative actions. */
export function securitySpecialist(bundle: EvidenceBundle, _incident: Incident, catalogue?: readonly CompiledSignature[]): SpecialistReport {
  const analysis = analysisFor(bundle, catalogue)
  const observations: Observation[] = []
  const auth = analysis.auth
  if (auth) {
    observations.push({
      text: `${fmt(auth.count)} failed authentication attempts logged, each counted once${auth.companions > 0 ? ` (${fmt(auth.companions)} more lines are about the same attempts — PAM records, "Invalid user", break-in warnings, summaries — and were not counted again)` : ''}; they ${auth.trend}.`,
      evidenceIds: auth.evidenceIds,
    })
    if (auth.topIps.length === 0 && auth.sampleIps.length > 0) observations.push({text: `Sampled failures came from ${auth.sampleIps.slice(0, 6).join(', ')}.`, evidenceIds: auth.evidenceIds.slice(0, 1)})
  }
  const clients = bundle.logs?.clients
  if (clients && (clients.distinctIps > 0 || clients.distinctUsers > 0)) {
    observations.push({text: `${fmt(clients.distinctIps)} distinct client IPs and ${fmt(clients.distinctUsers)} distinct users in the logs${clients.capped ? ' (lower bounds)' : ''}.`, evidenceIds: []})
  }
  const byIp = bundle.items.find((item) => item.kind === 'log-clients')
  if (byIp) observations.push({text: `${byIp.summary}.`, evidenceIds: [byIp.id]})
  for (const t of (bundle.logs?.templates ?? []).filter((t) => ADMIN.test(t.template)).slice(0, 3)) {
    observations.push({text: `${fmt(t.count)}× administrative action "${readableTemplate(t.template).slice(0, 160)}".`, evidenceIds: [t.evidenceId]})
  }
  const findings = findingsInScope(analysis, 'security')
  return offlineReport('security', bundle, {
    summary: summarize(findings, 'No authentication-failure burst or unusual administrative action found.'),
    findings,
    observations,
    limitations: [
      byIp
        ? bundle.logs?.clients.loginFailures
          ? 'Per-IP counts are of failed logins that name their address; failures without one (a web login logging no client) are not in them.'
          : 'Per-IP counts are of failed lines of every kind (errors and warnings), not of authentication failures alone.'
        : 'No client IP field was found on failed lines, so how concentrated the failures are by source could not be measured.',
    ],
  })
}
