import {rng, writeEvents, writePromRange, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20230829)
const start = '2023-08-29T02:12:00Z'
const end = '2023-08-29T02:44:00Z'
const attack = (d) => minutesSince(d, start) >= 0 && minutesSince(d, end) < 0
const bots = Array.from({length: 3000}, () => `${r.pick(['198.51.100', '203.0.113', '192.0.2', '100.64.' + r.int(0, 255)])}.${r.int(1, 254)}`)
const legit = {rps: 40000}
const events = []
const line = (d, o) => events.push({t: d.getTime(), text: JSON.stringify({start_time: fmt.iso(d), method: o.method ?? 'GET', path: o.path, protocol: o.protocol ?? 'HTTP/2', response_code: o.code, response_flags: o.flags ?? '-', bytes_received: o.rx ?? 0, bytes_sent: o.tx ?? 0, duration: o.ms ?? 0, upstream_service_time: o.ust ?? null, upstream_host: o.host ?? null, downstream_remote_address: `${o.ip}:${r.int(1024, 65535)}`, user_agent: o.ua ?? null, request_id: `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`, authority: 'www.example.com'})})
// Sampled 1:100,000. Legitimate traffic ~0.4 lines/s; the attack adds ~36/s for 32 minutes.
for (let t = new Date('2023-08-29T01:30:00Z').getTime(); t < new Date('2023-08-29T03:15:00Z').getTime();) {
  const d = new Date(t)
  const cpuBound = attack(d) && r.chance(0.45)
  line(d, cpuBound
    ? {path: r.pick(['/', '/api/v2/products', '/checkout', '/static/app.js']), code: r.chance(0.7) ? 503 : 504, flags: r.chance(0.7) ? 'UO' : 'UT', tx: r.int(19, 91), ms: r.chance(0.7) ? r.int(0, 5) : 15000, ip: `${r.pick(['203.0.113', '198.51.100'])}.${r.int(1, 254)}`, ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1'}
    : {path: r.pick(['/', '/api/v2/products', '/api/v2/cart', '/checkout', '/static/app.js']), code: r.pick([200, 200, 200, 304]), rx: r.int(300, 1200), tx: r.int(500, 30000), ms: r.int(3, 120), ust: r.int(2, 110), host: `10.20.${r.int(1, 9)}.${r.int(2, 250)}:8080`, ip: `${r.pick(['203.0.113', '198.51.100'])}.${r.int(1, 254)}`, ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Safari/537.36'})
  t += Math.max(1, Math.round(2500 * (0.5 + r())))
}
for (let t = new Date(start).getTime(); t < new Date(end).getTime(); t += Math.max(1, Math.round(28 * (0.5 + r())))) {
  line(new Date(t), {path: '/', code: 0, flags: 'DR', ip: r.pick(bots)})
}
writeEvents(out(dir, 'logs/envoy-edge.jsonl'), events)
const rps = (d) => (attack(d) ? 3.6e6 + r() * 4e5 : legit.rps + r() * 3000)
writePromRange(out(dir, 'metrics/edge-prometheus.json'), '2023-08-29T00:00:00Z', '2023-08-29T03:15:00Z', 15000, [
  {metric: {__name__: 'envoy_http_downstream_rq_total:rate1m', envoy_http_conn_manager_prefix: 'ingress_https', job: 'edge-envoy'}, value: rps},
  {metric: {__name__: 'envoy_http_downstream_rq_rx_reset:rate1m', envoy_http_conn_manager_prefix: 'ingress_https', job: 'edge-envoy'}, value: (d) => (attack(d) ? 3.55e6 + r() * 4e5 : 5 + r() * 10)},
  {metric: {__name__: 'envoy_http_downstream_cx_active', job: 'edge-envoy'}, value: (d) => (attack(d) ? 42000 + r() * 3000 : 9000 + r() * 500)},
  {metric: {__name__: 'node_cpu_utilization', job: 'edge-envoy'}, value: (d) => (attack(d) ? 0.98 + r() * 0.02 : 0.32 + r() * 0.05)},
  {metric: {__name__: 'envoy_cluster_upstream_rq_5xx:ratio', envoy_cluster_name: 'storefront', job: 'edge-envoy'}, value: (d) => (attack(d) ? 0.4 + r() * 0.1 : 0.001)},
])
const envoyYaml = (streams, extra = '') => `static_resources:\n  listeners:\n    - name: ingress_https\n      filter_chains:\n        - filters:\n            - name: envoy.filters.network.http_connection_manager\n              typed_config:\n                http2_protocol_options:\n                  max_concurrent_streams: ${streams}\n${extra}`
buildRepo(out(dir, 'repo'), [
  {subject: 'edge: Envoy front proxy for www', author: people.chen, at: '2023-03-01T10:00:00Z', files: {'envoy/envoy.yaml': envoyYaml(1000), 'README.md': '# edge\n\nEnvoy configuration for the public edge.\n'}},
  {subject: 'edge: bump Envoy to v1.27.0', author: people.bot, at: '2023-08-20T09:00:00Z', files: {'envoy/VERSION': 'v1.27.0\n'}},
  {subject: 'edge: add route for /api/v3/search', author: people.ana, at: '2023-08-28T16:00:00Z', files: {'envoy/routes/search.yaml': 'match:\n  prefix: /api/v3/search\nroute:\n  cluster: search\n'}},
  {subject: 'edge: cap HTTP/2 streams at 100 and close connections that reset too many', author: people.chen, at: '2023-08-29T03:05:00Z', files: {'envoy/envoy.yaml': envoyYaml(100, '                overload_manager: premature_reset_limit\n')}},
])
