import {open, stat} from 'node:fs/promises'
import {Worker} from 'node:worker_threads'

import type {SecretRule} from '../../redact/catalogue/secret-rules.js'
import {configuredSecretRules} from '../../redact/redact.js'

import {exportAggregatorState, mergeAggregatorState, type AggregatorState} from './aggregator-state.js'
import type {LogAnalysisOptions} from './analyze-logs.js'
import {analyzeSource, type ReadingOptions} from './analyze-source.js'
import {LogAggregator, type AggregatorLimits} from './log-aggregator.js'
import {isGzip} from './read-file-chunks.js'
import {continuesEvent} from './stack-trace.js'
import type {LogFileSummary} from './log-digest.js'
import {mergeReadings} from './merge-readings.js'
import type {MinerSettings} from './template-miner.js'

/**
 * One large plain file analysed by several worker threads, each over a byte range that starts at
 * a line start, then merged in file order. Gzip and stdin cannot be split and stay in process.
 */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024
const BOUNDARY_WINDOW = 256 * 1024
/** About what one thread reads while a worker starts: measured, the main thread otherwise waited ~0.2 s. */
const WORKER_START_BYTES = 12 * 1024 * 1024

export interface ByteRange {
  start: number
  end: number
}

/** Byte ranges for `workers` threads, or null when the file should be read in one go. */
export async function splitForWorkers(source: string, workers: number, minBytes = PARALLEL_MIN_BYTES): Promise<ByteRange[] | null> {
  if (source === '-' || workers < 2) return null
  let size: number
  try {
    const info = await stat(source)
    if (!info.isFile()) return null
    size = info.size
  } catch {
    return null
  }
  if (size < minBytes) return null
  const handle = await open(source, 'r')
  try {
    const head = Buffer.alloc(2)
    await handle.read(head, 0, 2, 0)
    if (isGzip(head)) return null
    const cuts = [0]
    const window = Buffer.alloc(BOUNDARY_WINDOW)
    for (let k = 1; k < workers; k++) {
      // Workers start late (they load their modules first), so the first range, read here, is longer.
      const headStart = Math.min(WORKER_START_BYTES, size / workers / 8)
      const nominal = Math.floor((size * k) / workers + (headStart * (workers - k)) / (workers - 1))
      const {bytesRead} = await handle.read(window, 0, BOUNDARY_WINDOW, nominal)
      // Cut where a new event starts, so stack traces stay whole.
      let cut = -1
      for (let i = window.indexOf(10); i >= 0 && i + 1 < bytesRead; i = window.indexOf(10, i + 1)) {
        if (startsEvent(window, i, bytesRead)) {
          cut = nominal + i + 1
          break
        }
      }
      if (cut > cuts.at(-1)!) cuts.push(cut)
    }
    if (cuts.length < 2) return null
    return cuts.map((start, i) => ({start, end: cuts[i + 1] ?? size}))
  } finally {
    await handle.close()
  }
}

const PEEK_CHARS = 200

/**
 * Whether the line after the newline at `newline` starts an event, by the rule the analysis reads
 * with (continuesEvent): `Caused by:` or an exception header never does; Python's final line or
 * Go's `main.main()` does not right after a trace line. Blank lines are passed over.
 */
function startsEvent(window: Buffer, newline: number, bytesRead: number): boolean {
  const c = window[newline + 1]
  if (c === 10 || c === 13) return false
  const previousStart = window.lastIndexOf(10, newline - 1) + 1
  // A previous line that began before the window is unknown: assume it was part of a trace.
  const afterTrace = previousStart === 0 || continuesEvent(lineAt(window, previousStart, newline), false)
  return !continuesEvent(lineAt(window, newline + 1, bytesRead), afterTrace)
}

function lineAt(window: Buffer, start: number, limit: number): string {
  const newline = window.indexOf(10, start)
  return window.toString('latin1', start, Math.min(newline < 0 || newline > limit ? limit : newline, start + PEEK_CHARS))
}

export interface RangeJob {
  source: string
  range: ByteRange
  nowMs: number
  miner: MinerSettings
  limits: AggregatorLimits
  maxLineChars?: number
  reading?: ReadingOptions
  /** The config file's secret detectors: module state does not cross into a worker thread. */
  secretRules?: readonly SecretRule[]
}

interface WorkerResult {
  state: AggregatorState
  file: LogFileSummary
}

/**
 * The first range is read on this thread while workers read the others: one isolate fewer (about
 * 40 MB of RSS) and no idle main thread. A worker that fails has its range read here instead, so
 * a broken worker costs time, never evidence.
 */
export async function analyzeInWorkers(
  source: string,
  ranges: ByteRange[],
  aggregator: LogAggregator,
  now: Date,
  options: LogAnalysisOptions,
): Promise<LogFileSummary> {
  const [first, ...others] = ranges
  const job = (range: ByteRange) => ({source, range, nowMs: now.getTime(), miner: aggregator.miner.settings, limits: aggregator.limits, maxLineChars: options.maxLineChars, reading: options.reading, secretRules: configuredSecretRules()})
  const inWorkers = others.map((range) =>
    runWorker(job(range)).then(
      (result) => ({...result, inWorker: true}),
      async () => ({...(await analyzeRange(job(range))), inWorker: false}),
    ),
  )
  const head = await analyzeSource(source, aggregator, now, {range: first, maxLineChars: options.maxLineChars, reading: options.reading})
  const results = await Promise.all(inWorkers)
  let lineOffset = head.lines
  const skipped = new Map(head.skipped.map(({reason, count}) => [reason, count]))
  for (const {state, file} of results) {
    mergeAggregatorState(aggregator, state, lineOffset)
    lineOffset += file.lines
    for (const {reason, count} of file.skipped) skipped.set(reason, (skipped.get(reason) ?? 0) + count)
  }
  return {
    path: source,
    format: head.format,
    lines: lineOffset,
    bytes: head.bytes + results.reduce((sum, r) => sum + r.file.bytes, 0),
    skipped: [...skipped].map(([reason, count]) => ({reason, count})),
    threads: 1 + results.filter((result) => result.inWorker).length,
    reading: mergeReadings([head.reading, ...results.map((result) => result.file.reading)]),
  }
}

/**
 * A worker's state is capped (templates, endpoints, clients), and about 65 MB of heap holds it at
 * its fullest; left to itself V8 lets the old generation grow far past that before collecting,
 * which made two threads peak at 310 MB RSS on a 100 MB logfmt file. With this limit V8 collects
 * sooner (the same file: one thread 219 → 146 MB at the same CPU time). A worker that still runs
 * out has its range read again here, like any failed worker.
 */
const WORKER_HEAP_LIMITS = {maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16}

async function runWorker(job: RangeJob): Promise<WorkerResult> {
  const fromSource = import.meta.url.endsWith('.ts')
  const workerUrl = new URL(`./analyze-range-worker${fromSource ? '.ts' : '.js'}`, import.meta.url)
  // Built code (dist/) starts the .js worker directly; run from source (tsx, tests) the worker
  // registers tsx itself first, since loader hooks are not inherited by worker threads.
  const options = {workerData: job, resourceLimits: WORKER_HEAP_LIMITS}
  const worker = fromSource
    ? new Worker(`import('tsx/esm/api').then(({register}) => { register(); return import(${JSON.stringify(workerUrl.href)}) })`, {...options, eval: true})
    : new Worker(workerUrl, options)
  return new Promise<WorkerResult>((resolve, reject) => {
    worker.once('message', (result: WorkerResult) => resolve(result))
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`log analysis worker exited with code ${code}`))
    })
  })
}

/** One range into a fresh aggregator: the body of a worker, and what runs here when a worker failed. */
export async function analyzeRange(job: RangeJob): Promise<WorkerResult> {
  const part = new LogAggregator(job.miner, job.limits)
  const file = await analyzeSource(job.source, part, new Date(job.nowMs), {range: job.range, maxLineChars: job.maxLineChars, reading: job.reading})
  return {state: exportAggregatorState(part), file}
}
