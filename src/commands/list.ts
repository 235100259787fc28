import {BaseCommand} from '../cli/base-command.js'
import {incidentFlags} from '../cli/flags.js'
import {type IncidentRow, listIncidents} from '../lifecycle/list-incidents.js'
import {formatTime} from '../render/format.js'

export default class List extends BaseCommand {
  static override summary = 'List incidents: id, severity, status, start, duration, root cause'
  static override examples = ['<%= config.bin %> list', '<%= config.bin %> list --out-dir ci/.tresor --json']
  static override flags = {'out-dir': incidentFlags['out-dir']}

  async run(): Promise<{incidents: IncidentRow[]; unreadable: string[]}> {
    const {flags} = await this.parse(List)
    const {rows, unreadable} = await listIncidents(flags['out-dir'], new Date())
    if (!this.jsonEnabled()) {
      if (rows.length === 0) this.log(`No incidents in ${flags['out-dir']}.`)
      else this.log(table(rows))
      for (const id of unreadable) this.logToStderr(`! ${id}: incident.json is unreadable`)
    }
    return {incidents: rows, unreadable}
  }
}

function table(rows: IncidentRow[]): string {
  const cells = [
    ['ID', 'SEV', 'STATUS', 'STARTED', 'DURATION', 'ROOT CAUSE'],
    ...rows.map((row) => [row.id, row.severity, row.status, formatTime(row.startedAt), row.duration, row.rootCause ?? '—']),
  ]
  const widths = cells[0].map((_, column) => Math.max(...cells.map((row) => row[column].length)))
  return cells.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n')
}
