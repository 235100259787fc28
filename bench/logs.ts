/**
 * Throughput, memory and template accuracy of the full log analysis on corpora it was not tuned
 * on (bench/corpus/corpora.ts): Loghub-2k synthesised at scale, JSON, logfmt, nginx, plain text
 * with stack traces, a mix; and hostile inputs for the memory bound. Against `grep -c ERROR` on
 * the same file as the I/O reference. Corpora are written once to --dir (default /tmp/engine) and
 * reused while their version, seed and size match.
 *
 *   npm run bench:logs -- [--corpus all|hostile|NAME[,NAME…]] [--size 1GB|200MB|…] [--threads N]
 *                          [--dir DIR] [--dataset LOGHUB_2K_DIR] [--no-accuracy]
 *
 * One line per corpus:
 *   logs[<corpus>]: <lines/s> lines/s, <MB/s> MB/s, wall <s> s, grep <s> s, ratio <r>, peak RSS <MB> MB, templates <n> (truth <t>, GA <g>)
 * The analysis runs the built code (dist/), as the CLI does; `npm run bench:logs` builds first.
 * Template accuracy comes from a separate single-threaded pass (bench/logs-accuracy.mjs). Besides
 * wall time the detail line gives the CPU seconds and the load average, since on a shared machine
 * wall time says as much about the neighbours as about the code.
 */
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {z} from 'zod'

import {CORPORA, ensureCorpus} from './corpus/corpora.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const RunResultSchema = z.object({wallS: z.number(), cpuS: z.number(), lines: z.number(), peakRssMb: z.number(), templates: z.number(), onset: z.string().nullable(), digestBytes: z.number(), notes: z.array(z.string())})
const AccuracySchema = z.object({events: z.number(), groups: z.number(), truthTemplates: z.number(), ga: z.number()})
const SEED = 20_261_129

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB)?$/i.exec(text.trim())
  if (!match) throw new Error(`bad --size ${text}: use e.g. 200MB or 1GB`)
  const unit = (match[2] ?? 'B').toUpperCase()
  const factor = unit === 'GB' ? 1e9 : unit === 'MB' ? 1e6 : unit === 'KB' ? 1e3 : 1
  return Math.round(Number(match[1]) * factor)
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? process.argv[at + 1] : undefined
}

function grepSeconds(file: string): number {
  spawnSync('grep', ['-c', 'ERROR', file]) // warm the page cache
  const started = performance.now()
  spawnSync('grep', ['-c', 'ERROR', file])
  return (performance.now() - started) / 1000
}

function defaultDataset(): string {
  // The repository's sibling shared/ folder (a worktree sits one level deeper).
  const candidates = [path.join(here, '..', '..', 'shared'), path.join(here, '..', '..', '..', 'shared')].map((dir) => path.join(dir, 'datasets', 'loghub-2k'))
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0]
}

function child<T>(script: string, args: string[], schema: z.ZodType<T>): T {
  const run = spawnSync(process.execPath, [path.join(here, script), ...args], {encoding: 'utf8', maxBuffer: 16 << 20})
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`)
  return schema.parse(JSON.parse(run.stdout.trim().split('\n').at(-1)!))
}

async function main(): Promise<void> {
  const size = parseSize(option('size') ?? '1GB')
  const threads = option('threads')
  const dir = option('dir') ?? '/tmp/engine'
  const dataset = option('dataset') ?? defaultDataset()
  const wanted = option('corpus') ?? 'all'
  const names = wanted === 'all' ? CORPORA.filter((c) => !c.hostile).map((c) => c.name) : wanted === 'hostile' ? CORPORA.filter((c) => c.hostile).map((c) => c.name) : wanted.split(',')
  const accuracy = !process.argv.includes('--no-accuracy')
  await mkdir(dir, {recursive: true})
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, threads ${threads ?? 'default'}`)
  for (const name of names) {
    const spec = CORPORA.find((corpus) => corpus.name === name)
    if (!spec) throw new Error(`unknown corpus ${name}: one of ${CORPORA.map((c) => c.name).join(', ')}, all, hostile`)
    const {file, meta, fresh} = await ensureCorpus(spec, dir, size, SEED, dataset)
    if (fresh) console.log(`generated ${file}: ${(meta.bytes / 1e6).toFixed(0)} MB, ${meta.lines} lines, ${meta.events} events`)
    const grepS = grepSeconds(file)
    const load = os.loadavg()[0]
    const run = child('logs-run.mjs', [file, ...(threads ? [threads] : [])], RunResultSchema)
    const truth = accuracy && meta.truthTemplates !== null ? child('logs-accuracy.mjs', [file], AccuracySchema) : null
    console.log(`  ${name}: ${spec.description}; CPU ${run.cpuS.toFixed(1)} s (${Math.round(run.lines / run.cpuS)} lines per CPU-second), load average ${load.toFixed(1)} before, digest ${(run.digestBytes / 1024).toFixed(0)} KB${truth ? `, accuracy pass: ${truth.groups} groups over ${truth.events} events` : ''}`)
    for (const note of run.notes) console.log(`    note: ${note}`)
    const truthText = meta.truthTemplates === null ? 'truth -, GA -' : `truth ${meta.truthTemplates}, GA ${truth ? truth.ga.toFixed(3) : '-'}`
    console.log(
      `logs[${name}]: ${Math.round(run.lines / run.wallS)} lines/s, ${(meta.bytes / 1e6 / run.wallS).toFixed(1)} MB/s, wall ${run.wallS.toFixed(2)} s, grep ${grepS.toFixed(2)} s, ratio ${(run.wallS / grepS).toFixed(1)}, peak RSS ${Math.round(run.peakRssMb)} MB, templates ${run.templates} (${truthText})`,
    )
  }
}

await main()
