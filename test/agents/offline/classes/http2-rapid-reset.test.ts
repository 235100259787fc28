import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, ONSET} from '../bundle-builder.js'

const saturation = (peak: number, limit: number) => ({limit, limitSource: 'series:limit', peak, ratio: peak / limit, at: ONSET, saturated: peak / limit >= 0.9})
const changePoint = (before: number, after: number) => ({at: ONSET, before, after, magnitude: Math.abs(after - before), relativeChange: (after - before) / before, direction: after > before ? ('up' as const) : ('down' as const), score: 20, endedAt: null})

// Shapes: CVE-2023-44487 write-ups (https://blog.cloudflare.com/technical-breakdown-http2-rapid-reset-ddos-attack/,
// https://www.envoyproxy.io/docs/envoy/latest/configuration/upstream/cluster_manager/cluster_stats#http-2-codec-statistics):
// stream resets per second leap while requests completed do not, and the proxies' CPU fills up.
describe('an HTTP/2 rapid reset attack seen only in metrics', () => {
  it('is a security attack, and the CPU it burns is its effect', () => {
    const bundle = bundleOf({
      metrics: [
        {name: 'envoy_http_downstream_rq_rx_reset_per_second', changePoint: changePoint(3, 41000)},
        {name: 'envoy_cluster_http2_rx_reset', changePoint: changePoint(1, 9000)},
        {name: 'http_requests_per_second', changePoint: changePoint(2000, 9000)},
        {name: 'proxy_cpu_usage_percent', saturation: saturation(99, 100), changePoint: changePoint(35, 99)},
      ],
    })
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings[0]).toMatchObject({category: 'security-attack', change: null})
    const cpu = findings.find((f) => f.category === 'resource-exhaustion')
    expect(cpu === undefined || cpu.confidence < findings[0].confidence).toBe(true)
  })

  it('does not read a reset counter that stayed flat as an attack', () => {
    const bundle = bundleOf({metrics: [{name: 'nginx_http2_rst_stream_total', changePoint: null}]})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings.some((f) => f.category === 'security-attack')).toBe(false)
  })
})
