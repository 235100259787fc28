import {UsageError, UserError} from '../errors/errors.js'
import type {Incident} from '../incident/incident.js'
import {incidentDir, listIncidentIds, readIncident} from '../incident/store.js'

export interface TargetOptions {
  /** Only incidents not resolved are candidates. */
  openOnly: boolean
  /**
   * For commands that change an incident (`note`, `mitigate`, `resolve`): without `--id` they act
   * only when exactly one incident is open; with none or several open, a usage error lists them.
   */
  onlyOneOpen?: boolean
}

/**
 * The incident a command works on: `--id` if given; else, for the commands that change one, the
 * only open incident; else (commands that read) the latest open one, or the latest of any status.
 */
export async function targetIncident(outDir: string, id: string | undefined, options: TargetOptions): Promise<{id: string; dir: string; incident: Incident}> {
  // `--id ''` names no incident: validateIncidentId says so, rather than falling back to the latest.
  if (id !== undefined) {
    const dir = incidentDir(outDir, id)
    return {id, dir, incident: await readIncident(dir)}
  }
  const ids = await listIncidentIds(outDir)
  const all: {id: string; dir: string; incident: Incident}[] = []
  for (const candidate of [...ids].reverse()) {
    const dir = incidentDir(outDir, candidate)
    const incident = await readIncident(dir).catch(() => null)
    if (incident) all.push({id: candidate, dir, incident})
  }
  const open = all.filter((item) => item.incident.status !== 'resolved')
  if (options.onlyOneOpen) {
    if (open.length === 1) return open[0]
    if (open.length > 1) {
      throw new UsageError(`${open.length} incidents are open in ${outDir}: ${open.map((item) => `${item.id} (${item.incident.severity}, ${item.incident.status})`).join(', ')}. Say which with --id.`, {
        suggestions: [`e.g. --id ${open[0].id}`],
      })
    }
    if (all.length > 0) {
      throw new UsageError(`No open incident in ${outDir}; the latest, ${all[0].id}, is ${all[0].incident.status}.`, {suggestions: [`Pass --id ${all[0].id} to work on it anyway.`]})
    }
    throw new UsageError(`No incident in ${outDir}.`, {suggestions: ['Start one with `incident-response --severity p1 --symptoms high-error-rate`, or pass --out-dir.']})
  } else {
    const found = options.openOnly ? (open[0] ?? all[0]) : all[0]
    if (found) return found
  }
  throw new UserError(`No incident in ${outDir}.`, {suggestions: ['Start one with `incident-response --severity p1 --symptoms high-error-rate`.']})
}
