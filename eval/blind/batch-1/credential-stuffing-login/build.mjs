import {rng, every, writeEvents, accessLine, fmt, minutesSince, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20230602)
const start = '2023-06-02T21:00:00Z'
const botIp = () => `${r.pick(['198.51.100', '203.0.113', '192.0.2'])}.${r.int(1, 254)}`
const bot = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/113.0.0.0 Safari/537.36'
const acc = [
  ...every(r, '2023-06-02T20:00:00Z', '2023-06-02T22:00:00Z', 400, (d) => {
    const login = r.chance(0.15)
    return accessLine(r, d, {method: login ? 'POST' : 'GET', path: login ? '/login' : r.pick(['/', '/account', '/api/orders', '/static/app.css']), status: login && r.chance(0.04) ? 401 : 200})
  }),
  ...every(r, start, '2023-06-02T22:00:00Z', 45, (d) => accessLine(r, d, {method: 'POST', path: '/login', status: r.chance(0.985) ? 401 : 200, ip: botIp(), ua: bot, rt: 0.4 + r() * 0.8})),
]
writeEvents(out(dir, 'logs/access.log'), acc)
const auth = [
  ...every(r, '2023-06-02T20:00:00Z', '2023-06-02T22:00:00Z', 3000, (d) => `ts=${fmt.iso(d)} level=info msg="login ok" user=${r.hex(6)}@example.org mfa=true duration_ms=${r.int(80, 160)}`),
  ...every(r, start, '2023-06-02T22:00:00Z', 120, (d) => r.chance(0.995)
    ? `ts=${fmt.iso(d)} level=warn msg="login failed" reason=invalid_password user=${r.hex(7)}@${r.pick(['gmail.example', 'yahoo.example', 'example.org'])} client_ip=${botIp()} duration_ms=${r.int(300, 1400)}`
    : `ts=${fmt.iso(d)} level=warn msg="login succeeded after failures" user=${r.hex(7)}@example.org failures=${r.int(2, 9)} client_ip=${botIp()} new_device=true`),
]
writeEvents(out(dir, 'logs/auth-service.log'), auth)
