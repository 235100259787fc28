import {join} from 'node:path'

import type {Incident} from '../incident/incident.js'
import {RcaSchema} from '../incident/rca.js'
import {incidentDir, listIncidentIds, readIncident, readJsonFile} from '../incident/store.js'
import {formatImpactShort, incidentDurations, measuredTimestamps} from '../incident/durations.js'

export interface IncidentRow {
  id: string
  severity: Incident['severity']
  status: Incident['status']
  startedAt: string | null
  /** The impact duration (onset → end of impact), from the one duration function. */
  durationMinutes: number | null
  /** As every surface prints it: "29 min", "38 min so far", "at least 38 min", "unknown". */
  duration: string
  rootCause: string | null
  /** As recorded in incident.json. */
  timestamps: Incident['timestamps']
  /** The timestamps the durations are measured between (recorded, else from the evidence; an unknown declaration is null). */
  measured: Incident['timestamps']
}

/** One row per incident in the out dir, newest first; unreadable folders are reported, not fatal. */
export async function listIncidents(outDir: string, now: Date): Promise<{rows: IncidentRow[]; unreadable: string[]}> {
  const rows: IncidentRow[] = []
  const unreadable: string[] = []
  for (const id of (await listIncidentIds(outDir)).reverse()) {
    const dir = incidentDir(outDir, id)
    const incident = await readIncident(dir).catch(() => null)
    if (!incident) {
      unreadable.push(id)
      continue
    }
    const rca = incident.phases.rca ? await readJsonFile(join(dir, 'rca.json'), RcaSchema).catch(() => null) : null
    const durations = incidentDurations(incident, now)
    rows.push({
      id,
      severity: incident.severity,
      status: incident.status,
      startedAt: durations.impact.from,
      durationMinutes: durations.impact.minutes === null ? null : Math.round(durations.impact.minutes),
      duration: formatImpactShort(durations.impact),
      rootCause: rca ? rca.rootCause.category : null,
      timestamps: incident.timestamps,
      measured: measuredTimestamps(incident),
    })
  }
  return {rows, unreadable}
}
