import {describe, expect, it} from 'vitest'

import {ClientAddresses, packIpv4} from '../../../src/evidence/logs/client-addresses.js'
import {LogAggregator} from '../../../src/evidence/logs/log-aggregator.js'

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

describe('ClientAddresses', () => {
  it('counts lines and failed lines per address exactly as a Map would, IPv4 or not, across table growth', () => {
    const table = new ClientAddresses(1_000_000)
    const reference = new Map<string, {count: number; failures: number}>()
    let seed = 7
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0)
    for (let i = 0; i < 60_000; i++) {
      const n = next()
      const address = i % 10 === 0 ? `2001:db8::${(n % 3000).toString(16)}` : i % 997 === 0 ? '0.0.0.0' : `${n % 4}.${(n >>> 8) % 256}.${(n >>> 16) % 64}.${(n >>> 24) % 256}`
      const failed = n % 7 === 0
      table.add(address, failed)
      const counts = reference.get(address) ?? {count: 0, failures: 0}
      counts.count++
      if (failed) counts.failures++
      reference.set(address, counts)
    }
    expect(table.size).toBe(reference.size)
    const entries = new Map([...table.entries()].map(({address, count, failures}) => [address, {count, failures}]))
    expect(entries).toEqual(reference)
    expect(table.withFailures).toBe([...reference.values()].filter((c) => c.failures > 0).length)
  })

  it('ranks the top addresses by failed lines, then lines', () => {
    const table = new ClientAddresses(100)
    const add = (address: string, lines: number, failures: number) => {
      for (let i = 0; i < lines; i++) table.add(address, i < failures)
    }
    add('10.0.0.1', 50, 0)
    add('10.0.0.2', 10, 10)
    add('fe80::1', 30, 10)
    add('10.0.0.3', 5, 2)
    expect(table.top(3)).toEqual([
      {address: 'fe80::1', count: 30, failures: 10},
      {address: '10.0.0.2', count: 10, failures: 10},
      {address: '10.0.0.3', count: 5, failures: 2},
    ])
  })

  it('counts an over-long address (a forwarded-for chain) under one capped key', () => {
    const table = new ClientAddresses(100)
    const chain = Array.from({length: 30}, (_, i) => `2001:db8::${i}`).join(', ')
    for (let i = 0; i < 5; i++) table.add(chain, false)
    expect(table.size).toBe(1)
    expect([...table.entries()][0].count).toBe(5)
  })

  it('keeps an address written with leading zeros apart from the plain one', () => {
    const table = new ClientAddresses(100)
    table.add('010.0.0.1', false)
    table.add('10.0.0.1', false)
    expect(table.size).toBe(2)
  })

  it('stops at the cap and says so, while known addresses still count', () => {
    const table = new ClientAddresses(3)
    expect(table.add('10.0.0.1', false)).toBe(true)
    expect(table.add('::1', false)).toBe(true)
    expect(table.add('0.0.0.0', true)).toBe(true)
    expect(table.add('10.0.0.2', false)).toBe(false)
    expect(table.add('10.0.0.1', true)).toBe(true)
    expect(table.size).toBe(3)
    expect(table.top(1)).toEqual([{address: '10.0.0.1', count: 2, failures: 1}])
  })

  it('merges another table without double counting addresses, adding their counts', () => {
    const a = new ClientAddresses(100)
    const b = new ClientAddresses(100)
    for (const address of ['10.0.0.1', '10.0.0.2', 'fe80::1']) a.add(address, false)
    for (const address of ['10.0.0.2', '10.0.0.3', 'fe80::1', '0.0.0.0']) b.add(address, true)
    expect(a.merge(structuredClone(b.exportState()))).toBe(true)
    expect(a.size).toBe(5)
    expect(a.withFailures).toBe(4)
    expect(a.top(1)).toEqual([{address: '10.0.0.2', count: 2, failures: 1}])
  })
})

describe('LogAggregator.countUser', () => {
  it('counts an over-long user id under one capped key', () => {
    const aggregator = new LogAggregator()
    const id = `user-${'x'.repeat(300)}`
    for (let i = 0; i < 4; i++) aggregator.countUser(id, 1, i % 2)
    expect([...aggregator.users.values()]).toEqual([{count: 4, errors: 2}])
  })
})
