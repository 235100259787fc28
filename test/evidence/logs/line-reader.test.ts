import {PassThrough} from 'node:stream'

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
})
