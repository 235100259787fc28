import {createWriteStream, type WriteStream} from 'node:fs'
import {once} from 'node:events'
import {readFile, rename, writeFile} from 'node:fs/promises'

import {z} from 'zod'

import type {EventSource} from './corpus-event.js'
import {seeded} from './random-values.js'

/**
 * Writes a corpus file of about `targetBytes` and, beside it, the true template of every line
 * (`<file>.truth`: one little-endian uint32 per line, 0 for a trace's continuation lines, else a
 * template number from 1; a template of its own gets a fresh number). `<file>.json` describes the
 * corpus; a later run with the same version, seed and size reuses the files.
 */
export const CORPUS_VERSION = 2
const SPAN_MS = 6 * 3_600_000
const START_MS = Date.UTC(2026, 10, 29, 6, 0, 0)
const BLOCK_BYTES = 4 << 20

export const CorpusMetaSchema = z.object({
  version: z.number(),
  seed: z.number(),
  targetBytes: z.number(),
  bytes: z.number(),
  lines: z.number(),
  events: z.number(),
  /** Distinct true templates; null for corpora without a truth (raw bytes). */
  truthTemplates: z.number().nullable(),
})
export type CorpusMeta = z.infer<typeof CorpusMetaSchema>

export async function cachedMeta(file: string, seed: number, targetBytes: number): Promise<CorpusMeta | null> {
  try {
    const meta = CorpusMetaSchema.parse(JSON.parse(await readFile(`${file}.json`, 'utf8')))
    return meta.version === CORPUS_VERSION && meta.seed === seed && meta.targetBytes === targetBytes ? meta : null
  } catch {
    return null
  }
}

async function write(out: WriteStream, chunk: string | Uint8Array): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain')
}

async function close(out: WriteStream): Promise<void> {
  out.end()
  await once(out, 'finish')
}

export async function writeEventCorpus(file: string, source: EventSource, targetBytes: number, seed: number): Promise<CorpusMeta> {
  const random = seeded(seed)
  // The clock steps so that the file spans SPAN_MS whatever its size: estimated from a sample.
  let sampleBytes = 0
  for (let i = 0; i < 1000; i++) sampleBytes += source(seeded(seed + i), START_MS).text.length + 1
  const stepMs = SPAN_MS / Math.max(1000, targetBytes / (sampleBytes / 1000))
  const out = createWriteStream(`${file}.tmp`)
  const truthOut = createWriteStream(`${file}.truth.tmp`)
  const ids = new Map<string, number>()
  let nextId = 1
  let bytes = 0
  let lines = 0
  let events = 0
  let ts = START_MS
  let block: string[] = []
  let blockBytes = 0
  let truth = new Uint32Array(1 << 16)
  let truthLength = 0
  const flush = async () => {
    const text = `${block.join('\n')}\n`
    bytes += Buffer.byteLength(text)
    await write(out, text)
    await write(truthOut, new Uint8Array(truth.buffer, 0, truthLength * 4).slice())
    block = []
    blockBytes = 0
    truthLength = 0
  }
  const pushTruth = (id: number) => {
    if (truthLength === truth.length) {
      const grown = new Uint32Array(truth.length * 2)
      grown.set(truth)
      truth = grown
    }
    truth[truthLength++] = id
  }
  while (bytes + blockBytes < targetBytes) {
    ts += stepMs
    const event = source(random, Math.round(ts))
    let id: number
    if (event.truth === null) id = nextId++
    else {
      id = ids.get(event.truth) ?? 0
      if (id === 0) ids.set(event.truth, (id = nextId++))
    }
    events++
    const eventLines = event.text.split('\n')
    eventLines.forEach((line, i) => {
      block.push(line)
      blockBytes += line.length + 1
      pushTruth(i === 0 ? id : 0)
    })
    lines += eventLines.length
    if (blockBytes >= BLOCK_BYTES) await flush()
  }
  if (block.length > 0) await flush()
  await Promise.all([close(out), close(truthOut)])
  await rename(`${file}.tmp`, file)
  await rename(`${file}.truth.tmp`, `${file}.truth`)
  return saveMeta(file, {version: CORPUS_VERSION, seed, targetBytes, bytes, lines, events, truthTemplates: nextId - 1})
}

/** Raw bytes from `block(random, size)` up to `targetBytes`: random bytes, one endless line. */
export async function writeRawCorpus(file: string, block: (random: () => number, size: number) => Uint8Array, targetBytes: number, seed: number): Promise<CorpusMeta> {
  const random = seeded(seed)
  const out = createWriteStream(`${file}.tmp`)
  let bytes = 0
  let breaks = 0
  let last = 10
  while (bytes < targetBytes) {
    const chunk = block(random, Math.min(BLOCK_BYTES, targetBytes - bytes))
    bytes += chunk.length
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) breaks++
    last = chunk[chunk.length - 1]
    await write(out, chunk)
  }
  await close(out)
  await rename(`${file}.tmp`, file)
  const lines = breaks + (last === 10 ? 0 : 1)
  return saveMeta(file, {version: CORPUS_VERSION, seed, targetBytes, bytes, lines, events: lines, truthTemplates: null})
}

async function saveMeta(file: string, meta: CorpusMeta): Promise<CorpusMeta> {
  await writeFile(`${file}.json`, `${JSON.stringify(meta)}\n`)
  return meta
}
