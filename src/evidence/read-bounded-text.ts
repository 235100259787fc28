import {open} from 'node:fs/promises'

/** A deploys or metrics file is small; one this large is not one (or is `/dev/zero`). */
export const MAX_INPUT_FILE_BYTES = 256 * 1024 * 1024

/**
 * Reads a whole text file, but never more than `maxBytes`: `readFile` of a device or a file that
 * grows without end never returns. Null when the file is larger than that.
 */
export async function readBoundedText(path: string, maxBytes = MAX_INPUT_FILE_BYTES): Promise<string | null> {
  const handle = await open(path, 'r')
  try {
    const chunks: Buffer[] = []
    let size = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - size))
      const {bytesRead} = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) return Buffer.concat(chunks).toString('utf8')
      chunks.push(chunk.subarray(0, bytesRead))
      size += bytesRead
      if (size > maxBytes) return null
    }
  } finally {
    await handle.close()
  }
}
