import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {ActionItem} from '../../incident/action-item.js'
import {formatImpactLong, formatMeasure, incidentDurations} from '../../incident/durations.js'
import type {EvidenceItem} from '../../incident/evidence-item.js'
import type {SpecialistReport} from '../../incident/finding.js'
import type {Incident} from '../../incident/incident.js'
import type {Rca} from '../../incident/rca.js'
import {SEVERITY_LEVELS} from '../../incident/severity.js'
import {citedEvidence} from '../../render/evidence-refs.js'
import {formatTime} from '../../render/format.js'
import {detection, leadup, specialistsRun} from '../../render/sentences/context.js'
import {endpointVerdicts, failedRequests, severityWording, usersAffected} from '../../render/sentences/impact.js'
import {externalMessage, internalMessage} from '../../render/sentences/messages.js'
import {attemptsWithoutEffect, mitigationFromEvidence, recordedByResponders, recoveryFromEvidence} from '../../render/sentences/recovery.js'
import type {Story} from '../../render/sentences/story.js'
import {rcaParts} from '../rca/rca-view.js'
import {severityEvidence} from '../triage/decide-triage.js'
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
  story: Story
  responders: string[]
  now: Date
  /** Turns an evidence file path into the one the documents show (relative to the repository or working folder). */
  showPath: (path: string) => string
}

/** Everything the postmortem, summary and action-item templates show, computed once (pure). */
export function postmortemView(input: PostmortemInput) {
  const {incident, rca, triage, facts, narrative, story} = input
  const t = incident.timestamps
  const durations = incidentDurations({...incident, arc: incident.arc ?? facts.arc}, input.now)
  const severity = severityEvidence(incident, facts)
  const affected = story.endpoints.filter((endpoint) => endpoint.affected)
  const ids = new Set([...rca.rootCause.evidenceIds, ...rca.impact.evidenceIds, ...rca.timeline.flatMap((event) => event.evidenceIds), ...rca.contributingFactors.flatMap((factor) => factor.evidenceIds), ...rca.fiveWhys.flatMap((why) => why.evidenceIds)])
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    severityLabel: SEVERITY_LEVELS[incident.severity].meaning.split(':')[0],
    severityWording: severityWording.render({
      declared: incident.severity,
      suggested: severity.suggested ?? incident.severity,
      verdict: triage?.severityCheck.verdict ?? 'confirmed',
      keptAbove: severity.suggested !== null && severity.suggested !== incident.severity && (triage?.severityCheck.verdict ?? 'confirmed') === 'confirmed',
      measure: severity.measure,
    }),
    status: incident.status,
    service: incident.service ?? 'not named',
    startedAt: formatTime(durations.onset),
    duration: formatImpactLong(durations.impact),
    ...rcaParts(rca),
    executiveSummary: narrative.executiveSummary,
    impactRequests: failedRequests.render(story),
    impactEndpoints: story.endpoints.length > 0 ? endpointVerdicts.render(story) : null,
    userImpact: usersAffected.render(story),
    functionalityLost: affected.length > 0 ? affected.map((endpoint) => `\`${endpoint.name}\``).join(', ') : 'no endpoint named by the evidence',
    dataLoss: incident.symptoms.includes('data-corruption') ? 'possible — data corruption was reported; verify affected records' : 'none indicated by the evidence',
    securityImplications: incident.symptoms.includes('security-incident') || rca.rootCause.category === 'security-attack' ? 'yes — see root cause; rotate exposed credentials and review access logs' : 'none indicated by the evidence',
    businessImpact: 'revenue, support tickets and SLA impact are for the service owner to fill in.',
    leadup: leadup.render({
      changes: facts.examined.git ? {count: changesBefore(facts).length, kinds: [...new Set(changesBefore(facts).map((change) => change.kind))]} : null,
      events: facts.examined.deploys ? facts.events.filter((event) => (event.minutesBeforeOnset ?? -1) >= 0).length : null,
      lookback: facts.lookback,
      causal: rca.rootCause.change ? {sha: rca.rootCause.change.sha, subject: rca.rootCause.change.subject} : null,
    }),
    detection: detection.render({onset: durations.onset, declared: durations.declared, acknowledged: t.acknowledgedAt}),
    response: response(incident, input.reports, triage),
    recovery: [
      mitigationFromEvidence.render(story),
      recoveryFromEvidence.render(story),
      ...(story.attempts.length > 0 || story.recovery ? [attemptsWithoutEffect.render(story)] : []),
      recordedByResponders.render(story),
    ],
    recoveryBrief: `${mitigationFromEvidence.render(story)} ${recordedByResponders.render(story)}`,
    metrics: {
      timeToDetect: formatMeasure(durations.timeToDetect),
      timeToAcknowledge: formatMeasure(durations.timeToAcknowledge),
      timeToMitigate: formatMeasure(durations.timeToMitigate),
      timeToResolve: formatMeasure(durations.timeToResolve),
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
    internalMessage: internalMessage.render({...story, severity: incident.severity, actionItems: input.actionItems.length}),
    externalMessage: externalMessage.render({...story, statusPage: triage?.statusPage ?? null}),
    evidence: citedEvidence(input.evidence, ids, {showPath: input.showPath, examples: facts.templateExamples}),
  }
}

function changesBefore(facts: EvidenceFacts): EvidenceFacts['changes'] {
  return facts.changes.filter((change) => !change.afterOnset && change.minutesBeforeOnset !== null)
}

function response(incident: Incident, reports: readonly SpecialistReport[], triage: TriageResult | null): string {
  const level = SEVERITY_LEVELS[incident.severity]
  const parts = [`Escalation plan for ${incident.severity} (respond ${level.responseTarget}): ${level.escalation}.`]
  if (triage?.mitigations[0]) parts.push(`Triage ranked "${triage.mitigations[0].title}" first.`)
  parts.push(specialistsRun.render({specialists: reports.map((report) => report.specialist)}))
  return parts.join(' ')
}
