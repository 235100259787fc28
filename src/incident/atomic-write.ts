import {randomBytes} from 'node:crypto'
import {constants} from 'node:fs'
import {mkdir, open, rename, unlink, type FileHandle} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

import {assertWritableInside, fileSystemError, NO_FOLLOW} from './safe-fs.js'

/**
 * Write a whole file atomically: a fresh temp file beside it (created exclusively, so never through
 * a link), fsync, rename over the target. A reader or a killed process never sees half a file; a
 * full disk leaves the old file as it was. The target is checked first (`assertWritableInside`):
 * a link there is refused, not followed.
 */
export async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  const dir = dirname(path)
  try {
    await mkdir(dir, {recursive: true})
  } catch (error) {
    throw fileSystemError(error, dir, 'creating the folder')
  }
  await assertWritableInside(path)
  const temp = join(dir, `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  let handle: FileHandle | null = null
  try {
    handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, 0o666)
    await handle.writeFile(data, 'utf8')
    await handle.sync()
    await handle.close()
    handle = null
    await rename(temp, path)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    throw fileSystemError(error, path, 'writing')
  }
}

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n')
}

/**
 * Append to a line-per-record file (timeline, outbox) without following a link. With `freshLine`,
 * text after a torn last line (a write cut short) starts on a line of its own instead of being
 * glued to it. A failed write is cut back off: the file is as it was, never half a line longer.
 */
export async function appendRecords(path: string, text: string, options: {freshLine?: boolean} = {}): Promise<void> {
  await assertWritableInside(path)
  let handle: FileHandle | null = null
  let size: number | null = null
  try {
    handle = await open(path, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW, 0o666)
    size = (await handle.stat()).size
    let prefix = ''
    if (options.freshLine && size > 0) {
      const last = Buffer.alloc(1)
      await handle.read(last, 0, 1, size - 1)
      if (last[0] !== 0x0a) prefix = '\n'
    }
    await handle.writeFile(prefix + text, 'utf8')
  } catch (error) {
    if (handle && size !== null) await handle.truncate(size).catch(() => undefined)
    throw fileSystemError(error, path, 'appending to')
  } finally {
    await handle?.close().catch(() => undefined)
  }
}
