import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {FILE_READ_BYTES, readFileChunks} from '../../../src/evidence/logs/read-file-chunks.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'file-chunks-'))
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

// The buffers are reused, so a caller keeps copies; so does this test.
const collect = async (file: string, range?: {start: number; end: number}, stopAfter = Infinity) => {
  const chunks: Buffer[] = []
  const result = await readFileChunks(file, range, (chunk) => {
    chunks.push(Buffer.from(chunk))
    return chunks.length < stopAfter
  })
  return {result, data: Buffer.concat(chunks), chunks: chunks.length}
}

describe('readFileChunks', () => {
  it('reads a byte range spanning several buffers exactly', async () => {
    const content = Buffer.from(Array.from({length: FILE_READ_BYTES * 2.5}, (_, i) => 97 + (i % 26)))
    const file = path.join(dir, 'big.log')
    await writeFile(file, content)
    const whole = await collect(file)
    expect(whole.result).toEqual({handOff: false, bytes: content.length})
    expect(whole.data.equals(content)).toBe(true)
    const part = await collect(file, {start: 100, end: FILE_READ_BYTES * 2 + 7})
    expect(part.data.equals(content.subarray(100, FILE_READ_BYTES * 2 + 7))).toBe(true)
    expect(part.chunks).toBe(2)
  })

  it('stops when asked', async () => {
    const file = path.join(dir, 'stop.log')
    await writeFile(file, Buffer.alloc(FILE_READ_BYTES * 3, 120))
    const stopped = await collect(file, undefined, 1)
    expect(stopped.chunks).toBe(1)
    expect(stopped.result.bytes).toBe(FILE_READ_BYTES)
  })

  it('hands gzip files and what is not a regular file back untouched, and does not take a one-byte file for gzip', async () => {
    const gz = path.join(dir, 'x.gz')
    await writeFile(gz, Buffer.from([0x1f, 0x8b, 8, 0]))
    expect((await collect(gz)).result).toEqual({handOff: true, bytes: 0})
    expect((await collect(dir)).result).toEqual({handOff: true, bytes: 0})
    const one = path.join(dir, 'one.log')
    await writeFile(one, Buffer.from([0x1f]))
    expect((await collect(one)).result).toEqual({handOff: false, bytes: 1})
  })

  it('rejects a missing file with the system message', async () => {
    await expect(readFileChunks(path.join(dir, 'missing.log'), undefined, () => true)).rejects.toThrow(/ENOENT/)
  })
})
