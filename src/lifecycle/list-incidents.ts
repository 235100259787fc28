import {join} from 'node:path'

import type {Incident} from '../incident/incident.js'
import {RcaSchema} from '../incident/rca.js'
import {incidentDir, listIncidentIds, readIncident, readJsonFile} from '../incident/store.js'
import {minutesBetween} from '../render/format.js'

export interface IncidentRow {
  id: string
  severity: Incident['severity']
  status: Incident['status']
  startedAt: string | null
  durationMinutes: number | null
  rootCause: string | null
  timestamps: Incident['timestamps']
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
    const start = incident.timestamps.startedAt ?? incident.timestamps.detectedAt
    rows.push({
      id,
      severity: incident.severity,
      status: incident.status,
      startedAt: start,
      durationMinutes: minutesBetween(start, incident.timestamps.resolvedAt ?? now.toISOString()),
      rootCause: rca ? rca.rootCause.category : null,
      timestamps: incident.timestamps,
    })
  }
  return {rows, unreadable}
}
