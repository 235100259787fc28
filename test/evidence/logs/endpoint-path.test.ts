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
