import path from 'node:path'

import {jsonSource, logfmtSource, mixSource, nginxSource, tracesSource} from './app-corpora.js'
import {distinctSource} from './hostile-corpora.js'
import {loadLoghubSystems, loghubSource} from './loghub-corpus.js'
import {cachedMeta, type CorpusMeta, writeEventCorpus, writeRawCorpus} from './write-corpus.js'

/**
 * The benchmark corpora, one entry each: what it is and how to write it. `all` runs the realistic
 * ones; the hostile ones (`hostile`) check the memory bound and the caps rather than speed.
 */
export interface CorpusSpec {
  name: string
  description: string
  hostile: boolean
  write: (file: string, targetBytes: number, seed: number, datasetDir: string) => Promise<CorpusMeta>
}

const LINE_FILLER = new TextEncoder().encode('GET /api/orders?id=ord_auxrrbemqm&q=red+running+shoes status=200 ')

export const CORPORA: readonly CorpusSpec[] = [
  {
    name: 'loghub',
    description: 'the 16 Loghub-2k systems: rows drawn at their real frequencies, templates filled with fresh values of the real values\' shapes',
    hostile: false,
    write: async (file, bytes, seed, datasetDir) => writeEventCorpus(file, loghubSource(await loadLoghubSystems(datasetDir)), bytes, seed),
  },
  {name: 'json', description: 'JSON lines, 15–18 fields: hex, base62, UUID and digit-free ids, free-text fields, 2 % long lines', hostile: false, write: (file, bytes, seed) => writeEventCorpus(file, jsonSource, bytes, seed)},
  {name: 'logfmt', description: 'logfmt lines with quoted messages and free-text queries', hostile: false, write: (file, bytes, seed) => writeEventCorpus(file, logfmtSource, bytes, seed)},
  {name: 'nginx', description: 'nginx combined access lines with ids in paths, query strings, user agents', hostile: false, write: (file, bytes, seed) => writeEventCorpus(file, nginxSource, bytes, seed)},
  {name: 'traces', description: 'plain-text application lines, 4 % of events with a Java, Python or Go stack trace', hostile: false, write: (file, bytes, seed) => writeEventCorpus(file, tracesSource, bytes, seed)},
  {name: 'mix', description: 'JSON 45 %, plain text with traces 30 %, nginx 25 %, interleaved in one file', hostile: false, write: (file, bytes, seed) => writeEventCorpus(file, mixSource, bytes, seed)},
  {name: 'distinct', description: 'every message distinct (3–9 words, no digits)', hostile: true, write: (file, bytes, seed) => writeEventCorpus(file, distinctSource, bytes, seed)},
  {
    name: 'long-line',
    description: 'one line the size of the file',
    hostile: true,
    write: (file, bytes, seed) =>
      writeRawCorpus(
        file,
        (_random, size) => {
          const chunk = new Uint8Array(size)
          for (let i = 0; i < size; i += LINE_FILLER.length) chunk.set(LINE_FILLER.subarray(0, Math.min(LINE_FILLER.length, size - i)), i)
          return chunk
        },
        bytes,
        seed,
      ),
  },
  {
    name: 'random-bytes',
    description: 'random bytes',
    hostile: true,
    write: (file, bytes, seed) =>
      writeRawCorpus(
        file,
        (random, size) => {
          const chunk = new Uint8Array(size)
          for (let i = 0; i < size; i++) chunk[i] = Math.floor(random() * 256)
          return chunk
        },
        bytes,
        seed,
      ),
  },
]

/** The corpus file under `dir`, written unless an identical one is there already. */
export async function ensureCorpus(spec: CorpusSpec, dir: string, targetBytes: number, seed: number, datasetDir: string): Promise<{file: string; meta: CorpusMeta; fresh: boolean}> {
  const file = path.join(dir, `${spec.name}-${targetBytes}.log`)
  const cached = await cachedMeta(file, seed, targetBytes)
  if (cached) return {file, meta: cached, fresh: false}
  return {file, meta: await spec.write(file, targetBytes, seed, datasetDir), fresh: true}
}
