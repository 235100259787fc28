import {rng, every, writeEvents, writeCsvMetrics, writeJsonl, accessLine, fmt, minutesSince, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20221115)
const open = '2022-11-15T15:00:00Z'
// Requests per second at the edge (thousands): a normal morning, then the presale.
const krps = (d) => { const m = minutesSince(d, open); return m < -10 ? 18 + 4 * Math.sin(m / 30) : m < 0 ? 25 + (m + 10) * 3 : m < 150 ? 240 * Math.exp(-m / 300) + 60 : 45 }
const over = (d) => minutesSince(d, open) >= 0 && minutesSince(d, open) < 150
const edge = []
for (let t = new Date('2022-11-15T14:00:00Z').getTime(); t < new Date('2022-11-15T17:30:00Z').getTime();) {
  const d = new Date(t)
  const m = minutesSince(d, open)
  const presale = m >= 0 && r.chance(0.85)
  const path = presale ? r.pick(['/api/presale/verify', '/api/queue/status', '/event/0B005D1EE7B5/seats', '/api/cart/hold', '/eras-tour']) : r.pick(['/', '/search?q=concerts', '/event/1A005C9E8D71', '/account', '/static/js/main.js'])
  let status = r.pick([200, 200, 200, 304])
  if (over(d)) status = r.chance(0.3) ? 429 : r.chance(0.22) ? 503 : r.chance(0.05) ? 504 : 200
  const bot = over(d) && r.chance(0.4)
  edge.push({t, text: accessLine(r, d, {method: path.startsWith('/api/') ? 'POST' : 'GET', path, status, ua: bot ? r.pick(['python-requests/2.28.1', 'Go-http-client/1.1', 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/107.0.5304.87 Safari/537.36']) : undefined, rt: status === 503 || status === 504 ? 5 + r() * 25 : r() * 0.4})})
  t += Math.max(1, Math.round((1000 / (krps(d) * 1000 / 50000)) * (0.5 + r())))
}
writeEvents(out(dir, 'logs/edge-access.log'), edge)
const err = every(r, '2022-11-15T14:00:00Z', '2022-11-15T17:30:00Z', 600, (d, i) => {
  const client = `${r.pick(['198.51.100', '203.0.113', '192.0.2'])}.${r.int(1, 254)}`
  const pid = r.pick([2211, 2212, 2213, 2214])
  if (!over(d)) return r.chance(0.02) ? `${fmt.go(d)} [warn] ${pid}#${pid}: *${8e5 + i} upstream server temporarily disabled while reading response header from upstream, client: ${client}, server: www.example-tickets.com, request: "GET /account HTTP/1.1", upstream: "http://10.8.1.12:8080/account", host: "www.example-tickets.com"` : null
  return r.chance(0.6)
    ? `${fmt.go(d)} [error] ${pid}#${pid}: *${8e5 + i} limiting requests, excess: ${(r() * 40).toFixed(3)} by zone "presale", client: ${client}, server: www.example-tickets.com, request: "POST /api/presale/verify HTTP/1.1", host: "www.example-tickets.com"`
    : `${fmt.go(d)} [error] ${pid}#${pid}: *${8e5 + i} upstream timed out (110: Connection timed out) while reading response header from upstream, client: ${client}, server: www.example-tickets.com, request: "POST /api/cart/hold HTTP/1.1", upstream: "http://10.8.3.40:8080/api/cart/hold", host: "www.example-tickets.com"`
})
writeEvents(out(dir, 'logs/edge-error.log'), err)
const inv = every(r, '2022-11-15T14:00:00Z', '2022-11-15T17:30:00Z', 1500, (d) => {
  const base = {'@timestamp': fmt.iso(d), '@version': '1', thread_name: `http-nio-8080-exec-${r.int(1, 400)}`, event_code: 'EB005D1EE7B5'}
  if (over(d) && r.chance(0.55)) return JSON.stringify(r.chance(0.5)
    ? {...base, message: 'Passcode validation timed out after 5000ms', logger_name: 'com.example.tickets.presale.PasscodeValidator', level: 'ERROR', level_value: 40000, stack_trace: 'java.util.concurrent.TimeoutException: Passcode validation timed out after 5000ms\n\tat com.example.tickets.presale.PasscodeValidator.validate(PasscodeValidator.java:77)\n\tat com.example.tickets.presale.PresaleController.verify(PresaleController.java:41)\n'}
    : {...base, message: `Seat hold failed: inventory lock wait exceeded (section ${r.int(100, 560)})`, logger_name: 'com.example.tickets.inventory.SeatHoldService', level: 'WARN', level_value: 30000})
  return JSON.stringify({...base, message: `Held ${r.int(1, 6)} seats in section ${r.int(100, 560)} for cart ${r.hex(10)}`, logger_name: 'com.example.tickets.inventory.SeatHoldService', level: 'INFO', level_value: 20000})
})
writeEvents(out(dir, 'logs/inventory.jsonl'), inv)
writeCsvMetrics(out(dir, 'metrics/presale.csv'), '2022-11-14T15:00:00Z', '2022-11-15T17:30:00Z', 60000, {
  edge_requests_per_second: (d) => (minutesSince(d, '2022-11-15T14:00:00Z') < 0 ? 15000 + 6000 * Math.sin(d.getTime() / 86400000 * 2 * Math.PI) + r() * 800 : krps(d) * 1000 + r() * 3000),
  edge_rate_limited_per_second: (d) => (over(d) ? krps(d) * 300 + r() * 2000 : r() * 5),
  waiting_room_queue_depth: (d) => (over(d) ? Math.round(3.4e6 * Math.exp(-minutesSince(d, open) / 200)) : 0),
  inventory_p99_latency_ms: (d) => (over(d) ? 4000 + r() * 3000 : 120 + r() * 40),
  inventory_cpu_utilization: (d) => (over(d) ? 0.96 + r() * 0.03 : 0.3 + r() * 0.08),
})
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2022-11-14T20:00:00Z', service: 'presale', version: '', sha: '', kind: 'config', description: 'presale: Verified Fan queue for the stadium tour (1.5M invite codes)'},
  {time: '2022-11-15T12:30:00Z', service: 'ticketing-web', version: '2022.11.15-1', sha: '4e9b1c07', kind: 'deploy', description: 'ticketing-web 2022.11.15-1: seat map rendering fix'},
  {time: '2022-11-15T14:10:00Z', service: 'waiting-room', version: '', sha: '', kind: 'config', description: 'waiting-room: raise admission rate to 4,000 fans per second'},
])
