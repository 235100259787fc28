import {describe, expect, it} from 'vitest'

import {ShapeCache} from '../../../src/evidence/logs/shape-cache.js'
import {TemplateMiner} from '../../../src/evidence/logs/template-miner.js'

/** Offers a shape twice: the cache remembers a shape the second time it is offered. */
function remember<T>(cache: ShapeCache<T>, message: string, value: T): void {
  cache.set(message, value)
  cache.set(message, value)
}

describe('ShapeCache', () => {
  it('remembers a shape only once it was offered before, so one-off shapes cost nothing', () => {
    const cache = new ShapeCache<string>(true)
    cache.set('order cus_cn0mhIDUEiUvdB placed', 'A')
    expect(cache.get('order cus_cn0mhIDUEiUvdB placed')).toBeUndefined()
    cache.set('order cus_cn5mhIDUEiUvdB placed', 'A') // the same shape with another digit
    expect(cache.get('order cus_cn7mhIDUEiUvdB placed')).toBe('A')
  })

  it('finds a message again whatever its digit runs hold', () => {
    const cache = new ShapeCache<string>(true)
    remember(cache, 'processed order 123 in 45 ms', 'A')
    expect(cache.get('processed order 9 in 12345 ms')).toBeUndefined() // a lone digit is its own shape
    expect(cache.get('processed order 98765 in 10 ms')).toBe('A')
    expect(cache.get('processed order 98765 in 10 ms!')).toBeUndefined()
    expect(cache.get('processed order x in 10 ms')).toBeUndefined()
  })

  it('keeps a lone digit apart from a run, so ssh2 and ssh22 are different shapes', () => {
    const cache = new ShapeCache<string>(true)
    remember(cache, 'protocol ssh2', 'name')
    expect(cache.get('protocol ssh3')).toBe('name')
    expect(cache.get('protocol ssh22')).toBeUndefined()
  })

  it('without digit collapsing remembers only digit-free messages, verbatim', () => {
    const cache = new ShapeCache<string>(false)
    remember(cache, 'user 42 logged in', 'A')
    remember(cache, 'cache miss', 'B')
    expect(cache.get('user 43 logged in')).toBeUndefined()
    expect(cache.get('cache miss')).toBe('B')
  })

  it('starts over past 10,000 shapes, so its memory stays bounded', () => {
    const cache = new ShapeCache<number>(true)
    const shape = (i: number) => `event ${i.toString(36).replace(/\d/g, 'x')} done`
    for (let i = 0; i < 10_000; i++) remember(cache, shape(i * 7919), i)
    expect(cache.get(shape(0))).toBe(0)
    remember(cache, 'one more shape', -1)
    expect(cache.get(shape(0))).toBeUndefined()
    expect(cache.get('one more shape')).toBe(-1)
  })

  it('does not confuse control characters with digit runs', () => {
    const cache = new ShapeCache<string>(true)
    remember(cache, 'order \u0002 failed', 'A')
    expect(cache.get('order 12 failed')).toBeUndefined()
  })
})

describe('TemplateMiner with the shape cache', () => {
  it('sends repeated shapes to the cluster a fresh miner would choose', () => {
    const lines = Array.from({length: 300}, (_, i) => [`processed order ${i * 37} in ${i % 90} ms for cart c${i % 997}`, `session ${i} opened for user u${i}`, `protocol ssh2 from 10.0.0.${i % 250} port ${1000 + i}`][i % 3])
    const cached = new TemplateMiner()
    const uncached = new TemplateMiner()
    const viaCache = lines.map((line) => cached.templateOf(cached.add(line)))
    const direct = lines.map((line) => uncached.templateOf(uncached.addTokens(uncached.tokens(line))))
    expect(viaCache).toEqual(direct)
    expect(new Set(viaCache).size).toBe(3)
  })
})

describe('TemplateMiner results do not depend on the cache', () => {
  it('gives every message of a churning random corpus the cluster mining without the cache gives', () => {
    // Few words, short messages: templates keep generalising and overlapping, the hard case for a cache.
    const words = ['open', 'close', 'read', 'write', 'file', 'sock', 'ok', 'fail', 'user', 'disk']
    let seed = 3
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0)
    const messages = Array.from({length: 4000}, () =>
      Array.from({length: 3 + (next() % 3)}, () => (next() % 4 === 0 ? `n${next() % 300}` : words[next() % words.length])).join(' '),
    )
    const cached = new TemplateMiner({depth: 4, similarityThreshold: 0.5})
    const uncached = new TemplateMiner({depth: 4, similarityThreshold: 0.5})
    const viaCache = messages.map((message) => cached.add(message).id)
    const direct = messages.map((message) => uncached.addTokens(uncached.tokens(message)).id)
    expect(viaCache).toEqual(direct)
  })
})
