import {lstat, mkdir, readFile, readdir, readlink, stat} from 'node:fs/promises'
import {join} from 'node:path'
import {z} from 'zod'

import {InternalError, UserError} from '../errors/errors.js'
import {formatIssues} from '../errors/format-issues.js'
import {appendRecords, writeJsonAtomic} from './atomic-write.js'
import {type Incident, IncidentSchema} from './incident.js'
import {incidentIdFor, validateIncidentId} from './incident-id.js'
import {assertIncidentFolder, fileSystemError} from './safe-fs.js'
import {type TimelineEvent, type TimelineEventInput, TimelineEventSchema} from './timeline-event.js'

export const INCIDENT_FILE = 'incident.json'
export const TIMELINE_FILE = 'timeline.jsonl'

export function incidentDir(outDir: string, id: string): string {
  return join(outDir, validateIncidentId(id))
}

/**
 * The out-dir, created if missing. A file, a link to nowhere or a folder we may not write is the
 * user's to fix, and is said as such.
 */
export async function ensureOutDir(outDir: string): Promise<void> {
  const info = await lstat(outDir).catch(() => null)
  if (info?.isSymbolicLink() && !(await stat(outDir).catch(() => null))) {
    throw new UserError(`--out-dir ${outDir} is a symbolic link to ${await readlink(outDir).catch(() => '?')}, which does not exist.`, {suggestions: ['Create the folder it points at, or pass another --out-dir.']})
  }
  const target = info?.isSymbolicLink() ? await stat(outDir) : info
  if (target && !target.isDirectory()) throw new UserError(`--out-dir ${outDir} is a file, not a folder.`, {suggestions: ['Pass --out-dir with a folder (it is created if missing).']})
  try {
    await mkdir(outDir, {recursive: true})
  } catch (error) {
    throw fileSystemError(error, outDir, 'creating the out-dir')
  }
}

/** Reserve a new incident folder; `mkdir` without `recursive` fails if taken, so a suffix is tried. */
export async function createIncidentFolder(outDir: string, now: Date): Promise<{id: string; dir: string}> {
  await ensureOutDir(outDir)
  const base = incidentIdFor(now)
  for (let n = 1; n < 1000; n++) {
    const id = n === 1 ? base : `${base}-${n}`
    const dir = join(outDir, id)
    try {
      await mkdir(dir)
      return {id, dir}
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileSystemError(error, dir, 'creating the incident folder')
    }
  }
  throw new InternalError(`Could not find a free incident id under ${outDir} for ${base}.`)
}

/**
 * Read and validate a JSON file we wrote; a file that does not validate is reported, not trusted.
 * A damaged file (edited by hand, cut short, replaced) is the user's to repair: a user error
 * naming it, never a crash.
 */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`Missing file ${path}.`)
    throw fileSystemError(error, path, 'reading')
  }
  const damaged = (why: string, cause?: unknown) =>
    new UserError(`${path} is damaged: ${why}.`, {cause, suggestions: ['Restore it from a copy (or delete the incident folder and run again); it is not valid as it is.']})
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw damaged('it is not valid JSON (edited by hand or cut short?)', error)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw damaged(`it does not match its schema (${formatIssues(parsed.error, 3).join('; ')})`)
  return parsed.data
}

export async function readIncident(dir: string): Promise<Incident> {
  await assertIncidentFolder(dir)
  try {
    await stat(join(dir, INCIDENT_FILE))
  } catch {
    throw new UserError(`No incident at ${dir}.`, {suggestions: ['Run `incident-response list` to see the incidents in this folder.']})
  }
  return readJsonFile(join(dir, INCIDENT_FILE), IncidentSchema)
}

export async function writeIncident(dir: string, incident: Incident): Promise<void> {
  await writeJsonAtomic(join(dir, INCIDENT_FILE), IncidentSchema.parse(incident))
}

/**
 * Append one event: one line, under the incident lock, so lines never interleave. It starts on a
 * fresh line even after a torn one (a process killed mid-append, a full disk), so a new event is
 * never glued to a broken line and lost with it.
 */
export async function appendTimeline(dir: string, event: TimelineEventInput): Promise<TimelineEvent> {
  const parsed = TimelineEventSchema.parse(event)
  await appendRecords(join(dir, TIMELINE_FILE), JSON.stringify(parsed) + '\n', {freshLine: true})
  return parsed
}

export interface TimelineRead {
  events: TimelineEvent[]
  /** Lines that are not an event (torn by a crash, edited by hand), by line number; skipped. */
  problems: string[]
}

/** Read the timeline; broken lines are skipped and named, never failing the incident. */
export async function readTimelineChecked(dir: string): Promise<TimelineRead> {
  let text: string
  try {
    text = await readFile(join(dir, TIMELINE_FILE), 'utf8')
  } catch {
    return {events: [], problems: []}
  }
  const events: TimelineEvent[] = []
  const problems: string[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch {
      problems.push(`${TIMELINE_FILE} line ${index + 1} is torn or not JSON; skipped`)
      return
    }
    const parsed = TimelineEventSchema.safeParse(json)
    if (parsed.success) events.push(parsed.data)
    else problems.push(`${TIMELINE_FILE} line ${index + 1} is not a timeline event (${formatIssues(parsed.error, 1).join('; ')}); skipped`)
  })
  return {events: events.sort((a, b) => a.at.localeCompare(b.at)), problems}
}

export async function readTimeline(dir: string): Promise<TimelineEvent[]> {
  return (await readTimelineChecked(dir)).events
}

/** Incident ids in an out dir, oldest first (ids sort by time). */
export async function listIncidentIds(outDir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(outDir)
  } catch {
    return []
  }
  const ids: string[] = []
  for (const name of names) {
    try {
      validateIncidentId(name)
      await stat(join(outDir, name, INCIDENT_FILE))
      ids.push(name)
    } catch {
      // not an incident folder (or one whose creation never finished)
    }
  }
  return ids.sort(compareIds)
}

function compareIds(a: string, b: string): number {
  const [baseA, suffixA = '1'] = splitSuffix(a)
  const [baseB, suffixB = '1'] = splitSuffix(b)
  return baseA === baseB ? Number(suffixA) - Number(suffixB) : baseA.localeCompare(baseB)
}

function splitSuffix(id: string): [string, string?] {
  const match = /^(incident-\d{4}-\d{2}-\d{2}-\d{6})(?:-(\d+))?$/.exec(id)
  return match ? [match[1], match[2]] : [id]
}
