import {mkdir} from 'node:fs/promises'
import {dirname} from 'node:path'
import writeFileAtomicLib from 'write-file-atomic'

/**
 * Write a whole file atomically (temp file in the same folder, fsync, rename), so a reader or a
 * killed process never sees half a file. write-file-atomic also serialises concurrent writes to
 * one path within this process.
 */
export async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(path), {recursive: true})
  await writeFileAtomicLib(path, data, {encoding: 'utf8'})
}

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n')
}
