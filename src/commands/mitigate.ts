import {Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {incidentFlags} from '../cli/flags.js'
import {changeStatus} from '../lifecycle/record-event.js'

export default class Mitigate extends BaseCommand {
  static override summary = 'Mark the incident mitigated: impact stopped, cause not yet fixed'
  static override examples = ['<%= config.bin %> mitigate --action "Rolled back migration 20261112_1350"']
  static override flags = {
    action: Flags.string({description: 'What stopped the impact', required: true}),
    ...incidentFlags,
  }

  async run(): Promise<{id: string; status: string; mitigatedAt: string | null; changed: boolean}> {
    const {flags} = await this.parse(Mitigate)
    const result = await changeStatus(flags['out-dir'], flags.id, {kind: 'mitigated', text: flags.action}, {now: () => new Date()})
    if (!this.jsonEnabled()) {
      this.log(result.changed ? `${result.id} mitigated at ${result.incident.timestamps.mitigatedAt}` : `${result.id} is already ${result.incident.status}; nothing changed.`)
    }
    return {id: result.id, status: result.incident.status, mitigatedAt: result.incident.timestamps.mitigatedAt, changed: result.changed}
  }
}
