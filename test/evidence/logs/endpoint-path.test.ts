import {describe, expect, it} from 'vitest'

import {normalizeEndpointPath} from '../../../src/evidence/logs/endpoint-path.js'
import {histogramQuantile, latencyBin, newLatencyHistogram} from '../../../src/evidence/logs/latency-histogram.js'

describe('normalizeEndpointPath', () => {
  it('replaces id-like segments and drops the query', () => {
    expect(normalizeEndpointPath('/api/orders/12345/items?page=2')).toBe('/api/orders/:id/items')
    expect(normalizeEndpointPath('/u/3f2b8c1e-1111-4a4a-9b9b-123456789abc')).toBe('/u/:id')
    expect(normalizeEndpointPath('/blobs/deadbeefcafe')).toBe('/blobs/:id')
    expect(normalizeEndpointPath('https://shop.example.com/api/cart/ord_8f7a9b2c')).toBe('/api/cart/:id')
  })

  it('agrees with the regex definition of an id segment on generated paths', () => {
    // The definition the one-pass version implements, kept here as the reference.
    const isId = (segment: string) =>
      /^\d+$/.test(segment) ||
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) ||
      /^[0-9a-f]{8,}$/i.test(segment) ||
      /^(?=(?:.*\d){2})[A-Za-z0-9_-]{6,}$/.test(segment)
    const reference = (path: string) => path.replace(/[?#;].*$/, '').split('/').map((s) => (isId(s) ? ':id' : s)).join('/')
    const parts = ['api', 'v2', '12', '7', 'orders', 'deadbeef', 'DEADBEEF1', 'abc', 'ord_8f7a9b2c', 'a1b2c3', 'x-1', 'health', '', 'ü1234567', '3f2b8c1e-1111-4a4a-9b9b-123456789abc', 'items.json', '0']
    let seed = 5
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0)
    for (let i = 0; i < 3000; i++) {
      const segments = Array.from({length: 1 + (next() % 5)}, () => parts[next() % parts.length])
      const path = `/${segments.join('/')}${next() % 4 === 0 ? '?q=1/2' : ''}`
      expect(normalizeEndpointPath(path), path).toBe(reference(path))
    }
  })

  it('keeps constant paths and short versioned segments', () => {
    expect(normalizeEndpointPath('/api/v2/health')).toBe('/api/v2/health')
    expect(normalizeEndpointPath('/checkout')).toBe('/checkout')
  })
})

describe('latency histogram', () => {
  it('estimates quantiles within the bin resolution', () => {
    const histogram = newLatencyHistogram()
    for (let ms = 1; ms <= 1000; ms++) histogram[latencyBin(ms)]++
    expect(histogramQuantile(histogram, 0.5)!).toBeGreaterThan(450)
    expect(histogramQuantile(histogram, 0.5)!).toBeLessThan(550)
    expect(histogramQuantile(histogram, 0.95)!).toBeGreaterThan(860)
    expect(histogramQuantile(histogram, 0.95)!).toBeLessThan(1050)
    expect(histogramQuantile(newLatencyHistogram(), 0.5)).toBeNull()
  })
})
