import {describe, expect, it} from 'vitest'

import {DistinctAddresses, packIpv4} from '../../../src/evidence/logs/distinct-addresses.js'

describe('packIpv4', () => {
  it('packs dotted quads and refuses anything else', () => {
    expect(packIpv4('10.0.1.2')).toBe(0x0a000102)
    expect(packIpv4('255.255.255.255')).toBe(0xffffffff)
    expect(packIpv4('0.0.0.0')).toBe(0)
    for (const text of ['256.1.1.1', '1.2.3', '1.2.3.4.5', '1..2.3', '1.2.3.', '::1', '2001:db8::1', '1.2.3.4:80', 'host.example', '1234.1.1.1', '']) {
      expect(packIpv4(text), text).toBe(-1)
    }
  })
})

describe('DistinctAddresses', () => {
  it('counts exactly what a Set of strings counts, IPv4 or not, across table growth', () => {
    const counter = new DistinctAddresses(1_000_000)
    const reference = new Set<string>()
    let seed = 7
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0)
    for (let i = 0; i < 60_000; i++) {
      const n = next()
      const address = i % 10 === 0 ? `2001:db8::${(n % 3000).toString(16)}` : `${n % 4}.${(n >>> 8) % 256}.${(n >>> 16) % 64}.${(n >>> 24) % 256}`
      counter.add(address)
      reference.add(address)
    }
    counter.add('0.0.0.0')
    reference.add('0.0.0.0')
    expect(counter.size).toBe(reference.size)
  })

  it('stops at the cap and says so, while known addresses still count', () => {
    const counter = new DistinctAddresses(3)
    expect(counter.add('10.0.0.1')).toBe(true)
    expect(counter.add('::1')).toBe(true)
    expect(counter.add('0.0.0.0')).toBe(true)
    expect(counter.add('10.0.0.2')).toBe(false)
    expect(counter.add('10.0.0.1')).toBe(true)
    expect(counter.size).toBe(3)
  })

  it('merges another counter without double counting', () => {
    const a = new DistinctAddresses(100)
    const b = new DistinctAddresses(100)
    for (const address of ['10.0.0.1', '10.0.0.2', 'fe80::1']) a.add(address)
    for (const address of ['10.0.0.2', '10.0.0.3', 'fe80::1', '0.0.0.0']) b.add(address)
    expect(a.merge(b.exportState())).toBe(true)
    expect(a.size).toBe(5)
  })
})
