import {BaseCommand} from '../cli/base-command.js'
import {incidentFlags} from '../cli/flags.js'
import {listIncidents} from '../lifecycle/list-incidents.js'
import {computeIncidentStats, type IncidentStats} from '../stats/incident-stats.js'
import {renderStatsText} from '../stats/render-stats-text.js'

export default class Stats extends BaseCommand {
  static override summary = 'Incident metrics across the out dir: counts, median and p90 of time to detect/acknowledge/mitigate/resolve'
  static override flags = {'out-dir': incidentFlags['out-dir']}

  async run(): Promise<IncidentStats> {
    const {flags} = await this.parse(Stats)
    const {rows} = await listIncidents(flags['out-dir'], new Date())
    const stats = computeIncidentStats(rows.map((row) => ({id: row.id, severity: row.severity, status: row.status, category: row.rootCause, ...row.measured})))
    if (!this.jsonEnabled()) this.log(renderStatsText(stats))
    return stats
  }
}
