import {Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {lifecycleFlags} from '../cli/flags.js'
import {changeStatus} from '../lifecycle/record-event.js'

export default class Mitigate extends BaseCommand {
  static override summary = 'Mark the incident mitigated: impact stopped, cause not yet fixed'
  static override examples = ['<%= config.bin %> mitigate --action "Dropped NOT NULL on orders.currency"', '<%= config.bin %> mitigate --action "Deployed 2.14.3" --at 2026-11-12T14:30:00Z']
  static override flags = {
    action: Flags.string({description: 'What stopped the impact', required: true}),
    ...lifecycleFlags,
  }

  async run(): Promise<{id: string; status: string; mitigatedAt: string | null; changed: boolean}> {
    const {flags} = await this.parse(Mitigate)
    const result = await changeStatus(flags['out-dir'], flags.id, {kind: 'mitigated', text: flags.action, at: flags.at}, {now: () => new Date()})
    if (!this.jsonEnabled()) {
      this.log(result.changed ? `${result.id} mitigated at ${result.incident.timestamps.mitigatedAt}` : `${result.id} is already ${result.incident.status}; nothing changed.`)
    }
    return {id: result.id, status: result.incident.status, mitigatedAt: result.incident.timestamps.mitigatedAt, changed: result.changed}
  }
}
