import type {SpecialistReport} from '../../incident/finding.js'
import type {Incident} from '../../incident/incident.js'
import type {Rca} from '../../incident/rca.js'
import {cites} from '../../render/evidence-refs.js'
import {formatPercent, formatTime} from '../../render/format.js'

/** Shared pieces of the RCA as the templates show them (also used by the postmortem view). */
export function rcaParts(rca: Rca) {
  const cause = rca.rootCause
  return {
    rootCause: cause,
    confidence: formatPercent(cause.confidence, 0),
    undetermined: cause.category === 'unknown',
    component: cause.component ?? 'unknown',
    change: cause.change ? {...cause.change, sha: cause.change.sha?.slice(0, 7) ?? 'n/a'} : null,
    onset: formatTime(cause.onset),
    rootCauseEvidence: cause.evidenceIds.length > 0 ? cause.evidenceIds.map((id) => `\`${id}\``).join(', ') : 'none',
    trigger: rca.trigger,
    fiveWhys: rca.fiveWhys.map((why, index) => ({...why, n: index + 1, cites: cites(why.evidenceIds)})),
    contributingFactors: rca.contributingFactors.map((factor) => ({...factor, cites: cites(factor.evidenceIds)})),
    timeline: rca.timeline.map((event) => ({time: formatTime(event.at).replace(' UTC', ''), text: event.text.replaceAll('|', '\\|'), evidence: event.evidenceIds.map((id) => `\`${id}\``).join(' ')})),
    impact: rca.impact,
    alternatives: rca.alternatives.map((alt) => ({...alt, confidence: formatPercent(alt.confidence, 0), cites: cites(alt.evidenceIds)})),
    nextSteps: rca.nextSteps,
    limitations: rca.limitations,
  }
}

export function rcaView(incident: Incident, rca: Rca, reports: readonly SpecialistReport[]) {
  return {
    id: incident.id,
    ...rcaParts(rca),
    specialists: reports.map((report) => `${report.specialist} (${report.provider}${report.fallback ? ', fallback' : ''})`).join(', '),
  }
}
