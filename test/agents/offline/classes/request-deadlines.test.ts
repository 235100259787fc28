import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT} from '../bundle-builder.js'

const lead = (bundle: ReturnType<typeof bundleOf>) => rootCauseAnalyst(bundle, INCIDENT).findings[0]

// Shapes: gRPC status codes (https://grpc.io/docs/guides/status-codes/), grpc-java's deadline message
// (https://github.com/grpc/grpc-java/issues/5498), grpcio's _InactiveRpcError, Go's rpc error string.
const DEADLINES = {
  template: 'ERROR nightly export: <*>',
  samples: [
    'ERROR nightly export: rpc error: code = DeadlineExceeded desc = context deadline exceeded',
    'ERROR nightly export: io.grpc.StatusRuntimeException: DEADLINE_EXCEEDED: deadline exceeded after 9.999842316s. [closed=[], open=[[buffered_nanos=10000302150, waiting_for_connection]]]',
    'ERROR nightly export: <_InactiveRpcError of RPC that terminated with: status = StatusCode.DEADLINE_EXCEEDED details = "Deadline Exceeded" debug_error_string = "UNKNOWN:Deadline Exceeded {grpc_status:4}">',
  ],
  count: 300,
}

describe('request deadlines with nothing else in the evidence', () => {
  it('say a call was slow, not where: the answer stays unknown, not network', () => {
    const [finding] = rootCauseAnalyst(bundleOf({templates: [DEADLINES]}), INCIDENT).findings
    expect(finding === undefined || finding.category === 'unknown' || finding.confidence < 0.4).toBe(true)
    expect(rootCauseAnalyst(bundleOf({templates: [DEADLINES]}), INCIDENT).findings.some((f) => f.category === 'network' && f.confidence >= 0.4)).toBe(false)
  })

  it('still name the one upstream they reach', () => {
    const bundle = bundleOf({templates: [{template: 'ERROR rates: <*>', samples: ['ERROR rates: Get "https://api.shipping.example/v2/rates": context deadline exceeded (Client.Timeout exceeded while awaiting headers)']}]})
    expect(lead(bundle)).toMatchObject({category: 'external-dependency', component: 'api.shipping.example'})
  })

  it('leave connection-level timeouts to many destinations to the network', () => {
    const bundle = bundleOf({
      templates: [{template: 'ERROR dial tcp <*>: i/o timeout', samples: ['ERROR call inventory: dial tcp 10.0.3.7:8080: i/o timeout', 'ERROR call pricing: dial tcp 10.0.5.2:8080: i/o timeout']}],
    })
    expect(lead(bundle)).toMatchObject({category: 'network'})
  })
})
