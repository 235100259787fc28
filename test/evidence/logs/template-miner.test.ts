import {describe, expect, it} from 'vitest'

import {maskToken, tokenize} from '../../../src/evidence/logs/mask-tokens.js'
import {OVERFLOW_TEMPLATE, TemplateMiner} from '../../../src/evidence/logs/template-miner.js'

describe('maskToken', () => {
  it('masks numbers, ids, hex, IPs, UUIDs, paths and quoted values, keeping keys', () => {
    for (const token of ['42', '0x1f', 'a64f992', '10.0.0.1:5432', '3f2b8c1e-1111-4a4a-9b9b-123456789abc', '/var/lib/x', "'orders'", '"x y"'])
      expect(maskToken(token)).toBe('<*>')
    expect(maskToken('user_id=123')).toBe('user_id=<*>')
    expect(maskToken('took:15ms')).toBe('took:<*>')
    expect(maskToken('(uid=0)')).toBe('(uid=<*>')
    expect(maskToken('LOGIN(uid=0)')).toBe('LOGIN(uid=<*>')
    expect(maskToken('10.0.0.1=5')).toBe('<*>')
  })

  it('keeps words and versioned names', () => {
    for (const token of ['connection', 'SOCKS5', 'ssh2', 'failed:']) expect(maskToken(token)).toBe(token)
  })
})

describe('tokenize', () => {
  it('splits on any whitespace run', () => {
    expect(tokenize(' a\tb  c ', false)).toEqual(['a', 'b', 'c'])
  })
})

describe('TemplateMiner', () => {
  it('groups messages that differ only in variables and keeps distinct events apart', () => {
    const miner = new TemplateMiner()
    const a = miner.add('Connection from 10.0.0.1 closed after 35 ms')
    const b = miner.add('Connection from 10.0.0.7 closed after 120 ms')
    const c = miner.add('Disk /dev/sda1 is 91% full')
    expect(a).toBe(b)
    expect(a).not.toBe(c)
    expect(miner.templateOf(a)).toBe('Connection from <*> closed after <*> ms')
    expect(a.size).toBe(2)
  })

  it('generalises positions that differ once the threshold is met', () => {
    const miner = new TemplateMiner({similarityThreshold: 0.5})
    const a = miner.add('login ok for user alice')
    miner.add('login ok for user bob')
    expect(miner.templateOf(a)).toBe('login ok for user <*>')
  })

  it('never joins messages of different lengths, but reports them under one group key', () => {
    const miner = new TemplateMiner()
    const a = miner.add('close, 120 bytes sent, 30 bytes received')
    const b = miner.add('close, 1.2 KB) sent, 30 bytes received')
    expect(a).not.toBe(b)
    expect(miner.groupKeyOf(a)).toBe('close, bytes sent, bytes received')
  })

  it('matches a message its template already covers even when most tokens are variables', () => {
    const miner = new TemplateMiner({similarityThreshold: 0.9})
    const a = miner.add('job 1 took 2 ms on 3')
    expect(miner.add('job 4 took 5 ms on 6')).toBe(a)
  })

  it('keeps messages apart whose only difference is a field name, even at a low threshold', () => {
    const miner = new TemplateMiner({similarityThreshold: 0.3})
    const a = miner.add('session opened for user news by (uid=0)')
    const b = miner.add('session opened for user root by LOGIN(uid=0)')
    expect(a).not.toBe(b)
    expect(miner.groupKeyOf(a)).not.toBe(miner.groupKeyOf(b))
    expect(miner.add('session opened for user cyrus by (uid=0)')).toBe(a)
  })

  it('applies preprocessing regexes before masking', () => {
    const miner = new TemplateMiner({preprocess: [/blk_-?\d+/g], maskVariables: false})
    expect(miner.templateOf(miner.add('Receiving block blk_-123 src'))).toBe('Receiving block <*> src')
  })

  it('caps clusters and sends the rest to an overflow cluster', () => {
    const miner = new TemplateMiner({maxClusters: 3})
    for (const word of ['alpha', 'beta', 'gamma', 'delta', 'epsilon']) miner.add(`${word} ${word} ${word}`)
    expect(miner.clusters).toHaveLength(4)
    expect(miner.templateOf(miner.clusters[3])).toBe(OVERFLOW_TEMPLATE)
  })
})
