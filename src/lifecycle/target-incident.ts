import {UserError} from '../errors/errors.js'
import type {Incident} from '../incident/incident.js'
import {incidentDir, listIncidentIds, readIncident} from '../incident/store.js'

/**
 * The incident a lifecycle command works on: `--id` if given, else the latest open incident
 * (or the latest of any status, for commands that read rather than change).
 */
export async function targetIncident(
  outDir: string,
  id: string | undefined,
  options: {openOnly: boolean; /** With no open incident, take the latest one (so `resolve` can say it is already resolved). */ orLatest?: boolean},
): Promise<{id: string; dir: string; incident: Incident}> {
  // `--id ''` names no incident: validateIncidentId says so, rather than falling back to the latest.
  if (id !== undefined) {
    const dir = incidentDir(outDir, id)
    return {id, dir, incident: await readIncident(dir)}
  }
  const ids = await listIncidentIds(outDir)
  for (const candidate of [...ids].reverse()) {
    const dir = incidentDir(outDir, candidate)
    const incident = await readIncident(dir).catch(() => null)
    if (incident && (!options.openOnly || incident.status !== 'resolved')) return {id: candidate, dir, incident}
  }
  if (options.openOnly && options.orLatest && ids.length > 0) return targetIncident(outDir, undefined, {openOnly: false})
  throw new UserError(`No ${options.openOnly ? 'open ' : ''}incident in ${outDir}.`, {
    suggestions: ids.length > 0 ? ['Pass --id (see `incident-response list`).'] : ['Start one with `incident-response --severity p1 --symptoms high-error-rate`.'],
  })
}
