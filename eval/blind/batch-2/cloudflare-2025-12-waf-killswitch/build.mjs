import {rng, every, writeEvents, writeJsonl, accessLine, fmt, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20251205)
const kill = new Date('2025-12-05T08:47:20Z').getTime()
const revert = new Date('2025-12-05T09:11:40Z').getTime()
const broken = (d) => d.getTime() >= kill + 25000 && d.getTime() < revert + 30000
const hosts = ['shop.example.com', 'api.example.net', 'www.example.org', 'app.example.io', 'status.example.dev']
const paths = ['/', '/api/checkout', '/api/v2/search?q=lamp', '/login', '/_next/data/build-81/index.json', '/assets/app.css']
const errs = every(r, '2025-12-05T08:00:00Z', '2025-12-05T09:40:00Z', 1500, (d, i) => {
  const pid = r.pick([31337, 31338, 31339, 31340])
  const conn = 918273000 + i
  const client = `${r.pick(['198.51.100', '203.0.113', '192.0.2'])}.${r.int(1, 254)}`
  const req = `"${r.pick(['GET', 'POST'])} ${r.pick(paths)} HTTP/2.0"`
  if (broken(d) && r.chance(0.8)) return [
    `${fmt.go(d)} [error] ${pid}#${pid}: *${conn} lua entry thread aborted: runtime error: /usr/local/fl1/lua/waf/rulesets.lua:1418: attempt to index field 'execute' (a nil value)`,
    'stack traceback:',
    'coroutine 0:',
    "\t/usr/local/fl1/lua/waf/rulesets.lua: in function 'evaluate_results'",
    "\t/usr/local/fl1/lua/waf/phase.lua:212: in function 'run'",
    `\taccess_by_lua(fl1.conf:871):3: in main chunk, client: ${client}, server: _, request: ${req}, host: "${r.pick(hosts)}"`,
  ]
  if (r.chance(0.08)) return `${fmt.go(d)} [warn] ${pid}#${pid}: *${conn} an upstream response is buffered to a temporary file /var/cache/fl1/proxy_temp/${r.int(1, 9)}/${r.int(10, 99)}/${r.int(1e6, 9e6)} while reading upstream, client: ${client}, server: _, request: ${req}, host: "${r.pick(hosts)}"`
  if (r.chance(0.05)) return `${fmt.go(d)} [info] ${pid}#${pid}: *${conn} client closed connection while waiting for request, client: ${client}, server: 0.0.0.0:443`
  return null
})
writeEvents(out(dir, 'logs/fl1-error.log'), errs)
const acc = every(r, '2025-12-05T08:00:00Z', '2025-12-05T09:40:00Z', 120, (d) => {
  const bad = broken(d) && r.chance(0.28)
  return accessLine(r, d, {method: r.chance(0.75) ? 'GET' : 'POST', path: r.pick(paths), status: bad ? 500 : r.pick([200, 200, 200, 200, 304, 301, 404]), rt: bad ? 0.001 : r() * 0.25})
})
writeEvents(out(dir, 'logs/fl1-access.log'), acc)
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2025-12-04T15:10:00Z', service: 'fl2-proxy', version: '2025.12.04-2', sha: '', kind: 'deploy', description: 'fl2-proxy 2025.12.04-2: header normalisation fixes'},
  {time: '2025-12-05T08:05:00Z', service: 'waf', version: '', sha: '', kind: 'config', description: 'WAF: raise request body inspection buffer from 128KB to 1MB for the React Server Components rule (gradual deployment)'},
  {time: '2025-12-05T08:47:20Z', service: 'waf', version: '', sha: '', kind: 'config', description: 'WAF: killswitch the internal rule-testing ruleset (global configuration, all colos)'},
  {time: '2025-12-05T09:11:40Z', service: 'waf', version: '', sha: '', kind: 'config', description: 'WAF: revert the rule-testing killswitch'},
])
