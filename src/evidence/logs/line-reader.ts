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
  const stats: ReadStats = {lines: 0, bytes: 0, truncatedLines: 0, invalidUtf8Lines: 0, streamError: null}
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
    for (let at = 0; at < bytes.length && !stopped; at += DECODE_CHUNK_BYTES) consume(decode(bytes.subarray(at, at + DECODE_CHUNK_BYTES)))
    return !stopped
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
