import {rng, writeEvents, writeCsvMetrics, accessLine, minutesSince, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20220214)
const ad = '2022-02-14T01:52:00Z'
// The log is sampled 1:100 (as the edge's log shipper does): rate per minute stays proportional.
const rate = (d) => { const m = minutesSince(d, ad); return m < 0 ? 9 : m < 12 ? 220 * Math.exp(-Math.max(0, m - 3) / 8) + 20 : 15 }
const events = []
for (let t = new Date('2022-02-14T01:20:00Z').getTime(); t < new Date('2022-02-14T02:20:00Z').getTime(); ) {
  const d = new Date(t)
  const m = minutesSince(d, ad)
  const path = m >= 0 && r.chance(0.7) ? r.pick(['/signup', '/promo/superbowl', '/api/v2/users']) : r.pick(['/', '/api/v2/prices/BTC-USD/spot', '/api/v2/accounts', '/static/main.js'])
  const status = m >= 0 && m < 12 ? (r.chance(0.35) ? 429 : r.chance(0.35) ? 503 : 200) : 200
  events.push({t, text: accessLine(r, d, {path, status, rt: status === 503 ? 10 + r() * 20 : r() * 0.3})})
  t += Math.max(1, Math.round((1000 / rate(d)) * (0.5 + r())))
}
writeEvents(out(dir, 'logs/edge-access.log'), events)
writeCsvMetrics(out(dir, 'metrics/traffic.csv'), '2022-02-14T01:20:00Z', '2022-02-14T02:20:00Z', 60000, {
  edge_requests_per_second: (d) => rate(d) * 100 + r() * 50,
  signup_web_http_503_ratio: (d) => (minutesSince(d, ad) >= 0 && minutesSince(d, ad) < 12 ? 0.3 + r() * 0.1 : 0.001),
  edge_rate_limited_per_second: (d) => (minutesSince(d, ad) >= 0 && minutesSince(d, ad) < 12 ? 6000 + r() * 2000 : 2),
  signup_web_cpu_utilization: (d) => (minutesSince(d, ad) >= 0 && minutesSince(d, ad) < 12 ? 0.97 : 0.35 + r() * 0.05),
})
