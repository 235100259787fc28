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

  it('takes ids without digits for values, so they make one template, not one each', () => {
    const miner = new TemplateMiner()
    const ids = ['ord_auxrrbemqm', 'ord_xwvbrtplmk', 'ord_qqzmfhtkpl']
    const clusters = ids.map((id) => miner.add(`Order ${id} failed validation: card expired`))
    expect(new Set(clusters).size).toBe(1)
    expect(miner.templateOf(clusters[0])).toBe('Order <*> failed validation: card expired')
  })

  it('makes a position a parameter once the templates of a leaf showed maxWordsPerPosition words there', () => {
    const miner = new TemplateMiner({maxWordsPerPosition: 3})
    // Spelled words, too few to be generalised by the threshold: 3 of 6 tokens differ.
    const words = ['alpha beta gamma', 'delta epsilon zeta', 'eta theta iota', 'kappa lambda mu', 'nu xi omicron']
    const clusters = words.map((text) => miner.add(`no results for ${text}`))
    expect(new Set(clusters.slice(0, 3)).size).toBe(3)
    expect(clusters[3]).toBe(clusters[0])
    expect(clusters[4]).toBe(clusters[0])
    expect(miner.templateOf(clusters[0])).toBe('no results for <*> <*> <*>')
  })

  it('keeps positions apart that showed fewer words than the bound', () => {
    const miner = new TemplateMiner({maxWordsPerPosition: 10})
    const clusters = ['alpha beta gamma', 'delta epsilon zeta', 'eta theta iota'].map((text) => miner.add(`no results for ${text}`))
    expect(new Set(clusters).size).toBe(3)
  })

  it('sends a new word at a node that has seen many to the template with a parameter there', () => {
    const miner = new TemplateMiner({maxWordsPerPosition: 3})
    const general = miner.add('session 42 opened for user alice')
    for (const word of ['started', 'closed', 'renewed']) miner.add(`session ${word} by admin at noon`)
    expect(miner.add('session zqxwvkjh opened for user alice')).toBe(general)
    // Where the node has seen fewer words, a new word is a new event.
    const fewer = new TemplateMiner({maxWordsPerPosition: 5})
    const opened = fewer.add('session 42 opened for user alice')
    for (const word of ['started', 'closed', 'renewed']) fewer.add(`session ${word} by admin at noon`)
    expect(fewer.add('session zqxwvkjh opened for user alice')).not.toBe(opened)
    // A template made of parameters alone is no place for a detour.
    const bare = new TemplateMiner({maxWordsPerPosition: 3})
    const wildcards = bare.add('42')
    for (const word of ['closeQs', 'instantCollapse', 'getMode']) bare.add(word)
    expect(bare.add('handleBatteryUpdate')).not.toBe(wildcards)
    expect(bare.add('43')).toBe(wildcards)
  })
})

