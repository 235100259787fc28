import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, ONSET} from '../bundle-builder.js'

const changePoint = (before: number, after: number) => ({at: ONSET, before, after, magnitude: Math.abs(after - before), relativeChange: (after - before) / before, direction: after > before ? ('up' as const) : ('down' as const), score: 20, endedAt: null})
const lead = (bundle: ReturnType<typeof bundleOf>) => rootCauseAnalyst(bundle, INCIDENT).findings[0]

describe('network failures with no change behind them', () => {
  // Shapes: Kafka replica fetcher and client disconnects (https://issues.apache.org/jira/browse/KAFKA-6649,
  // https://kafka.apache.org/documentation/#replication), node_exporter TCP retransmits.
  it('reads inter-zone packet loss from broker disconnects across peers and rising retransmits', () => {
    const bundle = bundleOf({
      templates: [
        {
          template: 'WARN [ReplicaFetcher replicaId=<*>, leaderId=<*>, fetcherId=0] Error in response for fetch request (type=FetchRequest, replicaId=<*>, maxWait=500, minBytes=1, maxBytes=10485760) (kafka.server.ReplicaFetcherThread) java.io.IOException: Connection to <*> was disconnected before the response was read',
          samples: [
            'WARN [ReplicaFetcher replicaId=1, leaderId=3, fetcherId=0] Error in response for fetch request (type=FetchRequest, replicaId=1, maxWait=500, minBytes=1, maxBytes=10485760) (kafka.server.ReplicaFetcherThread) java.io.IOException: Connection to 3 was disconnected before the response was read',
            'WARN [ReplicaFetcher replicaId=2, leaderId=1, fetcherId=0] Error in response for fetch request (type=FetchRequest, replicaId=2, maxWait=500, minBytes=1, maxBytes=10485760) (kafka.server.ReplicaFetcherThread) java.io.IOException: Connection to 1 was disconnected before the response was read',
          ],
          count: 900,
          levels: ['warn'],
        },
        {template: 'INFO [Partition orders-<*> broker=<*>] Shrinking ISR from <*> to <*>. Leader: (highWatermark: <*>, endOffset: <*>). Out of sync replicas: <*>', count: 300, levels: ['info']},
        {template: 'ERROR [Producer clientId=checkout] Connection to node <*> (kafka-<*>.kafka.svc.cluster.local/<*>:9092) could not be established. Broker may not be available.', count: 120},
      ],
      metrics: [{name: 'node_netstat_Tcp_RetransSegs_rate{zone="us-east-1b"}', changePoint: changePoint(4, 380)}],
      commits: [{subject: 'docs: runbook for partition reassignment', files: ['docs/kafka.md'], minutesBefore: 90}],
    })
    expect(lead(bundle)).toMatchObject({category: 'network', change: null})
  })

  // Shapes: Cisco IOS BGP syslog (https://www.cisco.com/c/en/us/support/docs/ip/border-gateway-protocol-bgp/25160-bgp-maximum-prefix.html),
  // the 2019-06-24 route leak write-up (https://blog.cloudflare.com/how-verizon-and-a-bgp-optimizer-knocked-large-parts-of-the-internet-offline-today/).
  it('reads a BGP route leak from router logs while the edge cannot reach origins', () => {
    const bundle = bundleOf({
      templates: [
        {template: '<*> %BGP-4-MAXPFX: No. of prefix received from <*> (afi 0) reaches <*>, max <*>', samples: ['Jun 24 10:34:12 edge-rtr-1 %BGP-4-MAXPFX: No. of prefix received from 192.0.2.1 (afi 0) reaches 8021, max 10000'], count: 4, levels: ['warn']},
        {template: '<*> %BGP-3-MAXPFXEXCEED: No. of prefix received from <*> (afi 0): <*> exceed limit <*>', samples: ['Jun 24 10:35:01 edge-rtr-1 %BGP-3-MAXPFXEXCEED: No. of prefix received from 192.0.2.1 (afi 0): 10001 exceed limit 10000'], count: 2},
        {template: '<*> %BGP-5-ADJCHANGE: neighbor <*> Down BGP Notification sent', samples: ['Jun 24 10:35:01 edge-rtr-1 %BGP-5-ADJCHANGE: neighbor 192.0.2.1 Down BGP Notification sent'], count: 2, levels: ['warn']},
        {template: '<*> "GET <*> HTTP/1.1" 522 <*>', samples: ['203.0.113.50 - - [24/Jun/2019:10:36:12 +0000] "GET /api/cart HTTP/1.1" 522 0 "-" "Mozilla/5.0"'], count: 3000},
      ],
    })
    expect(lead(bundle)).toMatchObject({category: 'network', change: null})
  })

  it('reads Kafka clients losing brokers mid-request with the instances over their network allowance', () => {
    const bundle = bundleOf({
      templates: [{template: 'WARN [Producer clientId=checkout] Got error produce response with correlation id <*> on topic-partition orders-<*>, retrying (<*> attempts left). Error: NETWORK_EXCEPTION. Error Message: Disconnected from node <*>', count: 40, levels: ['warn']}, {template: 'ERROR org.apache.kafka.common.errors.NetworkException: The server disconnected before a response was received.', count: 400}],
      metrics: [{name: 'node_ethtool_pps_allowance_exceeded{zone="us-east-1c"}', changePoint: changePoint(0, 5200)}],
    })
    expect(lead(bundle)).toMatchObject({category: 'network', change: null})
  })
})
