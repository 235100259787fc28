import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {BaseCommand} from '../cli/base-command.js'
import {incidentFlags} from '../cli/flags.js'
import {terminalStyle} from '../cli/terminal.js'
import type {Incident} from '../incident/incident.js'
import {readTimelineChecked} from '../incident/store.js'
import type {TimelineEvent} from '../incident/timeline-event.js'
import {targetIncident} from '../lifecycle/target-incident.js'
import {formatTime} from '../render/format.js'
import {markdownText} from '../output/safe-text.js'
import {renderMarkdownForTerminal} from '../render/terminal-markdown.js'

/** The most complete document the incident has so far, best first. */
const SUMMARY_FILES = ['incident-summary.md', 'phase-3-rca.md', 'phase-1-triage.md']

export default class Show extends BaseCommand {
  static override summary = 'Show an incident in the terminal: summary, root cause and timeline'
  static override examples = ['<%= config.bin %> show', '<%= config.bin %> show --id incident-2026-11-30-014502 --json']
  static override flags = incidentFlags

  async run(): Promise<{incident: Incident; timeline: TimelineEvent[]; timelineProblems: string[]; document: string | null}> {
    const {flags} = await this.parse(Show)
    const {dir, incident} = await targetIncident(flags['out-dir'], flags.id, {openOnly: false})
    const {events: timeline, problems: timelineProblems} = await readTimelineChecked(dir)
    let document: string | null = null
    for (const file of SUMMARY_FILES) {
      document = await readFile(join(dir, file), 'utf8').catch(() => null)
      if (document) break
    }
    if (!this.jsonEnabled()) {
      const style = terminalStyle()
      const markdown = [
        document ?? `# ${incident.id}\n\n${incident.severity} · ${incident.status} · no phase has finished yet.`,
        '## Timeline (UTC)',
        timeline.filter((event) => event.kind !== 'phase').map((event) => `- ${formatTime(event.at)} — ${timelineLine(event)}`).join('\n'),
      ].join('\n\n')
      this.log(renderMarkdownForTerminal(markdown, {color: style.color, width: Math.min(process.stdout.columns ?? 100, 120)}))
      for (const problem of timelineProblems) this.logToStderr(`! ${problem}`)
    }
    return {incident, timeline, timelineProblems, document}
  }
}

/** Notes, actions and decisions are labelled with their kind; other entries already say what they are. */
function timelineLine(event: TimelineEvent): string {
  // Event text quotes evidence and what people typed: escaped, it cannot add Markdown of its own.
  const text = markdownText(event.text, {startsLine: false})
  if (event.kind === 'note' || event.kind === 'action' || event.kind === 'decision') return `**${event.kind}** ${text}`
  // Folders written before the wording changed say "Incident declared: P0, symptoms …".
  return event.kind === 'declared' ? text.replace(/^Incident declared: /, 'Declared ') : text
}
