import {readFile} from 'node:fs/promises'
import path from 'node:path'

import {parse} from 'csv-parse/sync'
import {z} from 'zod'

import type {CorpusEvent, EventSource} from './corpus-event.js'
import {int, type Random} from './random-values.js'

/**
 * Lines synthesised from the ground truth of the 16 Loghub-2k systems: each line is a row drawn at
 * random from one system's `<S>_2k.log_structured.csv` (so events keep their real frequencies),
 * whose template is filled with fresh parameter values of the same shape as that row's own (digits
 * and hex digits redrawn, the rest kept: a user name stays a real user name). The true template of
 * every line is its system and EventId.
 *
 * Lines read `<ISO time> <System> <Content>`, one format for all systems, so the analysis mines
 * the same Content the published Loghub figures are computed on, behind a timestamp and a logger
 * name as in any application log.
 */
const SettingsSchema = z.record(z.string(), z.object({log_file: z.string()}))
const RowSchema = z.object({Content: z.string(), EventId: z.string(), EventTemplate: z.string()})

interface Row {
  /** Literal parts of the template around its parameters; parts.length = values.length + 1. */
  parts: string[]
  values: string[]
  truth: string
}

interface System {
  name: string
  rows: Row[]
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`)

/** A row's template and parameter values, when its Content fits its template; else its Content as one literal. */
function rowOf(system: string, content: string, eventId: string, template: string): Row {
  const truth = `${system} ${eventId}`
  const parts = template.split('<*>')
  const match = new RegExp(`^${parts.map(escape).join('(.*?)')}$`, 's').exec(content)
  return match ? {parts, values: match.slice(1), truth} : {parts: [content], values: [], truth}
}

export async function loadLoghubSystems(datasetDir: string): Promise<System[]> {
  const settings = SettingsSchema.parse(JSON.parse(await readFile(path.join(datasetDir, 'settings.json'), 'utf8')))
  const systems: System[] = []
  for (const [name, {log_file}] of Object.entries(settings)) {
    const rows = z.array(RowSchema).parse(parse(await readFile(path.join(datasetDir, `${log_file}_structured.csv`)), {columns: true, bom: true}))
    systems.push({name, rows: rows.map((row) => rowOf(name, row.Content.replace(/\s+/g, ' ').trim(), row.EventId, row.EventTemplate))})
  }
  return systems
}

const DIGITS = '0123456789'
const HEX_DIGITS = '0123456789abcdef'
const HEX_LIKE = /^(?=.*\d)(?=.*[a-f])[0-9a-f:-]{6,}$/i

/** A value of the same shape: every digit redrawn (a leading non-zero stays non-zero), hex letters too in a hex id. */
export function freshValue(random: Random, value: string): string {
  const hexLike = HEX_LIKE.test(value)
  let out = ''
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    if (c >= '0' && c <= '9') out += c !== '0' && (i === 0 || !/\d/.test(value[i - 1])) ? DIGITS[1 + int(random, 9)] : DIGITS[int(random, 10)]
    else if (hexLike && /[a-f]/i.test(c)) out += HEX_DIGITS[int(random, 16)]
    else out += c
  }
  return out
}

export function loghubSource(systems: readonly System[]): EventSource {
  return (random, ts): CorpusEvent => {
    const system = systems[int(random, systems.length)]
    const row = system.rows[int(random, system.rows.length)]
    let content = row.parts[0]
    for (let i = 0; i < row.values.length; i++) content += freshValue(random, row.values[i]) + row.parts[i + 1]
    return {text: `${new Date(ts).toISOString()} ${system.name} ${content}`, truth: row.truth}
  }
}
