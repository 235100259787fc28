import {formatImpactShort, incidentDurations} from '../../incident/durations.js'
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
/** The `text` fallback: Slack truncates longer text; we cut it ourselves, at a whole character. */
const TEXT_MAX = 3000

export function incidentDeclaredMessage(incident: Incident, triage: TriageSummary): SlackMessageBody {
  const style = DECLARED[incident.severity]
  const title = outgoingText(incident.title, 120)
  const impact = outgoingText(triage.impactSummary, SECTION_MAX)
  const cause = triage.suspectedCause === null ? 'Not known yet; investigating.' : outgoingText(triage.suspectedCause, SECTION_MAX)
  const nextUpdate = outgoingText(triage.nextUpdate, 200)
  return {
    text: withinLimit(`${style.mention}${style.verb}: ${escapeMrkdwn(title)}. Impact: `, impact, TEXT_MAX),
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

/** `now` is when the message is written: the one duration function counts an impact with no end to it. */
export function incidentResolvedMessage(incident: Incident, summary: string, now: Date): SlackMessageBody {
  const title = outgoingText(incident.title, 120)
  const text = outgoingText(summary, SECTION_MAX)
  // The impact from the onset (not from when this tool ran), as the postmortem and the summary say it.
  const impact = incidentDurations(incident, now).impact
  const duration = impact.minutes === null || impact.minutes < 0 ? null : formatImpactShort(impact)
  return {
    text: withinLimit(`Resolved: ${escapeMrkdwn(title)} (${incident.severity}). `, text, TEXT_MAX),
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

const ENTITIES: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;'}

/** Slack treats &, < and > as control characters in mrkdwn (mentions, links). */
function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (char) => ENTITIES[char])
}

/**
 * `text` escaped and cut so that the escaped form fits in `max` characters: the cut falls between
 * characters of the original, never inside an `&lt;` (clipping after escaping left a bare `&`).
 */
function escapeWithin(text: string, max: number): string {
  const escaped = escapeMrkdwn(text)
  if (escaped.length <= max) return escaped
  let out = ''
  for (const char of text) {
    const piece = ENTITIES[char] ?? char
    if (out.length + piece.length > max - 1) break
    out += piece
  }
  return out + '…'
}

/** An already escaped prefix followed by `text`, escaped within what is left of `max`. */
function withinLimit(escapedPrefix: string, text: string, max: number): string {
  return escapedPrefix + escapeWithin(text, max - escapedPrefix.length)
}

function header(text: string): Record<string, unknown> {
  return {type: 'header', text: {type: 'plain_text', text: clip(text, HEADER_MAX), emoji: true}}
}

function section(label: string, text: string): Record<string, unknown> {
  return {type: 'section', text: {type: 'mrkdwn', text: withinLimit(`*${label}*\n`, text, SECTION_MAX)}}
}

function field(label: string, value: string): Record<string, unknown> {
  return {type: 'mrkdwn', text: `*${label}*\n${escapeMrkdwn(value)}`}
}
