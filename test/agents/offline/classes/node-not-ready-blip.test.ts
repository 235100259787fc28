import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT} from '../bundle-builder.js'

// Shapes: the node controller's events (https://kubernetes.io/docs/concepts/architecture/nodes/#condition).
const BLIP = [
  {template: 'Normal  NodeNotReady  node-controller  Node <*> status is now: NodeNotReady', samples: ['Normal  NodeNotReady  node-controller  Node ip-10-0-3-17.ec2.internal status is now: NodeNotReady'], count: 2, levels: ['warn' as const]},
  {template: 'Normal  NodeReady  kubelet  Node <*> status is now: NodeReady', count: 2, levels: ['info' as const]},
  {template: 'GET /api/orders 503 upstream connect error or disconnect/reset before headers', count: 40},
]

describe('a node that went NotReady for a minute and came back', () => {
  it('names no cause and no change when nothing says why', () => {
    const findings = rootCauseAnalyst(bundleOf({templates: BLIP, commits: [{subject: 'api: rename handler', files: ['src/api/handler.ts'], minutesBefore: 30}]}), INCIDENT).findings
    expect(findings.some((f) => f.change !== null)).toBe(false)
    expect(findings.filter((f) => f.confidence >= 0.4)).toEqual([])
  })

  it('leaves the cause to the failure that took the node down when one is logged', () => {
    const findings = rootCauseAnalyst(bundleOf({templates: [...BLIP, {template: 'kernel: watchdog: BUG: soft lockup - CPU#3 stuck for 23s! [kworker/3:1:123]', count: 3}]}), INCIDENT).findings
    expect(findings[0].category).not.toBe('unknown')
    expect(findings[0].confidence).toBeGreaterThanOrEqual(0.4)
  })
})
