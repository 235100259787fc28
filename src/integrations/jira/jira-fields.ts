import type {ActionItem} from '../../incident/action-item.js'
import type {Incident} from '../../incident/incident.js'
import type {JiraIssueBody} from '../outbox-entry.js'
import {outgoingText} from '../text-limits.js'
import {adfDocument, bulletList, code, heading, paragraph, plain, strong} from './adf.js'

const JIRA_PRIORITY: Readonly<Record<ActionItem['priority'], string>> = {CRITICAL: 'Highest', HIGH: 'High', MEDIUM: 'Medium'}

/** `#incident-001` of `incident-2026-11-30-014502` → `incident-2026-11-30-014502-001`: one label per item, ever. */
export function actionItemLabel(incidentId: string, actionItemId: string): string {
  return `${incidentId}-${actionItemId.replace(/^#incident-/, '')}`
}

/** The issue for one action item, without `project` (taken from JIRA_PROJECT at send time). */
export function jiraIssueBody(incident: Incident, item: ActionItem): JiraIssueBody {
  const label = actionItemLabel(incident.id, item.id)
  const description = adfDocument([
    paragraph(plain('Action item '), strong(item.id), plain(' from incident '), code(incident.id), plain(` (${incident.severity}, ${outgoingText(incident.title, 200)}).`)),
    heading('Why'),
    paragraph(plain(outgoingText(item.rationale, 4000) || 'No rationale recorded.')),
    heading('Details'),
    bulletList([
      [strong('Type: '), plain(item.type)],
      [strong('Owner: '), plain(outgoingText(item.owner, 200) || 'unassigned')],
      [strong('Deadline: '), plain(item.deadline)],
      [strong('Effort: '), plain(outgoingText(item.effort, 200) || 'not estimated')],
    ]),
    heading('Evidence'),
    item.evidenceIds.length > 0 ? bulletList(item.evidenceIds.map((id) => [code(id)])) : paragraph(plain('No evidence cited.')),
  ])
  return {
    actionItemId: item.id,
    label,
    fields: {
      summary: outgoingText(`[${incident.severity}] ${item.title}`, 255),
      issuetype: {name: 'Task'},
      description,
      labels: ['incident', incident.id, incident.severity, label],
      priority: {name: JIRA_PRIORITY[item.priority]},
    },
  }
}
