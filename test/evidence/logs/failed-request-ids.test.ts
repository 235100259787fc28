import {describe, expect, it} from 'vitest'

import {FailedRequestIds} from '../../../src/evidence/logs/failed-request-ids.js'

const T = Date.parse('2026-11-12T14:02:00Z')

describe('FailedRequestIds', () => {
  it('keeps each failed id once, at its earliest failure, and counts per source the failed lines with and without one', () => {
    const ids = new FailedRequestIds(10)
    ids.add('a', T + 500, 'app.log', false)
    ids.add('a', T + 100, 'access.log', true)
    ids.add('b', T, 'app.log', false)
    ids.add(null, T, 'access.log', true)
    expect([...ids.firstFailed]).toEqual([
      ['a', T + 100],
      ['b', T],
    ])
    expect(Object.fromEntries(ids.sources)).toEqual({'app.log': {access: false, failed: 2, withId: 2}, 'access.log': {access: true, failed: 2, withId: 1}})
    expect(ids.capped).toBe(false)
  })

  it('stops taking new ids at its cap and says so, while ids it holds still match', () => {
    const ids = new FailedRequestIds(2)
    ids.add('a', T, 'app.log', false)
    ids.add('b', T, 'app.log', false)
    expect(ids.capped).toBe(false)
    ids.add('a', T - 1, 'access.log', true)
    expect(ids.capped).toBe(false)
    ids.add('c', T, 'app.log', false)
    expect(ids.capped).toBe(true)
    expect([...ids.firstFailed.keys()]).toEqual(['a', 'b'])
    expect(ids.firstFailed.get('a')).toBe(T - 1)
  })

  it('cuts an over-long id, so a key stays bounded', () => {
    const ids = new FailedRequestIds(10)
    ids.add('x'.repeat(10_000), T, 'app.log', false)
    expect([...ids.firstFailed.keys()][0]).toHaveLength(128)
  })

  it("merges another thread's state: shared ids once at the earlier time, source counts added, its cap carried", () => {
    const main = new FailedRequestIds(3)
    main.add('a', T + 100, 'app.log', false)
    main.add(null, T, 'app.log', false)
    const worker = new FailedRequestIds(3)
    worker.add('a', T, 'app.log', false)
    worker.add('b', T, 'app.log', false)
    worker.add('c', T, 'access.log', true)
    main.merge(structuredClone(worker.exportState()))
    expect([...main.firstFailed]).toEqual([
      ['a', T],
      ['b', T],
      ['c', T],
    ])
    expect(Object.fromEntries(main.sources)).toEqual({'app.log': {access: false, failed: 4, withId: 3}, 'access.log': {access: true, failed: 1, withId: 1}})
    expect(main.capped).toBe(false)

    const more = new FailedRequestIds(3)
    more.add('d', T, 'app.log', false)
    main.merge(more.exportState())
    expect(main.capped).toBe(true)
    expect(main.firstFailed.has('d')).toBe(false)

    const cappedWorker = new FailedRequestIds(0)
    cappedWorker.add('e', T, 'app.log', false)
    const fresh = new FailedRequestIds(3)
    fresh.merge(cappedWorker.exportState())
    expect(fresh.capped).toBe(true)
  })
})
