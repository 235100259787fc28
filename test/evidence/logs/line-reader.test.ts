import {execFileSync} from 'node:child_process'
import {createWriteStream} from 'node:fs'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {PassThrough, Readable} from 'node:stream'
import {gzipSync} from 'node:zlib'

import {describe, expect, it} from 'vitest'

import {readLines} from '../../../src/evidence/logs/line-reader.js'

async function linesOf(chunks: Buffer[], options: {maxLineChars?: number} = {}) {
  const stdin = new PassThrough()
  const lines: string[] = []
  const done = readLines('-', (line) => void lines.push(line), {...options, stdin})
  for (const chunk of chunks) stdin.write(chunk)
  stdin.end()
  return {lines, stats: await done}
}

describe('readLines', () => {
  it('joins lines and multi-byte characters split across chunks, and strips CR', async () => {
    const text = Buffer.from('first é line\r\nsecond 日本 line\nlast without newline')
    const chunks = [text.subarray(0, 7), text.subarray(7, 15), text.subarray(15, 25), text.subarray(25)]
    const {lines, stats} = await linesOf(chunks)
    expect(lines).toEqual(['first é line', 'second 日本 line', 'last without newline'])
    expect(stats).toMatchObject({lines: 3, bytes: text.length, invalidUtf8Lines: 0, truncatedLines: 0})
  })

  it('decodes ASCII chunks directly, also right after a chunk that ended inside a character', async () => {
    const text = Buffer.from('plain ascii\nsplit é here\nmore ascii\n')
    const cut = text.indexOf(0xc3) + 1
    // Each buffer arrives as its own chunk: ASCII, non-ASCII ending mid-character, ASCII.
    const stdin = Readable.from([text.subarray(0, 5), text.subarray(5, cut), text.subarray(cut)], {objectMode: false})
    const lines: string[] = []
    const stats = await readLines('-', (line) => void lines.push(line), {stdin})
    expect(lines).toEqual(['plain ascii', 'split é here', 'more ascii'])
    expect(stats.invalidUtf8Lines).toBe(0)
  })

  it('marks a character cut off by a following ASCII chunk as invalid on its own line', async () => {
    const broken = Buffer.concat([Buffer.from('cut '), Buffer.from([0xc3])])
    const stdin = Readable.from([broken, Buffer.from('\nnext\n')], {objectMode: false})
    const lines: string[] = []
    const stats = await readLines('-', (line) => void lines.push(line), {stdin})
    expect(lines).toEqual(['cut \uFFFD', 'next'])
    expect(stats.invalidUtf8Lines).toBe(1)
  })

  it('cuts long lines whether they arrive in one chunk or many', async () => {
    const long = `${'a'.repeat(50)}\nshort\n${'b'.repeat(30)}`
    const {lines, stats} = await linesOf([Buffer.from(long.slice(0, 20)), Buffer.from(long.slice(20))], {maxLineChars: 10})
    expect(lines).toEqual(['a'.repeat(10), 'short', 'b'.repeat(10)])
    expect(stats.truncatedLines).toBe(2)
  })

  it('stops reading when the handler returns false', async () => {
    const stdin = new PassThrough()
    stdin.end('1\n2\n3\n4\n')
    const seen: string[] = []
    await readLines('-', (line) => seen.push(line) < 2, {stdin})
    expect(seen).toEqual(['1', '2'])
  })
  it('reads a file whose multi-byte characters straddle the 64 KB decode and 1 MB read boundaries', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'line-reader-'))
    try {
      // 3-byte characters on lines of 1000 bytes: boundaries at multiples of 64 KB fall inside some.
      const line = `${'€'.repeat(333)}x`
      const count = 2200
      const file = path.join(dir, 'euro.log')
      await writeFile(file, `${Array.from({length: count}, () => line).join('\n')}\n`)
      const lines: string[] = []
      const stats = await readLines(file, (text) => void lines.push(text))
      expect(stats).toMatchObject({lines: count, invalidUtf8Lines: 0, bytes: count * 1001})
      expect(new Set(lines)).toEqual(new Set([line]))
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  })

  it('streams a named pipe (as from <(zcat …)), gzip included, without losing its first bytes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'line-reader-'))
    try {
      const fifo = path.join(dir, 'pipe.log')
      execFileSync('mkfifo', [fifo])
      const writer = createWriteStream(fifo)
      writer.end(gzipSync('alpha\nbeta\ngamma\n'))
      const lines: string[] = []
      const stats = await readLines(fifo, (text) => void lines.push(text))
      expect(lines).toEqual(['alpha', 'beta', 'gamma'])
      expect(stats.streamError).toBeNull()
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  })
  it('says how far a plain file was read when reading broke off, and refuses a byte range of a gzip file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'line-reader-'))
    try {
      const file = path.join(dir, 'app.log')
      await writeFile(file, 'one\ntwo\nthree\n')
      const broken = await readLines(file, (text) => {
        if (text === 'two') throw new Error('handler failed')
      })
      expect(broken).toMatchObject({lines: 2, bytes: 14, streamError: 'handler failed'})
      const gz = path.join(dir, 'app.log.gz')
      await writeFile(gz, gzipSync('one\ntwo\n'))
      const ranged = await readLines(gz, () => undefined, {range: {start: 0, end: 10}})
      expect(ranged).toMatchObject({lines: 0, streamError: 'only a plain file can be read by byte range'})
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  })
})
