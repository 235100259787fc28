import {UsageError} from '../errors/errors.js'

const ID_PATTERN = /^incident-\d{4}-\d{2}-\d{2}-\d{6}(-\d+)?$/

/** `incident-YYYY-MM-DD-HHMMSS` in UTC. */
export function incidentIdFor(at: Date): string {
  const iso = at.toISOString() // 2026-11-30T01:02:03.456Z
  return `incident-${iso.slice(0, 10)}-${iso.slice(11, 19).replaceAll(':', '')}`
}

/** Accepts a plain incident id only: no path separators, no `..`, nothing a path could escape with. */
export function validateIncidentId(id: string): string {
  if (!ID_PATTERN.test(id)) {
    throw new UsageError(`Not an incident id: ${JSON.stringify(id)}.`, {
      suggestions: ['Incident ids look like incident-2026-11-30-014502 (see `incident-response list`).'],
    })
  }
  return id
}
