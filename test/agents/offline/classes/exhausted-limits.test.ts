import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT} from '../bundle-builder.js'

const UNRELATED = {subject: 'orders: add refund reason', files: ['app/orders/refund.py'], minutesBefore: 45}

describe('finite spaces that ran out with no change behind them', () => {
  // Shapes: PostgreSQL's wraparound protection (https://www.postgresql.org/docs/current/routine-vacuuming.html#VACUUM-FOR-WRAPAROUND).
  it('reads transaction ID wraparound as exhaustion of the database, not the change before it', () => {
    const bundle = bundleOf({
      templates: [
        {template: 'ERROR:  database is not accepting commands to avoid wraparound data loss in database "sentry"', count: 500},
        {template: 'WARNING:  database "sentry" must be vacuumed within <*> transactions', count: 100, levels: ['warn'], before: 20},
      ],
      commits: [UNRELATED],
    })
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings[0]).toMatchObject({category: 'resource-exhaustion', component: 'database', change: null})
    expect(findings.some((f) => f.change !== null)).toBe(false)
  })

  // Shape: the kernel's conntrack message (https://www.kernel.org/doc/html/latest/networking/nf_conntrack-sysctl.html).
  it('reads a full conntrack table as exhaustion of the nodes, not a network fault', () => {
    const bundle = bundleOf({
      templates: [
        {template: 'kernel: nf_conntrack: nf_conntrack: table full, dropping packet', count: 300, levels: ['warn']},
        {template: 'upstream timed out (110: Connection timed out) while connecting to upstream', count: 300},
      ],
      commits: [UNRELATED],
    })
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'resource-exhaustion', change: null})
  })

  it('does not read the vacuum that prevents wraparound as wraparound', () => {
    const bundle = bundleOf({templates: [{template: 'LOG:  automatic aggressive vacuum to prevent wraparound of table "sentry.public.events": index scans: 1', count: 3, levels: ['info']}]})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings.some((f) => f.category === 'resource-exhaustion')).toBe(false)
  })
})
