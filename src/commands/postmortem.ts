import {Flags} from '@oclif/core'

import type {ProviderName} from '../agents/specialist-input.js'
import {BaseCommand} from '../cli/base-command.js'
import {incidentFlags} from '../cli/flags.js'
import {parseFormats} from '../cli/parse-formats.js'
import {refreshPostmortem} from '../cli/run-for-incident.js'
import {terminalStyle} from '../cli/terminal.js'
import {targetIncident} from '../lifecycle/target-incident.js'
import {type PipelineJson, toPipelineJson} from '../phases/pipeline-json.js'

export default class Postmortem extends BaseCommand {
  static override summary = 'Write (or rewrite) the blameless postmortem of an incident'
  static override description =
    'Runs any phase not done yet from the saved evidence (nothing is collected again), then re-derives the RCA and the postmortem so notes, mitigation and resolution recorded since are included.'
  static override examples = ['<%= config.bin %> postmortem', '<%= config.bin %> postmortem --id incident-2026-11-30-014502 --format md,html,json']
  static override flags = {
    format: Flags.string({description: 'Comma-separated formats: md, html, json (postmortem.md is always written)', default: 'md,html'}),
    notify: Flags.boolean({description: 'File action items in Jira when configured', default: true, allowNo: true}),
    'dry-run': Flags.boolean({description: 'Print what would be sent to Jira instead of sending'}),
    provider: Flags.string({description: 'Provider for this rewrite (default: the one the incident was worked with)', options: ['offline', 'anthropic']}),
    ...incidentFlags,
  }

  async run(): Promise<PipelineJson> {
    const {flags} = await this.parse(Postmortem)
    const formats = parseFormats(flags.format)
    const style = terminalStyle()
    const {incident} = await targetIncident(flags['out-dir'], flags.id, {openOnly: false})
    const result = await refreshPostmortem(flags['out-dir'], incident, {style, formats, notify: flags['dry-run'] ? 'dry-run' : flags.notify ? 'send' : 'off', provider: flags.provider as ProviderName | undefined})
    if (!this.jsonEnabled()) {
      const files = ['postmortem.md', ...(formats.includes('html') ? ['postmortem.html'] : []), ...(formats.includes('json') ? ['postmortem.json'] : [])]
      this.log(`Postmortem for ${incident.id}:`)
      for (const file of files) this.log(`  ${result.dir}/${file}`)
      for (const finding of result.lint) this.log(`  ! blameless lint: line ${finding.line}: "${finding.match}" — ${finding.suggestion}`)
    }
    return toPipelineJson(result)
  }
}
