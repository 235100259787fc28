import {open, stat} from 'node:fs/promises'

/**
 * Reads a plain file, or a byte range of it, into two reusable buffers in turn: the next read is
 * in flight while the caller works on the current chunk. Against a read stream this drops the
 * stream machinery and a fresh Buffer per chunk; the analysis threads waited on reads noticeably
 * less. What is not a regular file (a pipe, `<(zcat …)`, a directory) or starts with the gzip magic
 * is handed back untouched, nothing consumed, for the caller to stream (through gunzip).
 */
export const FILE_READ_BYTES = 1024 * 1024

/** Whether `bytes` begin with the gzip magic number (1f 8b). */
export const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b

export interface FileChunksResult {
  /** True when the caller must stream the source instead; nothing was consumed then. */
  handOff: boolean
  bytes: number
}

/** `onChunk` returning false stops the read; the chunk's memory is reused once it returns. */
export async function readFileChunks(path: string, range: {start: number; end: number} | undefined, onChunk: (chunk: Buffer) => boolean): Promise<FileChunksResult> {
  // Checked before opening: opening a named pipe and closing it again would break its writer.
  if (!(await stat(path)).isFile()) return {handOff: true, bytes: 0}
  const handle = await open(path, 'r')
  const buffers = [Buffer.allocUnsafe(FILE_READ_BYTES), Buffer.allocUnsafe(FILE_READ_BYTES)]
  const end = range?.end ?? Number.POSITIVE_INFINITY
  let position = range?.start ?? 0
  let turn = 0
  const readInto = (buffer: Buffer) =>
    position < end ? handle.read(buffer, 0, Math.min(FILE_READ_BYTES, end - position), position) : Promise.resolve({bytesRead: 0, buffer})
  let pending = readInto(buffers[0])
  let bytes = 0
  try {
    for (;;) {
      const {bytesRead, buffer} = await pending
      if (bytesRead === 0) return {handOff: false, bytes}
      if (bytes === 0 && position === 0 && isGzip(buffer.subarray(0, bytesRead))) return {handOff: true, bytes: 0}
      position += bytesRead
      bytes += bytesRead
      turn ^= 1
      pending = readInto(buffers[turn])
      if (!onChunk(buffer.subarray(0, bytesRead))) return {handOff: false, bytes}
    }
  } finally {
    // Never close the file under a read still in flight (a stop, or onChunk throwing).
    await pending.catch(() => undefined)
    await handle.close()
  }
}
