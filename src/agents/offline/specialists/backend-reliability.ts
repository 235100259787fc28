import type {EvidenceBundle} from '../../../evidence/evidence-bundle.js'
import type {SpecialistReport} from '../../../incident/finding.js'
import type {Incident} from '../../../incident/incident.js'
import {formatPercent} from '../../../render/format.js'
import {analysisFor} from '../offline-hypotheses.js'
import type {CompiledSignature} from '../signatures/compile-signature.js'
import {findingsInScope, fmt, offlineReport, summarize, type Observation} from '../offline-report.js'
import {readableTemplate} from '../../../render/template-text.js'

/** Error templates new or surging since onset, exceptions and their frames, failing endpoints, 5xx, users. */
export function backendReliability(bundle: EvidenceBundle, _incident: Incident, catalogue?: readonly CompiledSignature[]): SpecialistReport {
  const analysis = analysisFor(bundle, catalogue)
  const logs = bundle.logs
  const observations: Observation[] = []
  for (const t of (logs?.templates ?? []).filter((t) => (t.isNew || t.surgeScore >= 1) && t.levels.includes('error')).slice(0, 4)) {
    const how = t.isNew ? 'new since onset' : `surging ×${(2 ** t.surgeScore).toFixed(1)}`
    observations.push({text: `${fmt(t.incidentCount)}× "${readableTemplate(t.template).slice(0, 160)}" (${how}).`, evidenceIds: [t.evidenceId]})
  }
  for (const e of (logs?.exceptions ?? []).slice(0, 3)) {
    const top = e.frames[0]
    observations.push({text: `${fmt(e.count)}× ${e.type}: ${e.message.slice(0, 120)}${top ? ` at ${top.file}:${top.line}` : ''}.`, evidenceIds: [e.evidenceId]})
  }
  for (const endpoint of (logs?.endpoints ?? []).filter((e) => e.errors > 0).slice(0, 3)) {
    observations.push({
      text: `${endpoint.method} ${endpoint.path}: ${fmt(endpoint.errors)} errors (${fmt(endpoint.http5xx)} 5xx) of ${fmt(endpoint.total)} requests.`,
      evidenceIds: [endpoint.evidenceId],
    })
  }
  const healthy = (logs?.endpoints ?? []).filter((e) => e.errors === 0 && e.total > 0)
  if (healthy.length > 0 && observations.some((o) => o.text.includes(' errors ('))) {
    observations.push({text: `Unaffected endpoints: ${healthy.slice(0, 4).map((e) => `${e.method} ${e.path}`).join(', ')}.`, evidenceIds: healthy.slice(0, 4).map((e) => e.evidenceId)})
  }
  if (logs?.onset) {
    observations.push({
      text: `Error rate ${pct(logs.onset.baselineErrorRate)} before and ${pct(logs.onset.incidentErrorRate)} since the onset; ${fmt(logs.totals.http5xx)} 5xx responses logged.`,
      evidenceIds: [logs.onset.evidenceId],
    })
  }
  const affected = logs?.clients.topUsers.filter((u) => u.errors > 0).length ?? 0
  if (affected > 0) observations.push({text: `At least ${fmt(affected)} distinct users saw errors${logs?.clients.capped ? ' (user counting was capped)' : ''}.`, evidenceIds: []})
  const findings = findingsInScope(analysis, 'backend-reliability')
  return offlineReport('backend-reliability', bundle, {
    summary: summarize(findings, logs ? 'The errors do not point at one cause on their own.' : 'No logs to examine.'),
    findings,
    observations,
    limitations: logs === null ? ['No logs were given (--logs): error templates, exceptions and endpoints could not be examined.'] : [],
  })
}

/** An error rate, with a second decimal below 1%. */
const pct = (rate: number) => formatPercent(rate, rate < 0.01 ? 2 : 1)
