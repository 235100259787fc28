import {describe, expect, it} from 'vitest'

import {exportAggregatorState} from '../../../src/evidence/logs/aggregator-state.js'
import {LogAggregator} from '../../../src/evidence/logs/log-aggregator.js'
import {emptyRecord} from '../../../src/evidence/logs/log-record.js'
import {storeState} from '../../../src/evidence/sources/log-volume.js'

describe('storeState', () => {
  it("keeps the sample's endpoints but not its request counts nor its failed request ids, which are partial", () => {
    const sample = new LogAggregator()
    const t = Date.parse('2026-11-12T14:02:10Z')
    sample.add({...emptyRecord(), ts: t, level: 'error', message: 'request completed', status: 502, method: 'POST', path: '/api/checkout', requestId: 'req-1'}, 'line', 'loki', 1, [])
    const state = storeState([{t: Date.parse('2026-11-12T14:02:00Z'), total: 900, warn: 0, error: 40}], exportAggregatorState(sample))
    expect(state.endpoints).toHaveLength(1)
    expect(state.buckets).toEqual([[Date.parse('2026-11-12T14:02:00Z'), expect.objectContaining({total: 900, error: 40, appRequests: 0, appFailed: 0})]])
    expect(state.failedRequestIds).toEqual({ids: [], sources: [], capped: false})
  })
})
