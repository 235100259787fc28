import type {Incident} from '../../incident/incident.js'
import {SEVERITY_LEVELS, type Severity} from '../../incident/severity.js'
import type {TriageSummary} from '../integration-types.js'
import type {SlackMessageBody} from '../outbox-entry.js'
import {clip, outgoingText} from '../text-limits.js'

/** How loud each severity is: P0 calls the whole channel, P1 alerts who is here, P2 just tells. */
const DECLARED: Readonly<Record<Severity, {emoji: string; mention: string; verb: string}>> = {
  P0: {emoji: ':rotating_light:', mention: '<!channel> ', verb: 'P0 incident declared'},
  P1: {emoji: ':warning:', mention: '<!here> ', verb: 'P1 incident declared'},
  P2: {emoji: ':information_source:', mention: '', verb: 'P2 incident'},
}

const HEADER_MAX = 150
const SECTION_MAX = 2900

export function incidentDeclaredMessage(incident: Incident, triage: TriageSummary): SlackMessageBody {
  const style = DECLARED[incident.severity]
  const title = outgoingText(incident.title, 120)
  const impact = outgoingText(triage.impactSummary, SECTION_MAX)
  const cause = triage.suspectedCause === null ? 'Not known yet; investigating.' : outgoingText(triage.suspectedCause, SECTION_MAX)
  const nextUpdate = outgoingText(triage.nextUpdate, 200)
  return {
    text: clip(`${style.mention}${style.verb}: ${escapeMrkdwn(title)}. Impact: ${escapeMrkdwn(impact)}`, 3000),
    blocks: [
      header(`${style.emoji} ${incident.severity}: ${title}`),
      {
        type: 'section',
        fields: [
          field('Severity', `${incident.severity} (${SEVERITY_LEVELS[incident.severity].meaning.split(':')[0]})`),
          field('Status', 'Investigating'),
          field('Service', incident.service ?? 'not specified'),
          field('Incident', incident.id),
        ],
      },
      section('Impact', impact),
      section('Suspected cause', cause),
      {type: 'context', elements: [{type: 'mrkdwn', text: `*Next update:* ${escapeMrkdwn(nextUpdate)}`}]},
    ],
    threadUnderFirst: false,
  }
}

export function incidentResolvedMessage(incident: Incident, summary: string): SlackMessageBody {
  const title = outgoingText(incident.title, 120)
  const text = outgoingText(summary, SECTION_MAX)
  const duration = durationText(incident.createdAt, incident.timestamps.resolvedAt)
  return {
    text: clip(`Resolved: ${escapeMrkdwn(title)} (${incident.severity}). ${escapeMrkdwn(text)}`, 3000),
    blocks: [
      header(`:white_check_mark: Resolved: ${title}`),
      {
        type: 'section',
        fields: [
          field('Severity', incident.severity),
          field('Status', 'Resolved'),
          field('Incident', incident.id),
          ...(duration ? [field('Duration', duration)] : []),
        ],
      },
      section('Summary', text),
    ],
    threadUnderFirst: true,
  }
}

/** Slack treats &, < and > as control characters in mrkdwn (mentions, links). */
function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

function header(text: string): Record<string, unknown> {
  return {type: 'header', text: {type: 'plain_text', text: clip(text, HEADER_MAX), emoji: true}}
}

function section(label: string, text: string): Record<string, unknown> {
  // Escaping can lengthen the text, so the cap to Slack's 3000-character section comes after it.
  return {type: 'section', text: {type: 'mrkdwn', text: `*${label}*\n${clip(escapeMrkdwn(text), SECTION_MAX)}`}}
}

function field(label: string, value: string): Record<string, unknown> {
  return {type: 'mrkdwn', text: `*${label}*\n${escapeMrkdwn(value)}`}
}

function durationText(from: string, to: string | null): string | null {
  if (to === null) return null
  const minutes = Math.round((Date.parse(to) - Date.parse(from)) / 60_000)
  if (!Number.isFinite(minutes) || minutes < 0) return null
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}
