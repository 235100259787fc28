import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, ONSET} from '../bundle-builder.js'

// Shapes: Node's heap limit and php-fpm's children cap, reached under a launch-day crowd
// (https://cloudplatform.googleblog.com/2016/09/bringing-Pokemon-GO-to-life-on-Google-Cloud.html).
const step = (before: number, after: number) => ({at: ONSET, before, after, magnitude: after - before, relativeChange: (after - before) / before, direction: 'up' as const, score: 30, endedAt: null})
const OVERLOAD = [
  {template: 'WARNING: [pool www] server reached pm.max_children setting (50), consider raising it', count: 200, levels: ['warn' as const]},
  {template: '<*> "GET /api/map HTTP/1.1" 503 <*>', count: 3000},
]

describe('capacity running out under a crowd', () => {
  it('names the surge, with the exhausted workers as its effect', () => {
    const bundle = bundleOf({templates: OVERLOAD, metrics: [{name: 'http_requests_per_second', changePoint: step(400, 12_000)}], commits: [{subject: 'map: tweak spawn radius', files: ['src/map/spawn.php'], minutesBefore: 50}]})
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings[0]).toMatchObject({category: 'traffic-surge', change: null})
    expect(findings.some((f) => f.change !== null)).toBe(false)
  })

  it('leaves exhausted workers the cause when the traffic barely rose', () => {
    const bundle = bundleOf({templates: OVERLOAD, metrics: [{name: 'http_requests_per_second', changePoint: step(400, 700)}]})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'resource-exhaustion'})
  })
})
