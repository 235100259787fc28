import {loadFileConfig} from '../config/config.js'
import type {Incident} from '../incident/incident.js'
import {withIncidentLock} from '../incident/lock.js'
import {appendTimeline, readIncident, writeIncident} from '../incident/store.js'
import type {TimelineEvent} from '../incident/timeline-event.js'
import {redact} from '../redact/redact.js'
import {assertAtFits, parseAt} from './at-time.js'
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
  /** `--at`: when it happened (ISO, or `-15m`); default now. */
  at?: string
}

/**
 * `note`: one timeline entry, appended under the lock so concurrent notes never tear or interleave.
 * What people type is redacted like evidence: a pasted connection string is as secret as a logged one.
 */
export async function addNote(input: NoteInput, deps: LifecycleDeps): Promise<{id: string; event: TimelineEvent}> {
  await useConfiguredSecretRules(input.outDir, input.id)
  const at = parseAt(input.at, deps.now())
  const target = await targetIncident(input.outDir, input.id, {openOnly: true, onlyOneOpen: true})
  const event = await withIncidentLock(
    target.dir,
    async () => {
      assertAtFits(at, await readIncident(target.dir), 'note')
      return appendTimeline(target.dir, {at, kind: input.kind, text: redact(input.text), source: 'note'})
    },
    {waitMs: LIFECYCLE_LOCK_WAIT_MS},
  )
  return {id: target.id, event}
}

/** The secret detectors of the incident's repository config apply to typed text too. */
async function useConfiguredSecretRules(outDir: string, id: string | undefined): Promise<void> {
  const target = await targetIncident(outDir, id, {openOnly: true, onlyOneOpen: true}).catch(() => null)
  await loadFileConfig(target?.incident.inputs.repo ?? process.cwd()).catch(() => null)
}

export type StatusChange = {kind: 'mitigated' | 'resolved'; text: string; /** `--at` (ISO, or `-15m`); default now. */ at?: string}

/**
 * `mitigate` and `resolve`: set the status and its timestamp once, record it on the timeline.
 * Idempotent: resolving a resolved incident changes nothing and says so. A resolution does not
 * invent a mitigation time: until one is recorded, the durations take it from the evidence.
 */
export async function changeStatus(outDir: string, id: string | undefined, typed: StatusChange, deps: LifecycleDeps): Promise<{id: string; dir: string; incident: Incident; changed: boolean}> {
  await useConfiguredSecretRules(outDir, id)
  const change = {...typed, text: redact(typed.text)}
  const at = parseAt(change.at, deps.now())
  const target = await targetIncident(outDir, id, {openOnly: true, onlyOneOpen: true})
  return withIncidentLock(
    target.dir,
    async () => {
      const incident = await readIncident(target.dir)
      if (change.kind === 'resolved' && incident.status === 'resolved') return {id: target.id, dir: target.dir, incident, changed: false}
      if (change.kind === 'mitigated' && incident.status !== 'investigating') return {id: target.id, dir: target.dir, incident, changed: false}
      assertAtFits(at, incident, change.kind)
      const next: Incident =
        change.kind === 'mitigated'
          ? {...incident, status: 'mitigated', mitigation: change.text, timestamps: {...incident.timestamps, mitigatedAt: at}}
          : {...incident, status: 'resolved', resolution: change.text, timestamps: {...incident.timestamps, resolvedAt: at}}
      await writeIncident(target.dir, next)
      await appendTimeline(target.dir, {at, kind: change.kind, text: `${change.kind === 'mitigated' ? 'Mitigated' : 'Resolved'}: ${change.text}`, source: change.kind === 'mitigated' ? 'mitigate' : 'resolve'})
      return {id: target.id, dir: target.dir, incident: next, changed: true}
    },
    {waitMs: LIFECYCLE_LOCK_WAIT_MS},
  )
}
