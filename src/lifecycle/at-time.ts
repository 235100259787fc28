import {UsageError} from '../errors/errors.js'
import {parseDuration} from '../evidence/duration.js'
import type {Incident} from '../incident/incident.js'
import {formatTime} from '../render/format.js'

/** Clock skew between the machine and the evidence that `--at` tolerates before calling a time "future". */
const FUTURE_SLACK_MS = 60_000

/**
 * The `--at` of `note`, `mitigate` and `resolve`: an ISO 8601 time (with a date), or a time ago
 * such as `-15m`, `-1h30m`; without the flag, now. A time in the future is a usage error.
 */
export function parseAt(text: string | undefined, now: Date): string {
  if (text === undefined) return now.toISOString()
  const trimmed = text.trim()
  let at: number
  if (trimmed.startsWith('-')) {
    try {
      at = now.getTime() - parseDuration(trimmed.slice(1))
    } catch {
      throw new UsageError(`--at "${text}" is neither an ISO 8601 time nor a time ago.`, {suggestions: ['Use e.g. --at 2026-11-12T14:30:00Z or --at=-15m (15 minutes ago).']})
    }
  } else {
    at = Date.parse(trimmed)
    if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed) || Number.isNaN(at)) {
      throw new UsageError(`--at "${text}" is neither an ISO 8601 time nor a time ago.`, {suggestions: ['Use e.g. --at 2026-11-12T14:30:00Z or --at=-15m (15 minutes ago).']})
    }
  }
  if (at > now.getTime() + FUTURE_SLACK_MS) {
    throw new UsageError(`--at ${new Date(at).toISOString()} is in the future (now is ${now.toISOString()}).`, {suggestions: ['Pass the time it happened, e.g. --at=-15m for 15 minutes ago.']})
  }
  return new Date(at).toISOString()
}

/**
 * A recorded time must fit the incident: not before its onset, and a resolution not before a
 * recorded mitigation. Checked under the lock, against the incident as it is on disk.
 */
export function assertAtFits(at: string, incident: Incident, what: 'note' | 'mitigated' | 'resolved'): void {
  const onset = incident.timestamps.startedAt ?? incident.arc?.onset ?? null
  if (onset && Date.parse(at) < Date.parse(onset)) {
    throw new UsageError(`--at ${formatTime(at)} is before the incident's onset (${formatTime(onset)}).`, {suggestions: [`Pass a time at or after ${onset}.`]})
  }
  const mitigated = incident.timestamps.mitigatedAt
  if (what === 'resolved' && mitigated && Date.parse(at) < Date.parse(mitigated)) {
    throw new UsageError(`--at ${formatTime(at)} is before the recorded mitigation (${formatTime(mitigated)}).`, {suggestions: [`Pass a time at or after ${mitigated}.`]})
  }
}
