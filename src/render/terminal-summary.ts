import {relative} from 'node:path'

import type {TerminalStyle} from '../cli/terminal.js'
import {SEVERITY_LEVELS} from '../incident/severity.js'
import {deliveryLines} from '../integrations/delivery-lines.js'
import type {PipelineResult} from '../phases/pipeline.js'
import {MITIGATION_WORDS} from '../evidence/arc/classify-mitigation.js'
import {ATTACK_SIGNAL} from '../evidence/arc/find-incident-arc.js'
import {formatImpactLong, incidentDurations} from '../incident/durations.js'
import {formatPercent, formatTime} from './format.js'

/** The final summary on stdout, in the spirit of the original command's closing report. */
export function renderTerminalSummary(result: PipelineResult, style: TerminalStyle): string {
  const {incident, rca, triage, actionItems} = result
  const c = style.chalk
  const severityColour = incident.severity === 'P0' ? c.bgRed.white.bold : incident.severity === 'P1' ? c.red.bold : c.yellow.bold
  const durations = incidentDurations(incident, new Date())
  const arc = incident.arc ?? null
  const label = (text: string) => c.bold(text.padEnd(14))
  const lines = [
    '',
    `${c.bold('Incident')} ${incident.id}  ${severityColour(` ${incident.severity} `)} ${SEVERITY_LEVELS[incident.severity].meaning.split(':')[0]}`,
    `${label('Status')}${incident.status}`,
    `${label('Duration')}${formatImpactLong(durations.impact)}`,
    `${label('Onset')}${formatTime(durations.onset)}${arc?.underWayAtStart && durations.onset === arc.onset ? ' (an attack already under way when the evidence begins; it may have started earlier)' : ''}`,
  ]
  if (rca) {
    const cause = rca.rootCause
    lines.push(`${label('Root cause')}${cause.category} — ${cause.summary} (confidence ${formatPercent(cause.confidence, 0)})`)
    if (cause.change) lines.push(`${' '.repeat(14)}change ${cause.change.sha?.slice(0, 7) ?? ''} "${cause.change.subject}" (${cause.change.kind})`)
    lines.push(`${label('Impact')}${rca.impact.summary}`)
  } else if (triage) {
    lines.push(`${label('Impact')}${triage.impact.summary}`)
  }
  if (incident.resolution || incident.mitigation) {
    lines.push(`${label(incident.resolution ? 'Resolution' : 'Mitigation')}${incident.resolution ?? incident.mitigation}`)
  } else if (arc?.mitigation && arc.recovery) {
    // The evidence already shows the incident stopping: say what did it, not what to do now.
    lines.push(`${label('Recovered')}${arc.mitigation.label} at ${formatTime(arc.mitigation.at)} (${MITIGATION_WORDS[arc.mitigation.kind]}); back to baseline from ${formatTime(arc.recovery.at)}, from the evidence`)
  } else if (arc?.recovery) {
    const what = arc.recovery.signals.some((signal) => signal.signal === ATTACK_SIGNAL) ? 'the attack stopped: no failed login' : 'back to baseline'
    lines.push(`${label('Recovered')}${what} from ${formatTime(arc.recovery.at)}, from the evidence`)
  } else if (triage?.mitigations[0]) {
    const top = triage.mitigations[0]
    lines.push(`${label('Mitigate now')}${top.title}${top.command ? `\n${' '.repeat(14)}${c.cyan(top.command)}` : ''}`)
  }
  if (actionItems.length > 0) {
    lines.push(`${label('Action items')}${actionItems.length}`)
    for (const item of actionItems) lines.push(`  [${item.priority}] ${item.title} (${item.id}) — ${item.owner}, due ${item.deadline}`)
  }
  const folder = relative(process.cwd(), result.dir) || result.dir
  const postmortem = incident.phases.postmortem ? `${folder}/postmortem.md` : `not written yet (incident-response postmortem --id ${incident.id})`
  lines.push(`${label('Postmortem')}${postmortem}`, `${label('Folder')}${folder}/`)
  for (const report of result.notifications) {
    for (const item of report.dryRun) lines.push(c.cyan(`  Dry run — would send to ${item.channel}:`), indent(JSON.stringify(item.request, null, 2)))
    for (const line of deliveryLines(report)) lines.push(line.level === 'alarm' ? c.bgRed.white.bold(`  !! ${line.text}`) : line.level === 'warn' ? c.yellow(`  ! ${line.text}`) : `  ${line.text}`)
    for (const problem of report.problems) lines.push(c.yellow(`  ! ${problem}`))
  }
  // Inputs that could not be fully used (a log with no times, nothing recognised as an error).
  for (const warning of result.bundle.warnings ?? []) lines.push(c.yellow(`  ! ${warning}`))
  const fallbacks = result.reports.filter((report) => report.fallback)
  for (const report of fallbacks) lines.push(c.yellow(`  ! ${report.specialist}: ${report.fallback}`))
  return lines.join('\n') + '\n'
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')
}
