import {rng, every, writeEvents, writeCsvMetrics, fmt, minutesSince, accessLine, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, docs} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20230510)
const MAX = 262144
// Conntrack entries follow the evening curve; short upstream connections leave TIME_WAIT entries
// for 120 s, so the table tops out at the peak although traffic is only a little above yesterday's.
const rps = (d) => {
  const h = (d.getTime() - new Date('2023-05-10T16:00:00Z').getTime()) / 3600000
  return 1700 + 1500 * Math.exp(-((h - 3.1) ** 2) / 1.1)
}
const entries = (d) => Math.min(MAX, rps(d) * 96)
const full = (d) => entries(d) >= MAX
const drop = (d) => (full(d) ? Math.min(0.35, (rps(d) * 96 - MAX) / (rps(d) * 96)) : 0)
const sys = []
const err = []
const acc = []
every(r, '2023-05-10T16:00:00Z', '2023-05-10T22:00:00Z', 1000, (d) => {
  if (full(d)) {
    sys.push({t: d.getTime(), text: `${fmt.syslog(d)} lb-ext-2 kernel: [${(4810233 + (d.getTime() - 1683734400000) / 1000).toFixed(6)}] nf_conntrack: nf_conntrack: table full, dropping packet`})
    if (r.chance(0.2)) sys.push({t: d.getTime() + 5, text: `${fmt.syslog(d)} lb-ext-2 kernel: [${(4810233 + (d.getTime() - 1683734400000) / 1000 + 0.005).toFixed(6)}] net_ratelimit: ${r.int(900, 6000)} callbacks suppressed`})
  }
  return null
})
let conn = 881000
every(r, '2023-05-10T16:00:00Z', '2023-05-10T22:00:00Z', 600, (d) => {
  const path = r.pick(['/api/v2/quotes', '/api/v2/quotes', '/api/v2/policies/' + r.int(10000, 99999), '/', '/static/app.4f2c.js'])
  const up = `10.0.2.${r.int(11, 18)}:8080`
  if (r() < drop(d)) {
    conn++
    err.push({t: d.getTime() + 60000, text: `${fmt.go(new Date(d.getTime() + 60000))} [error] ${r.int(2101, 2108)}#${r.int(2101, 2108)}: *${conn} upstream timed out (110: Connection timed out) while connecting to upstream, client: 198.51.100.${r.int(1, 254)}, server: quotes.example.com, request: "GET ${path} HTTP/1.1", upstream: "http://${up}${path}", host: "quotes.example.com"`})
    acc.push({t: d.getTime() + 60001, text: accessLine(r, new Date(d.getTime() + 60001), {path, status: 504, bytes: 167, rt: 60.001})})
  } else acc.push({t: d.getTime(), text: accessLine(r, d, {path, status: 200, rt: r.int(8, 90) / 1000})})
  return null
})
writeEvents(out(dir, 'logs/syslog'), sys)
writeEvents(out(dir, 'logs/nginx-error.log'), err)
writeEvents(out(dir, 'logs/nginx-access.log'), acc)
writeCsvMetrics(out(dir, 'metrics.csv'), '2023-05-10T16:00:00Z', '2023-05-10T22:00:00Z', 60000, {
  nginx_requests_per_second: (d) => rps(d) * (0.98 + r() * 0.04),
  requests_per_second_same_time_yesterday: (d) => rps(d) * 0.91,
  nf_conntrack_count: (d) => Math.round(entries(d) * (full(d) ? 1 : 0.97 + r() * 0.02)),
  nf_conntrack_max: () => MAX,
  node_cpu_busy_ratio: (d) => 0.22 + rps(d) / 12000,
  node_memory_available_ratio: () => 0.61,
})
const conf = (gz) => `upstream quotes { ${Array.from({length: 8}, (_, i) => `server 10.0.2.${11 + i}:8080;`).join(' ')} }\nserver {\n  listen 443 ssl http2;\n  server_name quotes.example.com;\n${gz ? '  gzip on;\n  gzip_types application/json;\n' : ''}  location / { proxy_pass http://quotes; proxy_connect_timeout 60s; }\n}\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'edge: nginx front for quotes.example.com', author: people.dana, at: '2022-01-10T10:00:00Z', files: {'nginx/quotes.conf': conf(false), 'sysctl/99-lb.conf': 'net.netfilter.nf_conntrack_max = 262144\nnet.ipv4.ip_local_port_range = 1024 65000\n', 'docs/edge.md': docs('Edge runbook')}},
  {subject: 'edge: gzip JSON responses', author: people.ben, at: '2023-05-09T14:20:00Z', files: {'nginx/quotes.conf': conf(true)}},
  {subject: 'docs: link the quotes dashboards', author: people.ana, at: '2023-05-10T11:00:00Z', files: {'docs/dashboards.md': '# Dashboards\n\n- edge: requests, upstream latency\n'}},
])
