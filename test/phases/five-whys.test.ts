import {describe, expect, it} from 'vitest'

import type {RootCause} from '../../src/incident/rca.js'
import {buildFiveWhys} from '../../src/phases/rca/five-whys.js'
import {EXAMPLE_STORY} from '../../src/render/sentences/example-story.js'
import {facts} from './fixtures.js'

const cause: RootCause = {
  category: 'external-dependency',
  summary: 'A dependency refused connections (redis-master)',
  component: 'redis-master',
  change: null,
  onset: '2026-05-12T17:25:00.000Z',
  confidence: 0.86,
  evidenceIds: ['ev-logs-3', 'ev-logs-2', 'ev-logs-1'],
}

const cascade = facts({
  topErrors: [
    {text: 'session lookup failed: connection pool exhausted (size=<*> waiting=<*>)', count: 507, evidenceId: 'ev-logs-2', isNew: true, firstSeen: '2026-05-12T17:26:02.000Z'},
    {text: '[ioredis] Unhandled error event: Error: connect ECONNREFUSED <*>', count: 228, evidenceId: 'ev-logs-3', isNew: true, firstSeen: '2026-05-12T17:25:00.419Z'},
  ],
})

describe('buildFiveWhys', () => {
  it('shows the chain when the dominant error followed an earlier failure the cause cites', () => {
    const whys = buildFiveWhys(cause, cascade, 'web', EXAMPLE_STORY)
    expect(whys).toHaveLength(5)
    expect(whys[1].because).toContain('connection pool exhausted')
    expect(whys[2].because).toMatch(/^It followed an earlier failure \(redis-master\): "\[ioredis\] Unhandled error event: Error: connect ECONNREFUSED …" began at 2026-05-12 17:25 UTC, before "session lookup failed/)
    expect(whys[2].evidenceIds).toEqual(['ev-logs-3', 'ev-logs-2'])
  })

  it('quotes mined templates with "…" for their variable parts, never the <*> mask', () => {
    const whys = buildFiveWhys(cause, cascade, 'web', EXAMPLE_STORY)
    expect(whys[1].because).toBe('The dominant error since onset is: "session lookup failed: connection pool exhausted (size=… waiting=…)" (507×).')
    for (const why of whys) expect(`${why.why} ${why.because}`).not.toContain('<*>')
  })

  it('asks about requests only when request lines counted them', () => {
    expect(buildFiveWhys(cause, cascade, 'web', EXAMPLE_STORY)[1].why).toBe('Why were requests failing?')
    expect(buildFiveWhys(cause, cascade, 'web', {...EXAMPLE_STORY, failures: {kind: 'error-lines', lines: 735}})[1].why).toBe('Why were errors logged?')
  })

  it('keeps the category’s own third step when the dominant error came first', () => {
    const [first, second] = cascade.topErrors
    const whys = buildFiveWhys(cause, facts({topErrors: [{...second, count: 900}, {...first, count: 10, firstSeen: '2026-05-12T17:40:00.000Z'}]}), 'web', EXAMPLE_STORY)
    expect(whys[2].because).toBe('A third-party dependency started failing or timing out.')
  })
})
