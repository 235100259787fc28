import {describe, expect, it} from 'vitest'

import {pagerDutyTimeline} from '../../src/integrations/pagerduty/pagerduty-timeline.js'

const incident = {id: 'PABC', title: 'Disk full on db-1', status: 'triggered' as const, created_at: '2026-11-30T09:00:00Z', assignments: []}

describe('pagerDutyTimeline', () => {
  it('falls back to the incident creation time for detection when no trigger entry is listed', () => {
    const imported = pagerDutyTimeline(incident, [])
    expect(imported.events).toEqual([{at: '2026-11-30T09:00:00.000Z', kind: 'detection', text: 'PagerDuty incident PABC triggered: Disk full on db-1', source: 'pagerduty'}])
    expect(imported.timestamps).toEqual({detectedAt: '2026-11-30T09:00:00.000Z', acknowledgedAt: null, resolvedAt: null})
    expect(imported.responders).toEqual([])
  })

  it('orders entries by time whatever order they came in, and redacts the title', () => {
    const imported = pagerDutyTimeline({...incident, title: 'Leaked key AKIAIOSFODNN7EXAMPLE in logs'}, [
      {id: 'b', type: 'acknowledge_log_entry', created_at: '2026-11-30T09:10:00Z', agent: {type: 'user_reference', summary: 'Ada'}},
      {id: 'a', type: 'acknowledge_log_entry', created_at: '2026-11-30T09:05:00+00:00', agent: {type: 'user_reference', summary: 'Bo'}},
    ])
    expect(imported.timestamps.acknowledgedAt).toBe('2026-11-30T09:05:00.000Z')
    expect(imported.events[0].text).not.toContain('AKIAIOSFODNN7EXAMPLE')
    expect(imported.responders).toEqual(['Bo', 'Ada'])
  })
})
