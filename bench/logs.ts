/**
 * Throughput of the full log analysis on a generated mixed log (JSON + plain text + stack traces,
 * baseline then incident burst), against `grep -c ERROR` on the same file as the I/O reference.
 * The file lives in os.tmpdir() and is deleted afterwards.
 *
 *   npm run bench:logs -- [--size 1GB|200MB|...] [--workers N]
 *
 * The analysis runs the built code (dist/), as the CLI does; `npm run bench:logs` builds first.
 * Without --workers it uses the library's default.
 *
 * Besides wall time it prints the CPU seconds of the analysis process and the load average, since
 * on a shared machine wall time says as much about the neighbours as about the code.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {z} from 'zod'

import {generateMixedLog} from './logs-lib.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const RunResultSchema = z.object({wallS: z.number(), cpuS: z.number(), lines: z.number(), peakRssMb: z.number(), templates: z.number(), onset: z.string().nullable(), digestBytes: z.number()})

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB)?$/i.exec(text.trim())
  if (!match) throw new Error(`bad --size ${text}: use e.g. 200MB or 1GB`)
  const unit = (match[2] ?? 'B').toUpperCase()
  const factor = unit === 'GB' ? 1e9 : unit === 'MB' ? 1e6 : unit === 'KB' ? 1e3 : 1
  return Math.round(Number(match[1]) * factor)
}

function grepSeconds(file: string): number {
  execFileSync('grep', ['-c', 'ERROR', file]) // warm the page cache
  const started = performance.now()
  spawnSync('grep', ['-c', 'ERROR', file])
  return (performance.now() - started) / 1000
}

async function main(): Promise<void> {
  const sizeArg = process.argv.indexOf('--size')
  const size = parseSize(sizeArg > 0 ? process.argv[sizeArg + 1] : '1GB')
  const workersArg = process.argv.indexOf('--workers')
  const workers = workersArg > 0 ? process.argv[workersArg + 1] : undefined
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-logs-'))
  const file = path.join(dir, 'mixed.log')
  try {
    const generated = await generateMixedLog(file, size)
    console.log(`generated ${(generated.bytes / 1e6).toFixed(0)} MB, ${generated.lines} lines, incident from ${new Date(generated.onsetAt).toISOString()}`)
    const grepS = grepSeconds(file)
    const child = spawnSync(process.execPath, [path.join(here, 'logs-run.mjs'), file, ...(workers ? [workers] : [])], {encoding: 'utf8', maxBuffer: 1 << 20})
    if (child.status !== 0) throw new Error(`analysis failed: ${child.stderr}`)
    const run = RunResultSchema.parse(JSON.parse(child.stdout.trim().split('\n').at(-1)!))
    console.log(`analysis: ${run.templates} templates, onset ${run.onset}, digest ${(run.digestBytes / 1024).toFixed(0)} KB`)
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
    console.log(`analysis CPU ${run.cpuS.toFixed(2)} s (${Math.round(run.lines / run.cpuS)} lines per CPU-second), workers ${workers ?? 'default'}`)
    const linesPerS = Math.round(run.lines / run.wallS)
    const mbPerS = generated.bytes / 1e6 / run.wallS
    console.log(
      `logs: ${linesPerS} lines/s, ${mbPerS.toFixed(1)} MB/s, wall ${run.wallS.toFixed(2)} s, grep ${grepS.toFixed(2)} s, ratio ${(run.wallS / grepS).toFixed(1)}, peak RSS ${Math.round(run.peakRssMb)} MB`,
    )
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

await main()
