import {rng, every, writeEvents, writeCsvMetrics, accessLine, minutesSince, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20190702)
const onset = '2019-07-02T13:42:20Z'
const paths = ['/', '/cdn-cgi/trace', '/api/v4/zones', '/static/app.js', '/images/logo.png', '/login', '/search?q=shoes']
const logs = every(r, '2019-07-02T13:00:00Z', '2019-07-02T14:05:00Z', 250, (d) => {
  const after = minutesSince(d, onset) >= 0 && minutesSince(d, '2019-07-02T14:02:00Z') < 0
  const status = after ? (r.chance(0.82) ? 502 : 200) : r.chance(0.003) ? 502 : r.chance(0.04) ? 304 : 200
  return accessLine(r, d, {path: r.pick(paths), status, rt: after ? 5 + r() * 25 : r() * 0.15})
})
writeEvents(out(dir, 'logs/edge-access.log'), logs)
const busy = (d) => minutesSince(d, onset) >= 0 && minutesSince(d, '2019-07-02T14:02:00Z') < 0
writeCsvMetrics(out(dir, 'metrics/edge-cpu.csv'), '2019-07-02T13:00:00Z', '2019-07-02T14:05:00Z', 60000, {
  edge_cpu_utilization_pct: (d) => (busy(d) ? 97 + r() * 3 : 34 + r() * 8),
  edge_http_5xx_rate: (d) => (busy(d) ? 0.78 + r() * 0.08 : 0.002 + r() * 0.002),
  edge_requests_per_second: (d) => 2.9e6 + r() * 2e5,
})
