import {Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {integrationConfig, toReport} from '../cli/build-notifier.js'
import {incidentFlags} from '../cli/flags.js'
import {loadIncidentConfig} from '../cli/incident-config.js'
import {deliveryLines, plainDeliveryLine} from '../integrations/delivery-lines.js'
import {storeJiraKeys, syncOutbox} from '../integrations/index.js'
import {withIncidentLock} from '../incident/lock.js'
import {LIFECYCLE_LOCK_WAIT_MS} from '../lifecycle/record-event.js'
import {targetIncident} from '../lifecycle/target-incident.js'
import type {NotifyReport} from '../phases/notifier.js'

export default class Sync extends BaseCommand {
  static override summary = 'Deliver what is due in the incident outbox (PagerDuty, Slack, Jira); each message is delivered once'
  static override description =
    'A message a vendor asked us to hold back (Retry-After, rate limit) waits for its time; --wait sleeps until then. ' +
    'A message refused for good (400, 401, 403, 404, 422) is resent once the setting named in its error changes. ' +
    'A message that may have arrived is looked for at the vendor first; where that is impossible (a Slack webhook) it is not resent unless you say so with --resend.'
  static override examples = [
    '<%= config.bin %> sync',
    '<%= config.bin %> sync --wait',
    '<%= config.bin %> sync --resend slack:declared',
    '<%= config.bin %> sync --id incident-2026-11-30-014502 --json',
  ]
  static override flags = {
    wait: Flags.boolean({description: 'Wait until deferred messages are due and deliver them (the vendor asked for the pause)'}),
    resend: Flags.string({description: 'Outbox id to send again although it was refused or may have arrived (repeatable)', multiple: true}),
    ...incidentFlags,
  }

  async run(): Promise<{id: string} & NotifyReport> {
    const {flags} = await this.parse(Sync)
    const {id, dir, incident} = await targetIncident(flags['out-dir'], flags.id, {openOnly: false})
    const {config: fileConfig} = await loadIncidentConfig(incident)
    const config = integrationConfig(fileConfig, process.env)
    const report = toReport('sync', await syncOutbox({dir, config, deps: {}, wait: flags.wait, resend: flags.resend}), config)
    await withIncidentLock(dir, () => storeJiraKeys(dir, report.jiraKeys), {waitMs: LIFECYCLE_LOCK_WAIT_MS})
    if (!this.jsonEnabled()) {
      const waiting = report.deferred.length > 0 ? `, ${report.deferred.length} waiting for their time` : ''
      this.log(`${id}: ${report.delivered} delivered, ${report.pending} still pending${waiting}.`)
      for (const line of deliveryLines(report)) this.logToStderr(plainDeliveryLine(line))
      for (const problem of report.problems) this.logToStderr(`! ${problem}`)
    }
    if (report.pending > 0) process.exitCode = 1
    return {id, ...report}
  }
}
