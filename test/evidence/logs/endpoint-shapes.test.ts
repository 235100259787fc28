import {describe, expect, it} from 'vitest'

import {EndpointShapes, widenedPath} from '../../../src/evidence/logs/endpoint-shapes.js'
import {LogAggregator} from '../../../src/evidence/logs/log-aggregator.js'
import {emptyRecord, type LogRecord} from '../../../src/evidence/logs/log-record.js'

// Ids that look like words (`ord_sswusexyiq`, `SKU-AJXE5I`, fingerprinted assets) pass the
// per-segment rules; a position that shows many distinct values is a parameter all the same.
const letters = (i: number) => Array.from({length: 10}, (_, k) => String.fromCharCode(97 + ((i * 7 + k * 13 + k * i) % 26))).join('')

describe('EndpointShapes', () => {
  it('keeps a position as written up to the bound, then reads it :id and says which parent widened', () => {
    const shapes = new EndpointShapes(3)
    expect(shapes.shape('/api/orders/ord_aaa').path).toBe('/api/orders/ord_aaa')
    expect(shapes.shape('/api/orders/ord_bbb').path).toBe('/api/orders/ord_bbb')
    expect(shapes.shape('/api/orders/ord_ccc').path).toBe('/api/orders/ord_ccc')
    expect(shapes.shape('/api/orders/ord_aaa').widened).toEqual([])
    expect(shapes.shape('/api/orders/ord_ddd')).toEqual({path: '/api/orders/:id', widened: ['/api/orders']})
    expect(shapes.shape('/api/orders/ord_aaa/items')).toEqual({path: '/api/orders/:id/items', widened: []})
    // Other parents are not affected.
    expect(shapes.shape('/api/orders').path).toBe('/api/orders')
    expect(shapes.shape('/health').path).toBe('/health')
  })

  it('takes a :id from elsewhere (another thread) as a wide position at once', () => {
    const shapes = new EndpointShapes(100)
    expect(shapes.shape('/cart/abc').path).toBe('/cart/abc')
    expect(shapes.shape('/cart/:id')).toEqual({path: '/cart/:id', widened: ['/cart']})
    expect(shapes.shape('/cart/xyz').path).toBe('/cart/:id')
  })

  it('stops remembering parents past its bound: unseen parents read as parameters', () => {
    const shapes = new EndpointShapes(100, 2)
    shapes.shape('/a/b')
    expect(shapes.shape('/c/d').path).toBe('/c/:id')
    // Nothing more is remembered: the same path reads the same way again.
    expect(shapes.shape('/c/e').path).toBe('/c/:id')
    expect((shapes as unknown as {below: Map<string, unknown>}).below.size).toBe(2)
  })

  it('widenedPath rewrites only paths below the parent, once', () => {
    expect(widenedPath('/api/orders/ord_x/items', '/api/orders')).toBe('/api/orders/:id/items')
    expect(widenedPath('/api/orders/:id', '/api/orders')).toBeNull()
    expect(widenedPath('/api/ordersx/y', '/api/orders')).toBeNull()
    expect(widenedPath('/api/orders', '/api/orders')).toBeNull()
  })
})

describe('endpoints of ids that look like words', () => {
  const record = (path: string, status: number): LogRecord => ({...emptyRecord(), ts: Date.UTC(2024, 0, 1, 12, 0, 0), level: status >= 500 ? 'error' : 'info', message: 'request done', status, method: 'GET', path})

  it('are one row per endpoint, with every request counted in it', () => {
    const aggregator = new LogAggregator()
    for (let i = 0; i < 300; i++) aggregator.add(record(`/api/orders/ord_${letters(i)}`, i % 10 === 0 ? 503 : 200), 'GET', 'app.log', i + 1, [])
    for (let i = 0; i < 20; i++) aggregator.add(record('/api/orders', 200), 'GET', 'app.log', 400 + i, [])
    const rows = [...aggregator.endpoints.values()].map((e) => [e.path, e.total, e.http5xx])
    expect(rows).toEqual([
      ['/api/orders/:id', 300, 30],
      ['/api/orders', 20, 0],
    ])
    expect(aggregator.uncounted.endpointLines).toBe(0)
  })
})
