import {describe, expect, it} from 'vitest'

import {normalizeEndpointPath} from '../../../src/evidence/logs/endpoint-path.js'
import {histogramQuantile, latencyBin, newLatencyHistogram} from '../../../src/evidence/logs/latency-histogram.js'

describe('normalizeEndpointPath', () => {
  it('replaces id-like segments and drops the query', () => {
    expect(normalizeEndpointPath('/api/orders/12345/items?page=2')).toBe('/api/orders/:id/items')
    expect(normalizeEndpointPath('/u/3f2b8c1e-1111-4a4a-9b9b-123456789abc')).toBe('/u/:id')
    expect(normalizeEndpointPath('/blobs/deadbeefcafe')).toBe('/blobs/:id')
    expect(normalizeEndpointPath('https://shop.example.com/api/cart/ord_8f7a9b2c')).toBe('/api/cart/:id')
    // Ids without digits, of the token-class catalogue's shapes.
    expect(normalizeEndpointPath('/api/orders/ord_auxrrbemqm/items')).toBe('/api/orders/:id/items')
    expect(normalizeEndpointPath('/api/cart/aZbYcXdWeVfUgTsR')).toBe('/api/cart/:id')
  })

  it('agrees with the previous regex implementation on generated paths, schemes and queries included', () => {
    let seed = 5
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0)
    const parts = ['api', 'v2', '12', '7', 'orders', 'deadbeef', 'DEADBEEF1', 'abc', 'ord_8f7a9b2c', 'a1b2c3', 'x-1', 'health', '', 'ü1234567', '3f2b8c1e-1111-4a4a-9b9b-123456789abc', 'items.json', '0', 'a'.repeat(90)]
    const prefixes = ['/', '/', '/', 'https://shop.example.com/', 'http://10.0.0.1:8080/']
    const suffixes = ['', '', '?q=1/2', '#frag', ';jsessionid=9']
    for (let i = 0; i < 5000; i++) {
      const segments = Array.from({length: 1 + (next() % 6)}, () => parts[next() % parts.length])
      const path = `${prefixes[next() % prefixes.length]}${segments.join('/')}${suffixes[next() % suffixes.length]}`
      expect(normalizeEndpointPath(path), path).toBe(previousNormalize(path))
    }
  })

  it('keeps constant paths and short versioned segments', () => {
    expect(normalizeEndpointPath('/api/v2/health')).toBe('/api/v2/health')
    expect(normalizeEndpointPath('/api/customers/addresses/shipping_update')).toBe('/api/customers/addresses/shipping_update')
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

// The implementation before the one-pass rewrite, kept as the reference it must agree with. One
// knowing difference: a first segment of 8+ hex letters and no slash before it ("deadbeef") was
// left alone by the old shortcut and is an id now, so generated paths start with a slash or scheme.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HEX = /^[0-9a-f]{8,}$/i
const MIXED_ID = /^(?=(?:.*\d){2})[A-Za-z0-9_-]{6,}$/
function previousNormalize(rawPath: string): string {
  let path = rawPath
  const scheme = path.indexOf('://')
  if (scheme >= 0) {
    const slash = path.indexOf('/', scheme + 3)
    path = slash >= 0 ? path.slice(slash) : '/'
  }
  const query = path.search(/[?#;]/)
  if (query >= 0) path = path.slice(0, query)
  // A long path is cut after its last separator before 200 characters, never inside a segment.
  if (path.length > 200) {
    let cut = 200
    while (cut > 0 && !'/ %&,+'.includes(path[cut])) cut--
    path = cut > 0 ? path.slice(0, cut) : '/'
  }
  if (!/\d/.test(path) && !/\/[a-f]{8,}(?:\/|$)/i.test(path)) return path
  const isId = (segment: string) => (/\d/.test(segment) || segment.length >= 8) && (/^\d+$/.test(segment) || UUID.test(segment) || HEX.test(segment) || MIXED_ID.test(segment))
  return path
    .split('/')
    .map((segment) => (isId(segment) ? ':id' : segment))
    .join('/')
}
