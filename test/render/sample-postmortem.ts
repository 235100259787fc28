import {renderErrorRateChart} from '../../src/render/svg/error-rate-chart.js'
import {renderPhaseStrip} from '../../src/render/svg/phase-strip.js'

/** A realistic postmortem with both charts, shared by the HTML unit and browser tests. */
export function samplePostmortem() {
  const t0 = Date.parse('2026-11-29T13:50:00Z')
  const rates = [0.5, 0.4, 0.6, 0.5, 0.7, 0.5, 0.6, 0.4, 0.5, 0.6, 0.5, 0.4, 8, 22, 38, 46, 51, 49, 44, 41, 12, 3, 1, 0.6, 0.5, 0.4, 0.5, 0.6, 0.4, 0.5]
  const buckets = rates.map((rate, i) => ({t: new Date(t0 + i * 60_000).toISOString(), total: 1000, error: Math.round(rate * 10)}))
  const errorRate = renderErrorRateChart({
    buckets,
    markers: [
      {at: '2026-11-29T13:58:00Z', label: 'deploy checkout-api v2.3', kind: 'deploy'},
      {at: '2026-11-29T14:00:00Z', label: 'migration 0042 (a1b2c3d)', kind: 'change'},
      {at: '2026-11-29T14:02:00Z', label: 'onset', kind: 'onset'},
      {at: '2026-11-29T14:04:00Z', label: 'alert fired', kind: 'detection'},
      {at: '2026-11-29T14:10:00Z', label: 'rollback to v2.2', kind: 'mitigation'},
      {at: '2026-11-29T14:19:00Z', label: 'resolved', kind: 'resolved'},
    ],
  })
  const phases = renderPhaseStrip({
    phases: [
      {name: 'impact', from: '2026-11-29T14:02:00Z', to: '2026-11-29T14:12:00Z'},
      {name: 'detection', from: '2026-11-29T14:02:00Z', to: '2026-11-29T14:04:00Z'},
      {name: 'response', from: '2026-11-29T14:04:00Z', to: '2026-11-29T14:06:00Z'},
      {name: 'mitigation', from: '2026-11-29T14:06:00Z', to: '2026-11-29T14:10:00Z'},
      {name: 'resolution', from: '2026-11-29T14:10:00Z', to: '2026-11-29T14:19:00Z'},
    ],
    now: '2026-11-29T15:00:00Z',
  })
  const markdown = `# Postmortem: checkout-api errors <P0>

## Executive summary
Checkout requests failed with HTTP 500 for 10 minutes after the deploy of **checkout-api v2.3**,
whose migration \`0042\` locked the \`orders\` table. A rollback to v2.2 restored service.

![Error rate over time](error-rate.svg)

## Timeline (UTC)
| Time (UTC) | Event | Evidence |
|---|---|---|
| 13:58 | Deploy of checkout-api v2.3 | ev-deploy-1 |
| 14:02 | Error rate rises above 5% | ev-logs-3 |
| 14:04 | Alert fired | ev-pagerduty-1 |
| 14:10 | Rollback to v2.2 | ev-deploy-2 |
| 14:19 | Resolved | — |

![Incident phases](phase-strip.svg)

## Root cause
\`\`\`text
ERROR db: lock timeout on relation "orders" (statement: ALTER TABLE orders ...)
\`\`\`

## Action items
- [HIGH] Run migrations that take locks outside peak hours ([runbook](https://runbooks.example.com/migrations))
- [MEDIUM] Add a lock-wait alert on the orders table
`
  return {
    title: 'Postmortem: checkout-api <errors> & rollback',
    markdown,
    charts: [
      {id: 'error-rate', caption: 'Error rate over time with changes, onset, detection and mitigation', svg: errorRate},
      {id: 'phase-strip', caption: 'Incident phases and their durations', svg: phases},
    ],
  }
}
