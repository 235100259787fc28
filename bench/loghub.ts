/**
 * Loghub-2k Grouping Accuracy of our template miner, (a) with the benchmark's per-system
 * preprocessing regexes, similarity threshold and depth from settings.json, and (b) with our
 * untuned defaults (one setting for all systems: depth 5, threshold 0.7, no regexes). In both,
 * the miner does what it always does: masks variables per token, and reports clusters that share
 * every constant token as one group. The message is the `Content` field of each system's log
 * format in both modes. Ground truth: the original `<S>_2k.log_structured.csv` files, the ones the
 * published Drain figures (average 0.866) were computed on. The data is read in place.
 *
 * Then the readers on the raw files: timestamps read per system, and error-line precision and
 * recall against the structured `Level` columns (bench/loghub-readers.ts says how).
 *
 *   npx tsx bench/loghub.ts [datasetDir]
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {parse} from 'csv-parse/sync'
import {z} from 'zod'

import {coveredGroupKeys} from '../src/evidence/logs/covering-templates.js'
import {TemplateMiner, type MinerSettings} from '../src/evidence/logs/template-miner.js'
import {groupingAccuracy, logFormatToRegex} from './loghub-lib.js'
import {readAllSystems} from './loghub-readers.js'

const SystemSettingsSchema = z.object({
  log_format: z.string(),
  regex: z.array(z.string()),
  st: z.number(),
  depth: z.number().int(),
  log_file: z.string(),
})
const SettingsSchema = z.record(z.string(), SystemSettingsSchema)
const ReferenceSchema = z.object({drain_logparser_readme: z.record(z.string(), z.object({GA: z.number()}))})
const TruthRowSchema = z.object({EventId: z.string()})

const here = path.dirname(fileURLToPath(import.meta.url))
const datasetDir = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'shared', 'datasets', 'loghub-2k'))

function contents(raw: string, format: RegExp): string[] {
  const lines = raw.split('\n').map((line) => line.replace(/\r$/, '').trim())
  while (lines.length > 0 && lines.at(-1) === '') lines.pop()
  return lines.map((line) => format.exec(line)?.groups?.Content ?? line)
}

function mine(messages: string[], settings: Partial<MinerSettings>): string[] {
  const miner = new TemplateMiner(settings)
  const clusters = messages.map((message) => miner.add(message))
  // Like the published harness, a group is a final template string: clusters that end equal are
  // one group; covered templates are reported with their cover, as the digest does.
  const keys = coveredGroupKeys(miner)
  return clusters.map((cluster) => keys[cluster.id])
}

async function main(): Promise<void> {
  const settings = SettingsSchema.parse(JSON.parse(await readFile(path.join(datasetDir, 'settings.json'), 'utf8')))
  const reference = ReferenceSchema.parse(JSON.parse(await readFile(path.join(datasetDir, 'reference_results.json'), 'utf8')))
  const rows: Array<{system: string; preprocessed: number; defaults: number; drain: number | undefined}> = []
  for (const [system, s] of Object.entries(settings)) {
    const logPath = path.join(datasetDir, s.log_file)
    const messages = contents(await readFile(logPath, 'utf8'), logFormatToRegex(s.log_format))
    const truthRows = z.array(TruthRowSchema).parse(parse(await readFile(`${logPath}_structured.csv`), {columns: true, bom: true}))
    const truth = truthRows.map((row) => row.EventId)
    const preprocessed = mine(messages, {
      preprocess: s.regex.map((source) => new RegExp(source, 'g')),
      similarityThreshold: s.st,
      depth: s.depth,
    })
    const defaults = mine(messages, {})
    rows.push({
      system,
      preprocessed: groupingAccuracy(preprocessed, truth),
      defaults: groupingAccuracy(defaults, truth),
      drain: reference.drain_logparser_readme[system]?.GA,
    })
  }
  const f = (n: number | undefined) => (n === undefined ? '  -  ' : n.toFixed(3))
  console.log(`dataset: ${datasetDir}`)
  console.log('system        preprocessed  defaults  drain(published)')
  for (const row of rows) console.log(`${row.system.padEnd(13)} ${f(row.preprocessed).padStart(12)} ${f(row.defaults).padStart(9)} ${f(row.drain).padStart(17)}`)
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
  const drainMean = mean(rows.map((r) => r.drain ?? 0))
  console.log(`published Drain average GA: ${drainMean.toFixed(3)}`)
  console.log(`loghub-2k average GA: preprocessed=${mean(rows.map((r) => r.preprocessed)).toFixed(3)} defaults=${mean(rows.map((r) => r.defaults)).toFixed(3)}`)
  console.log('')
  for (const line of await readAllSystems(datasetDir, Object.entries(settings).map(([system, s]) => ({system, logFile: s.log_file})))) console.log(line)
}

await main()
