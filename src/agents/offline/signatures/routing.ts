import type {SignatureInput} from './signature-schema.js'

const r = String.raw

/**
 * The network between services: routing (BGP sessions, prefix limits, leaks), inter-broker links
 * and cloud instance network allowances. Connection-level symptoms, not any one dependency.
 */
export const NETWORK_SIGNATURES: SignatureInput[] = [
  {
    id: 'bgp-session-down',
    ecosystem: 'network',
    failure: 'connection-reset',
    title: 'BGP session down (hold timer expired, notification, neighbor down)',
    match: {
      patterns: [
        r`%(?:BGP-5-)?ADJCHANGE: neighbor (?<host>[\d.:a-f]+)(?:\([^)]*\))?(?: in vrf \S+| vpn vrf \S+)? Down`,
        r`%BGP-3-NOTIFICATION: (?:sent to|received from) neighbor (?<host>[\d.:a-f]+) \d+\/\d+ \((?:hold time expired|cease|peer de-configured)`,
        r`\bError: Hold timer expired\b`,
        r`\bBGP_IO_ERROR_CLOSE_SESSION\b|\bbgp_hold_timeout\b`,
      ],
    },
    extracts: ['host'],
    mitigation: 'Find the link or peer that dropped the session; shift traffic away from it until it is stable.',
    nextSteps: ['Check interface errors and the peer’s state on both routers at the onset.'],
    source: 'https://www.cisco.com/c/en/us/support/docs/ip/border-gateway-protocol-bgp/19345-bgp-noad.html',
    examples: {
      match: [{line: 'Jun 24 10:35:01 edge-rtr-1 %BGP-5-ADJCHANGE: neighbor 192.0.2.1 Down BGP Notification sent', extracted: {host: '192.0.2.1'}}, 'bird: bgp_transit1: Error: Hold timer expired', '%BGP-3-NOTIFICATION: sent to neighbor 192.0.2.1 4/0 (hold time expired) 0 bytes'],
      nonMatch: ['%BGP-5-ADJCHANGE: neighbor 192.0.2.1 Up'],
    },
  },
  {
    id: 'bgp-prefix-limit-or-leak',
    ecosystem: 'network',
    failure: 'connection-reset',
    title: 'BGP prefix limit exceeded or route leak detected',
    match: {
      patterns: [
        r`%BGP-(?:4-MAXPFX|3-MAXPFXEXCEED):`,
        r`Maximum number of prefixes reached|Route limit exceeded|prefix[- ]limit (?:exceeded|reached)`,
        r`\b(?:possible )?route leak\b`,
        r`\b(?:possible )?(?:prefix )?hijack\b.{0,80}\bAS\d+`,
      ],
    },
    mitigation: 'Filter the leaked routes (max-prefix, IRR/RPKI filters) and ask the leaking network or its upstream to withdraw them.',
    nextSteps: ['Look up the affected prefixes’ AS paths in a public route collector (RIPE RIS, RouteViews).'],
    source: 'https://blog.cloudflare.com/how-verizon-and-a-bgp-optimizer-knocked-large-parts-of-the-internet-offline-today/',
    examples: {
      match: ['%BGP-4-MAXPFX: No. of prefix received from 192.0.2.1 (afi 0) reaches 8021, max 10000', '%BGP-3-MAXPFXEXCEED: No. of prefix received from 192.0.2.1 (afi 0): 10001 exceed limit 10000', 'bgpalerter: Possible route leak: 104.20.0.0/20 announced by AS396531 via AS701'],
      nonMatch: ['%BGP-5-ADJCHANGE: neighbor 192.0.2.1 Up', 'max-prefix 10000 configured for neighbor 192.0.2.1'],
    },
  },
  {
    id: 'kafka-peer-disconnected',
    ecosystem: 'network',
    failure: 'connection-reset',
    title: 'Kafka: connection to a broker dropped mid-request',
    match: {
      patterns: [
        r`Connection to (?:node )?-?\d+ (?:\((?<host>[\w.-]+)\/[\d.]+:\d+\) )?was disconnected before the response was read`,
        r`NetworkException: The server disconnected before a response was received`,
        r`Disconnecting from node -?\d+ due to request timeout`,
      ],
    },
    extracts: ['host'],
    mitigation: 'Find the network path dropping the brokers’ connections (a zone, a link); keep clients and replicas in reachable zones.',
    nextSteps: ['Break the disconnects down by broker and zone; compare TCP retransmits between zones.'],
    source: 'https://kafka.apache.org/documentation/#replication',
    examples: {
      match: ['java.io.IOException: Connection to 3 was disconnected before the response was read', 'org.apache.kafka.common.errors.NetworkException: The server disconnected before a response was received.', '[Producer clientId=checkout] Disconnecting from node 2 due to request timeout.'],
      nonMatch: ['[Producer clientId=checkout] Node 2 disconnected.'],
    },
  },
  {
    id: 'packet-loss-reported',
    ecosystem: 'network',
    failure: 'connection-reset',
    title: 'Packet loss reported by ping, mtr or a network probe',
    match: {patterns: [r`\b(?:[1-9]\d?(?:\.\d+)?|100)% packet loss\b`, r`\bpacket loss (?:of |at |detected[^\n]{0,40}?)(?:[1-9]\d?(?:\.\d+)?|100) ?%`]},
    mitigation: 'Find the hop or zone losing packets and route around it.',
    nextSteps: ['Run mtr between the affected zones; check the provider’s network status.'],
    source: 'https://man7.org/linux/man-pages/man8/ping.8.html',
    examples: {match: ['10 packets transmitted, 6 received, 40% packet loss, time 9012ms', 'probe us-east-1a -> us-east-1c: packet loss detected at 12.5%'], nonMatch: ['10 packets transmitted, 10 received, 0% packet loss, time 9012ms']},
  },
  {
    id: 'cloud-network-allowance-metric',
    ecosystem: 'network',
    failure: 'connection-reset',
    title: 'Instance network allowance exceeded (packets queued or dropped)',
    match: {metrics: [r`(?:bw_in|bw_out|pps|conntrack|linklocal)_allowance_exceeded`, r`tcp[\w]*(?:retransmit|lost_retransmit|timeouts)`, r`(?:inter|cross)[_-]?(?:az|zone)[\w]*(?:loss|drop|error)`]},
    mitigation: 'Move traffic off the saturated instances or zone; raise the instance size if the allowance is the limit.',
    nextSteps: ['Break the counters down by instance and zone.'],
    source: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/monitoring-network-performance-ena.html',
    examples: {match: ['node_ethtool_bw_in_allowance_exceeded', 'tcp_lost_retransmit_total', 'inter_az_packet_loss_ratio'], nonMatch: ['node_network_receive_bytes_total']},
  },
]
