import {Flags} from '@oclif/core'

import type {ProviderName} from '../agents/specialist-input.js'
import {BaseCommand} from '../cli/base-command.js'
import {integrationConfig, toReport} from '../cli/build-notifier.js'
import {lifecycleFlags} from '../cli/flags.js'
import {loadIncidentConfig} from '../cli/incident-config.js'
import {terminalStyle} from '../cli/terminal.js'
import {deliveryLines, plainDeliveryLine} from '../integrations/delivery-lines.js'
import {notifyResolved} from '../integrations/notify.js'
import {changeStatus} from '../lifecycle/record-event.js'
import {targetIncident} from '../lifecycle/target-incident.js'
import type {NotifyReport} from '../phases/notifier.js'

export default class Resolve extends BaseCommand {
  static override summary = 'Resolve the incident: record the resolution, notify (PagerDuty resolve, Slack), write the postmortem'
  static override examples = ['<%= config.bin %> resolve --resolution "Legacy checkout writes the currency" --at=-10m', '<%= config.bin %> resolve --id incident-2026-11-30-014502 --resolution "Fixed" --no-postmortem']
  static override flags = {
    resolution: Flags.string({description: 'What fixed it', required: true}),
    postmortem: Flags.boolean({description: 'Write the postmortem now', default: true, allowNo: true}),
    notify: Flags.boolean({description: 'Send the resolution to PagerDuty/Slack when configured', default: true, allowNo: true}),
    'dry-run': Flags.boolean({description: 'Print what would be sent instead of sending'}),
    provider: Flags.string({description: 'Provider for the postmortem rewrite (default: the one the incident was worked with)', options: ['offline', 'anthropic']}),
    ...lifecycleFlags,
  }

  async run(): Promise<{id: string; status: string; resolvedAt: string | null; changed: boolean; notifications: NotifyReport | null; postmortem: string | null}> {
    const {flags} = await this.parse(Resolve)
    const mode = flags['dry-run'] ? 'dry-run' : flags.notify ? 'send' : 'off'
    // Everything that can fail for the user's setup (config, integrations, the provider's key) is
    // checked before the incident is marked resolved or anyone is notified.
    const target = await targetIncident(flags['out-dir'], flags.id, {openOnly: true, onlyOneOpen: true})
    const fileConfig = await loadIncidentConfig(target.incident)
    const config = integrationConfig(fileConfig.config, process.env)
    const writePostmortem =
      flags.postmortem && target.incident.status !== 'resolved'
        ? await (await import('../cli/run-for-incident.js')).preparePostmortemRefresh(flags['out-dir'], target.incident, {style: terminalStyle(), formats: ['md', 'html'], notify: mode, fileConfig, provider: flags.provider as ProviderName | undefined})
        : null
    const result = await changeStatus(flags['out-dir'], target.id, {kind: 'resolved', text: flags.resolution, at: flags.at}, {now: () => new Date()})
    if (!result.changed) {
      if (!this.jsonEnabled()) this.log(`${result.id} was already resolved at ${result.incident.timestamps.resolvedAt}; nothing changed.`)
      return {id: result.id, status: result.incident.status, resolvedAt: result.incident.timestamps.resolvedAt, changed: false, notifications: null, postmortem: null}
    }
    const notifications = mode === 'off' ? null : toReport('resolve', await notifyResolved({dir: result.dir, config, deps: {}, mode, incident: result.incident, summary: result.incident.resolution ?? ''}), config)
    // The pipeline (and what it imports) is loaded only when a postmortem is written.
    const refreshed = writePostmortem ? await writePostmortem(result.incident) : null
    if (!this.jsonEnabled()) {
      this.log(`${result.id} resolved at ${result.incident.timestamps.resolvedAt}.`)
      for (const line of notifications ? deliveryLines(notifications) : []) this.logToStderr(plainDeliveryLine(line))
      if (refreshed) this.log(`Postmortem: ${refreshed.dir}/postmortem.md`)
    }
    return {
      id: result.id,
      status: result.incident.status,
      resolvedAt: result.incident.timestamps.resolvedAt,
      changed: true,
      notifications,
      postmortem: refreshed ? `${refreshed.dir}/postmortem.md` : null,
    }
  }
}
