import {isAscii} from 'node:buffer'
import {createReadStream} from 'node:fs'
import {Readable} from 'node:stream'
import {createGunzip} from 'node:zlib'

import {isGzip, readFileChunks} from './read-file-chunks.js'

/**
 * Streams the lines of a plain or gzip file (or stdin for `-`) to a callback, in bounded memory:
 * a line longer than `maxLineChars` is cut there and the rest discarded. The callback is
 * synchronous on purpose: an async iterator per line costs more than the analysis of the line.
 * Nothing here throws on bad content; damage is counted in the returned stats.
 */
export interface LineReaderOptions {
  maxLineChars?: number
  /** Where `-` reads from; injectable for tests. */
  stdin?: Readable
  /** Byte range [start, end) of a plain file, split at line starts by the caller. */
  range?: {start: number; end: number}
  /** Bounds on the work one source may take (bytes after gunzip, wall-clock time, bytes with no line break). */
  sourceLimits?: Partial<SourceLimits>
}

export interface SourceLimits {
  maxBytes: number
  maxMs: number
  maxBytesWithoutLineBreak: number
}

/**
 * No input may take unbounded work: `--logs /dev/zero` (no line break, ever), `/dev/urandom`, a
 * gzip bomb or a log that never ends stop at one of these with a named limitation. The byte and
 * time bounds are far beyond any log an incident needs read; a text log has a line break well
 * within 256 MiB.
 */
export const DEFAULT_SOURCE_LIMITS: SourceLimits = {
  maxBytes: 64 * 1024 ** 3,
  maxMs: 20 * 60_000,
  maxBytesWithoutLineBreak: 256 * 1024 ** 2,
}

export interface ReadStats {
  lines: number
  bytes: number
  /** Lines cut at maxLineChars. */
  truncatedLines: number
  /** Lines holding U+FFFD after decoding, i.e. invalid UTF-8 (kept, with replacement characters). */
  invalidUtf8Lines: number
  /** Set when the stream broke off (a truncated gzip, an unreadable file): the lines before it are kept. */
  streamError: string | null
  /** Set when a limit (`SourceLimits`) stopped the read: what was read before it is kept. */
  limitReached: string | null
}

export const DEFAULT_MAX_LINE_CHARS = 64 * 1024
// Whatever the read size, bytes are decoded 64 KB at a time, since each decoded string is what
// the lines are sliced from. A 64 KB string stays in V8's young generation and dies in a cheap
// scavenge; 1 MB strings went to large-object space, piled up until a full GC, and took two
// threads on 1 GB from 135 to 280 MB peak RSS (and were slower).
const DECODE_CHUNK_BYTES = 64 * 1024


/** Returning `false` stops the read (the rest of the source is not read). */
export type LineHandler = (line: string, lineNumber: number) => void | boolean

export async function readLines(source: string, onLine: LineHandler, options: LineReaderOptions = {}): Promise<ReadStats> {
  const maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS
  const stats: ReadStats = {lines: 0, bytes: 0, truncatedLines: 0, invalidUtf8Lines: 0, streamError: null, limitReached: null}
  const limits = {...DEFAULT_SOURCE_LIMITS, ...options.sourceLimits}
  const deadline = Date.now() + limits.maxMs
  let fed = 0
  let sinceLineBreak = 0
  // TextDecoder in streaming mode keeps multi-byte characters split across chunks whole, and is
  // about three times faster than StringDecoder here.
  const decoder = new TextDecoder('utf-8')
  // Most log chunks are pure ASCII, where latin1 decoding gives the same text several times
  // faster. After a non-ASCII chunk the decoder may hold the head of a split character, so the
  // next chunk still goes through it (an ASCII chunk leaves nothing pending behind it).
  let decoderPending = false
  const decode = (buffer: Buffer): string => {
    if (isAscii(buffer)) {
      if (!decoderPending) return buffer.toString('latin1')
      decoderPending = false
    } else {
      decoderPending = true
    }
    return decoder.decode(buffer, {stream: true})
  }
  let carry = ''
  let discarding = false
  let stopped = false

  const emit = (line: string) => {
    stats.lines++
    const text = line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line
    if (text.includes('\uFFFD')) stats.invalidUtf8Lines++
    if (onLine(text, stats.lines) === false) stopped = true
  }

  const consume = (chunk: string) => {
    let start = 0
    let newline = chunk.indexOf('\n')
    while (newline !== -1 && !stopped) {
      if (discarding) {
        discarding = false
      } else if (carry.length > 0) {
        emit(capped(carry + chunk.slice(start, Math.min(newline, start + maxLineChars))))
        carry = ''
      } else if (newline - start > maxLineChars) {
        stats.truncatedLines++
        emit(chunk.slice(start, start + maxLineChars))
      } else {
        emit(chunk.slice(start, newline))
      }
      start = newline + 1
      newline = chunk.indexOf('\n', start)
    }
    if (start < chunk.length && !discarding) {
      carry += chunk.slice(start, start + maxLineChars + 1)
      if (carry.length > maxLineChars) {
        stats.truncatedLines++
        emit(carry.slice(0, maxLineChars))
        carry = ''
        discarding = true
      }
    }
  }

  // A carried head plus a chunk tail can exceed the cap without a single long chunk.
  const capped = (line: string) => {
    if (line.length <= maxLineChars) return line
    stats.truncatedLines++
    return line.slice(0, maxLineChars)
  }

  const feed = (bytes: Buffer): boolean => {
    for (let at = 0; at < bytes.length && !stopped; at += DECODE_CHUNK_BYTES) {
      const slice = bytes.subarray(at, at + DECODE_CHUNK_BYTES)
      consume(decode(slice))
      fed += slice.length
      sinceLineBreak = slice.includes(10) ? slice.length - slice.lastIndexOf(10) - 1 : sinceLineBreak + slice.length
      const limit = limitReached()
      if (limit !== null) {
        stats.limitReached = limit
        stopped = true
      }
    }
    return !stopped
  }

  const limitReached = (): string | null => {
    if (sinceLineBreak > limits.maxBytesWithoutLineBreak) return `no line break in ${formatBytes(limits.maxBytesWithoutLineBreak)}: not a line-oriented text log, read stopped there`
    if (fed > limits.maxBytes) return `read stopped after ${formatBytes(limits.maxBytes)}, the limit per input`
    if (Date.now() > deadline) return `read stopped after ${limits.maxMs >= 1000 ? `${Math.round(limits.maxMs / 1000)} s` : `${limits.maxMs} ms`}, the time limit per input`
    return null
  }

  try {
    // Bytes are counted as they arrive, so a read that breaks off still says how far it got.
    const counted = (bytes: Buffer): boolean => {
      stats.bytes += bytes.length
      return feed(bytes)
    }
    const plain = source === '-' ? null : await readFileChunks(source, options.range, counted)
    if (plain?.handOff && options.range) throw new Error('only a plain file can be read by byte range')
    // stdin, a pipe or a gzip file: through a stream (and gunzip when the first bytes say so).
    if (plain === null || plain.handOff) {
      const stream = source === '-' ? (options.stdin ?? process.stdin) : createReadStream(source)
      await readStream(stream, stats, feed, source !== '-')
    }
  } catch (error) {
    stats.streamError = error instanceof Error ? error.message : String(error)
  }
  const rest = carry + decoder.decode()
  if (rest.length > 0 && !discarding && !stopped) emit(capped(rest))
  return stats
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${Math.round(bytes / 1024 ** 3)} GiB` : bytes >= 1024 ** 2 ? `${Math.round(bytes / 1024 ** 2)} MiB` : `${Math.round(bytes / 1024)} KiB`
}

/** Streams `raw`, gunzipping it when it starts with the gzip magic, counting its raw bytes; stdin is left open. */
async function readStream(raw: Readable, stats: ReadStats, feed: (bytes: Buffer) => boolean, destroy: boolean): Promise<void> {
  try {
    const chunks = raw[Symbol.asyncIterator]() as AsyncIterator<Buffer>
    const first = await chunks.next()
    if (first.done) return
    const gzipped = isGzip(first.value)
    // Re-assemble the stream with the sniffed chunk in front, counting raw bytes on the way.
    const counted = Readable.from(
      (async function* () {
        stats.bytes += first.value.length
        yield first.value
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
          stats.bytes += next.value.length
          yield next.value
        }
      })(),
      {objectMode: false},
    )
    const decoded: Readable = gzipped ? counted.pipe(createGunzip()) : counted
    if (gzipped) counted.on('error', (error) => decoded.destroy(error))
    for await (const buffer of decoded) if (!feed(buffer as Buffer)) break
  } finally {
    if (destroy) raw.destroy()
  }
}
