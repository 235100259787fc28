import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {ActionItem} from '../../incident/action-item.js'
import type {EvidenceItem} from '../../incident/evidence-item.js'
import type {SpecialistReport} from '../../incident/finding.js'
import type {Incident} from '../../incident/incident.js'
import type {Rca} from '../../incident/rca.js'
import {SEVERITY_LEVELS} from '../../incident/severity.js'
import {citedEvidence} from '../../render/evidence-refs.js'
import {formatCount, formatMinutes, formatPercent, formatTime, minutesBetween} from '../../render/format.js'
import {rcaParts} from '../rca/rca-view.js'
import type {TriageResult} from '../triage/triage-result.js'
import type {Narrative} from './narrative.js'

export interface PostmortemInput {
  incident: Incident
  rca: Rca
  triage: TriageResult | null
  reports: readonly SpecialistReport[]
  actionItems: readonly ActionItem[]
  facts: EvidenceFacts
  evidence: readonly EvidenceItem[]
  narrative: Narrative
  responders: string[]
}

/** Everything the postmortem, summary and action-item templates show, computed once (pure). */
export function postmortemView(input: PostmortemInput) {
  const {incident, rca, triage, facts, narrative} = input
  const t = incident.timestamps
  const onset = t.startedAt ?? rca.rootCause.onset
  const end = t.resolvedAt ?? t.mitigatedAt
  const duration = formatMinutes(minutesBetween(onset, end ?? facts.errors?.lastErrorAt ?? null)) + (end ? '' : ' (still open; measured to the last error seen)')
  const top = triage?.mitigations[0]
  const resolution =
    incident.resolution ?? incident.mitigation ?? (top ? `Not resolved yet. The recommended mitigation from triage is: ${top.title}${top.command ? ` (\`${top.command}\`)` : ''}.` : 'Not resolved yet; no mitigation is recorded.')
  const ids = new Set([...rca.rootCause.evidenceIds, ...rca.impact.evidenceIds, ...rca.timeline.flatMap((event) => event.evidenceIds), ...rca.contributingFactors.flatMap((factor) => factor.evidenceIds)])
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    severityMeaning: SEVERITY_LEVELS[incident.severity].meaning,
    status: incident.status,
    service: incident.service ?? 'unknown',
    startedAt: formatTime(onset),
    duration,
    ...rcaParts(rca),
    executiveSummary: narrative.executiveSummary,
    userImpact: `${rca.impact.affectedUsers === null ? 'the number of users affected is not known from the evidence' : `${formatCount(rca.impact.affectedUsers)} distinct users seen failing`}; ${formatCount(rca.impact.errorCount)} error lines logged${rca.impact.peakErrorRate !== null ? `, peak error rate ${formatPercent(rca.impact.peakErrorRate)} of log lines in a minute` : ''}.`,
    functionalityLost: rca.impact.affectedEndpoints.length > 0 ? rca.impact.affectedEndpoints.map((item) => `\`${item.endpoint}\``).join(', ') : 'unknown from the evidence',
    dataLoss: incident.symptoms.includes('data-corruption') ? 'possible — data corruption was reported; verify affected records' : 'none indicated by the evidence',
    securityImplications: incident.symptoms.includes('security-incident') || rca.rootCause.category === 'security-attack' ? 'yes — see root cause; rotate exposed credentials and review access logs' : 'none indicated by the evidence',
    businessImpact: `${incident.severity} (${SEVERITY_LEVELS[incident.severity].scope}); revenue, support tickets and SLA impact are to be filled in by the service owner.`,
    leadup: leadup(rca, facts),
    detection: `Declared at ${formatTime(t.detectedAt)}, ${formatMinutes(minutesBetween(onset, t.detectedAt))} after the onset at ${formatTime(onset)}.${t.acknowledgedAt ? ` Acknowledged at ${formatTime(t.acknowledgedAt)}.` : ''}`,
    response: response(incident, input.reports, triage),
    resolution,
    metrics: {
      timeToDetect: formatMinutes(minutesBetween(onset, t.detectedAt)),
      timeToAcknowledge: formatMinutes(minutesBetween(t.detectedAt, t.acknowledgedAt)),
      timeToMitigate: formatMinutes(minutesBetween(onset, t.mitigatedAt)),
      timeToResolve: formatMinutes(minutesBetween(onset, t.resolvedAt)),
    },
    wentWell: narrative.wentWell,
    wentWrong: narrative.wentWrong,
    gotLucky: narrative.gotLucky,
    lessons: narrative.lessons,
    narrativeByClaude: narrative.author === 'claude',
    actionItems: input.actionItems.map((item) => ({...item, tracking: item.jiraKey ?? 'action-items.json'})),
    actionItemCount: input.actionItems.length,
    criticalCount: input.actionItems.filter((item) => item.priority === 'CRITICAL').length,
    recurrence: `Category \`${rca.rootCause.category}\`. Run \`incident-response stats\` to see earlier incidents of this category and how their action items fared.`,
    responders: input.responders.length > 0 ? input.responders.join(', ') : 'On-call engineer (incident commander)',
    internalMessage: narrative.executiveSummary,
    externalMessage: end
      ? `Between ${formatTime(onset)} and ${formatTime(end)}, some requests to ${incident.service ?? 'our service'} failed. The issue is resolved and we are taking steps to prevent it from recurring.`
      : (triage?.statusPage ?? `We are investigating an issue affecting ${incident.service ?? 'our service'}.`),
    evidence: citedEvidence(input.evidence, ids),
  }
}

function leadup(rca: Rca, facts: EvidenceFacts): string {
  const before = facts.changes.filter((change) => !change.afterOnset && change.minutesBeforeOnset !== null && change.minutesBeforeOnset <= 24 * 60)
  const kinds = [...new Set(before.map((change) => change.kind))]
  const changes = before.length > 0 ? `${before.length} change(s) landed in the 24 h before the onset (${kinds.join(', ')}).` : 'No changes were found in the 24 h before the onset.'
  const deploys = facts.events.filter((event) => (event.minutesBeforeOnset ?? -1) >= 0)
  return `${changes}${deploys.length > 0 ? ` ${deploys.length} deploy/flag/config event(s) preceded it.` : ''} ${rca.rootCause.change ? `The causal change was ${rca.rootCause.change.sha?.slice(0, 7) ?? ''} "${rca.rootCause.change.subject}".` : 'None of them is supported as the cause.'}`
}

function response(incident: Incident, reports: readonly SpecialistReport[], triage: TriageResult | null): string {
  const parts = [`Escalation plan for ${incident.severity} (respond ${SEVERITY_LEVELS[incident.severity].responseTarget}): ${SEVERITY_LEVELS[incident.severity].escalation}.`]
  if (triage?.mitigations[0]) parts.push(`Triage ranked "${triage.mitigations[0].title}" first.`)
  parts.push(`Investigation ran ${reports.length} specialists (${reports.map((report) => report.specialist).join(', ')}).`)
  if (incident.mitigation) parts.push(`Mitigation: ${incident.mitigation} (${formatTime(incident.timestamps.mitigatedAt)}).`)
  return parts.join(' ')
}
