import type {Incident} from '../incident/incident.js'
import {withIncidentLock} from '../incident/lock.js'
import {appendTimeline, readIncident, writeIncident} from '../incident/store.js'
import type {TimelineEvent} from '../incident/timeline-event.js'
import {redact} from '../redact/redact.js'
import {targetIncident} from './target-incident.js'

/** Lifecycle commands wait this long for a busy incident (e.g. many `note`s at once) before exit 3. */
export const LIFECYCLE_LOCK_WAIT_MS = 30_000

export interface LifecycleDeps {
  now: () => Date
}

export interface NoteInput {
  outDir: string
  id?: string
  text: string
  kind: 'note' | 'action' | 'decision'
}

/**
 * `note`: one timeline entry, appended under the lock so concurrent notes never tear or interleave.
 * What people type is redacted like evidence: a pasted connection string is as secret as a logged one.
 */
export async function addNote(input: NoteInput, deps: LifecycleDeps): Promise<{id: string; event: TimelineEvent}> {
  const target = await targetIncident(input.outDir, input.id, {openOnly: input.id === undefined})
  const event = await withIncidentLock(target.dir, () => appendTimeline(target.dir, {at: deps.now().toISOString(), kind: input.kind, text: redact(input.text), source: 'note'}), {waitMs: LIFECYCLE_LOCK_WAIT_MS})
  return {id: target.id, event}
}

export type StatusChange = {kind: 'mitigated'; text: string} | {kind: 'resolved'; text: string}

/**
 * `mitigate` and `resolve`: set the status and its timestamp once, record it on the timeline.
 * Idempotent: resolving a resolved incident changes nothing and says so.
 */
export async function changeStatus(outDir: string, id: string | undefined, typed: StatusChange, deps: LifecycleDeps): Promise<{id: string; dir: string; incident: Incident; changed: boolean}> {
  const change = {...typed, text: redact(typed.text)}
  const target = await targetIncident(outDir, id, {openOnly: id === undefined, orLatest: true})
  return withIncidentLock(
    target.dir,
    async () => {
      const incident = await readIncident(target.dir)
      const at = deps.now().toISOString()
      if (change.kind === 'resolved' && incident.status === 'resolved') return {id: target.id, dir: target.dir, incident, changed: false}
      if (change.kind === 'mitigated' && incident.status !== 'investigating') return {id: target.id, dir: target.dir, incident, changed: false}
      const next: Incident =
        change.kind === 'mitigated'
          ? {...incident, status: 'mitigated', mitigation: change.text, timestamps: {...incident.timestamps, mitigatedAt: at}}
          : {...incident, status: 'resolved', resolution: change.text, timestamps: {...incident.timestamps, mitigatedAt: incident.timestamps.mitigatedAt ?? at, resolvedAt: at}}
      await writeIncident(target.dir, next)
      await appendTimeline(target.dir, {at, kind: change.kind, text: `${change.kind === 'mitigated' ? 'Mitigated' : 'Resolved'}: ${change.text}`, source: change.kind === 'mitigated' ? 'mitigate' : 'resolve'})
      return {id: target.id, dir: target.dir, incident: next, changed: true}
    },
    {waitMs: LIFECYCLE_LOCK_WAIT_MS},
  )
}
