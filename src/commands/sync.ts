import {BaseCommand} from '../cli/base-command.js'
import {integrationConfig, toReport} from '../cli/build-notifier.js'
import {incidentFlags} from '../cli/flags.js'
import {loadIncidentConfig} from '../cli/incident-config.js'
import {storeJiraKeys, syncOutbox} from '../integrations/index.js'
import {withIncidentLock} from '../incident/lock.js'
import {LIFECYCLE_LOCK_WAIT_MS} from '../lifecycle/record-event.js'
import {targetIncident} from '../lifecycle/target-incident.js'
import type {NotifyReport} from '../phases/notifier.js'

export default class Sync extends BaseCommand {
  static override summary = 'Retry the notifications still in the incident outbox (PagerDuty, Slack, Jira); each is delivered once'
  static override examples = ['<%= config.bin %> sync', '<%= config.bin %> sync --id incident-2026-11-30-014502 --json']
  static override flags = incidentFlags

  async run(): Promise<{id: string} & NotifyReport> {
    const {flags} = await this.parse(Sync)
    const {id, dir, incident} = await targetIncident(flags['out-dir'], flags.id, {openOnly: false})
    const {config: fileConfig} = await loadIncidentConfig(incident)
    const config = integrationConfig(fileConfig, process.env)
    const report = toReport('sync', await syncOutbox({dir, config, deps: {}}), config)
    await withIncidentLock(dir, () => storeJiraKeys(dir, report.jiraKeys), {waitMs: LIFECYCLE_LOCK_WAIT_MS})
    if (!this.jsonEnabled()) {
      this.log(`${id}: ${report.delivered} delivered, ${report.pending} still pending.`)
      for (const failure of report.failed) this.logToStderr(`! ${failure.channel}: ${failure.error}`)
      for (const problem of report.problems) this.logToStderr(`! ${problem}`)
    }
    if (report.pending > 0) process.exitCode = 1
    return {id, ...report}
  }
}
