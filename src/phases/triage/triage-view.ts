import type {Incident} from '../../incident/incident.js'
import {SEVERITY_LEVELS} from '../../incident/severity.js'
import {cites} from '../../render/evidence-refs.js'
import {deliveryLines} from '../../integrations/delivery-lines.js'
import {formatCount, formatPercent, formatTime} from '../../render/format.js'
import type {NotifyReport} from '../notifier.js'
import type {TriageResult} from './triage-result.js'

const VERDICTS = {confirmed: 'Confirmed', raise: 'Raise suggested', lower: 'Lower suggested'} as const

export function triageView(incident: Incident, triage: TriageResult, notify: NotifyReport) {
  const {impact} = triage
  return {
    id: incident.id,
    severity: incident.severity,
    severityMeaning: SEVERITY_LEVELS[incident.severity].meaning,
    service: incident.service ?? 'unknown',
    symptoms: incident.symptoms.join(', '),
    declaredAt: formatTime(incident.timestamps.detectedAt),
    impactSummary: impact.summary,
    errorCount: formatCount(impact.errorCount),
    requestCount: formatCount(impact.requestCount),
    errorRate: formatPercent(impact.errorRate),
    // Failed requests are counted once; without request lines only error lines can be counted.
    requests: impact.failedRequests === null || impact.failedRequests === undefined ? null : {failed: formatCount(impact.failedRequests), total: formatCount(impact.requestCount), rate: formatPercent(impact.failureRate ?? null)},
    firstErrorAt: formatTime(impact.firstErrorAt),
    affectedUsers: formatCount(impact.affectedUsers),
    endpoints: impact.affectedEndpoints,
    unhealthy: impact.unhealthy,
    impactEvidence: impact.evidenceIds.map((id) => `\`${id}\``).join(', '),
    severityVerdict: VERDICTS[triage.severityCheck.verdict],
    severityReason: triage.severityCheck.reason,
    severityEvidence: cites(triage.severityCheck.evidenceIds),
    mitigations: triage.mitigations.map((item, index) => ({...item, rank: index + 1, cites: cites(item.evidenceIds)})),
    responseTarget: triage.escalation.responseTarget,
    escalationPlan: triage.escalation.plan,
    channels: triage.escalation.channels.join(', '),
    notifications: notificationLines(notify),
    statusPage: triage.statusPage,
    limitations: triage.limitations,
  }
}

function notificationLines(notify: NotifyReport): string[] {
  const lines: string[] = []
  if (notify.delivered > 0) lines.push(`Sent: ${notify.delivered} notification(s).`)
  for (const item of notify.dryRun) lines.push(`Dry run: would send to ${item.channel}.`)
  for (const line of deliveryLines(notify)) lines.push(line.level === 'alarm' ? `**${line.text}**` : line.text)
  for (const problem of notify.problems) lines.push(`Integration settings: ${problem}`)
  if (lines.length === 0) lines.push('No integration configured: notify the on-call engineer and the team channel by hand.')
  return lines
}
