import {rng, every, writeEvents, writeJson, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, goService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240627)
const hijack = '2024-06-27T18:51:00Z'
const restored = '2024-06-27T20:12:00Z'
const down = (d) => minutesSince(d, hijack) >= 0 && minutesSince(d, restored) < 0

const hosts = ['api.stripe.com', 'hooks.slack.com', 'sqs.eu-west-1.amazonaws.com', 'api.sendgrid.com']
const app = every(r, "2024-06-27T17:30:00Z", "2024-06-27T21:00:00Z", 900, (d) => {
  const host = r.pick(hosts)
  const id = r.hex(12)
  if (down(d) && r() < 0.97) {
    const port = r.int(32768, 60999)
    return `${fmt.go(d)} worker: job ${id} failed: Post "https://${host}/v1/${host.startsWith('api.stripe') ? 'charges' : 'send'}": dial tcp: lookup ${host} on 1.1.1.1:53: read udp 10.42.7.19:${port}->1.1.1.1:53: i/o timeout`
  }
  return `${fmt.go(d)} worker: job ${id} done host=${host} in ${r.int(40, 400)}ms`
})
writeEvents(out(dir, 'logs/notifier.log'), app)
// Synthetic DNS probes from the same site against both configured resolvers.
const probes = []
every(r, '2024-06-27T17:30:00Z', '2024-06-27T21:00:00Z', 30000, (d) => {
  for (const resolver of ['1.1.1.1', '1.0.0.1', '8.8.8.8']) {
    const bad = down(d) && resolver === '1.1.1.1'
    probes.push({t: d.getTime(), text: JSON.stringify({ts: fmt.iso(d), probe: 'dns-resolve', site: 'fra-colo-2', resolver, qname: 'api.stripe.com', ok: !bad, rtt_ms: bad ? null : r.int(3, 14), error: bad ? 'timeout after 2000ms (no response)' : null, traceroute_last_hop: bad ? 'AS1031 (PEER1) 4 hops, then * * *' : null})})
  }
  return null
})
writeEvents(out(dir, 'logs/dns-probes.jsonl'), probes)
writeJson(out(dir, 'alert.json'), {
  version: '4', groupKey: '{}:{alertname="DNSResolverUnreachable"}', truncatedAlerts: 0, status: 'firing', receiver: 'platform-pager',
  groupLabels: {alertname: 'DNSResolverUnreachable'},
  commonLabels: {alertname: 'DNSResolverUnreachable', severity: 'critical', site: 'fra-colo-2', resolver: '1.1.1.1', service: 'notifier'},
  commonAnnotations: {summary: 'Resolver 1.1.1.1 unreachable from fra-colo-2', description: 'DNS probes to 1.1.1.1 time out from fra-colo-2 for 5 minutes (1.0.0.1 and 8.8.8.8 answer).'},
  externalURL: 'http://alertmanager.fra-colo-2:9093',
  alerts: [{status: 'firing', labels: {alertname: 'DNSResolverUnreachable', severity: 'critical', site: 'fra-colo-2', resolver: '1.1.1.1', service: 'notifier'}, annotations: {summary: 'Resolver 1.1.1.1 unreachable from fra-colo-2'}, startsAt: '2024-06-27T18:56:30Z', endsAt: '0001-01-01T00:00:00Z', generatorURL: 'http://prometheus.fra-colo-2:9090/graph?g0.expr=probe_success%7Bresolver%3D%221.1.1.1%22%7D+%3D%3D+0', fingerprint: '5c2e8a1f0b7d9e43'}],
})
const base = goService('example.com/notifier')
buildRepo(out(dir, 'repo'), [
  {subject: 'notifier: outbound webhook and mail worker', author: people.chen, at: '2024-02-12T09:00:00Z', files: {...base, 'deploy/resolv.conf': 'nameserver 10.42.0.2\n'}},
  {subject: 'colo: use the public resolver 1.1.1.1 on the worker hosts', author: people.dana, at: '2024-06-03T11:30:00Z', body: 'The colo resolver was dropping queries at peak; the public anycast resolver was faster in every test.', files: {'deploy/resolv.conf': 'nameserver 1.1.1.1\noptions timeout:2 attempts:2\n'}},
  {subject: 'worker: structured retry log line', author: people.fay, at: '2024-06-27T15:40:00Z', files: {'internal/worker/retry.go': 'package worker\n\n// retry logs attempts; no behaviour change.\nfunc retry(n int) int { return n }\n'}},
  {subject: 'docs: on-call notes for DNS probe alerts', author: people.ben, at: '2024-06-27T20:40:00Z', files: {'docs/dns-probes.md': '# DNS probes\n\nCompare 1.1.1.1, 1.0.0.1 and 8.8.8.8 from each site.\n'}},
])
