import {appendFile, mkdir, readFile, readdir, stat} from 'node:fs/promises'
import {join} from 'node:path'
import {z} from 'zod'

import {InternalError, UserError} from '../errors/errors.js'
import {formatIssues} from '../errors/format-issues.js'
import {writeJsonAtomic} from './atomic-write.js'
import {type Incident, IncidentSchema} from './incident.js'
import {incidentIdFor, validateIncidentId} from './incident-id.js'
import {type TimelineEvent, type TimelineEventInput, TimelineEventSchema} from './timeline-event.js'

export const INCIDENT_FILE = 'incident.json'
export const TIMELINE_FILE = 'timeline.jsonl'

export function incidentDir(outDir: string, id: string): string {
  return join(outDir, validateIncidentId(id))
}

/** Reserve a new incident folder; `mkdir` without `recursive` fails if taken, so a suffix is tried. */
export async function createIncidentFolder(outDir: string, now: Date): Promise<{id: string; dir: string}> {
  await mkdir(outDir, {recursive: true})
  const base = incidentIdFor(now)
  for (let n = 1; n < 1000; n++) {
    const id = n === 1 ? base : `${base}-${n}`
    const dir = join(outDir, id)
    try {
      await mkdir(dir)
      return {id, dir}
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  throw new InternalError(`Could not find a free incident id under ${outDir} for ${base}.`)
}

/** Read and validate a JSON file we wrote; a file that does not validate is reported, not trusted. */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`Missing file ${path}.`)
    throw error
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new InternalError(`${path} is not valid JSON; it may have been edited by hand.`, {cause: error})
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issues = formatIssues(parsed.error, 3)
    throw new InternalError(`${path} does not match its schema (${issues.join('; ')}).`)
  }
  return parsed.data
}

export async function readIncident(dir: string): Promise<Incident> {
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
 * Append one event. One `appendFile` of one line under the incident lock: lines are never torn
 * or interleaved, and a crash loses at most the line being written.
 */
export async function appendTimeline(dir: string, event: TimelineEventInput): Promise<TimelineEvent> {
  const parsed = TimelineEventSchema.parse(event)
  await appendFile(join(dir, TIMELINE_FILE), JSON.stringify(parsed) + '\n', 'utf8')
  return parsed
}

/** Read the timeline; a torn last line (crash mid-append) is skipped rather than failing the incident. */
export async function readTimeline(dir: string): Promise<TimelineEvent[]> {
  let text: string
  try {
    text = await readFile(join(dir, TIMELINE_FILE), 'utf8')
  } catch {
    return []
  }
  const events: TimelineEvent[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    try {
      const parsed = TimelineEventSchema.safeParse(JSON.parse(line))
      if (parsed.success) events.push(parsed.data)
    } catch {
      // a torn line from a killed process: skip it
    }
  }
  return events.sort((a, b) => a.at.localeCompare(b.at))
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
