import {rng, every, writeEvents, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20210608)
const trigger = '2021-06-08T09:46:55Z'
const disabled = '2021-06-08T10:36:00Z'
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const http = (d) => `${DAYS[d.getUTCDay()]}, ${String(d.getUTCDate()).padStart(2, '0')} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 19)} GMT`
// Share of the fleet failing: 85% once the configuration reaches the POPs, recovering as it is disabled.
const failing = (d) => {
  const m = minutesSince(d, trigger)
  if (m < 0.1) return 0
  const rb = minutesSince(d, disabled)
  return rb < 0 ? 0.85 : Math.max(0, 0.85 - rb / 25)
}
const nodes = Array.from({length: 24}, (_, i) => `cache-${['lcy', 'fra', 'iad', 'sjc', 'nrt', 'syd'][i % 6]}${19000 + i * 37}`)
const sys = []
every(r, '2021-06-08T08:30:00Z', '2021-06-08T11:30:00Z', 2500, (d) => {
  const node = r.pick(nodes)
  if (r() < failing(d)) {
    const child = r.int(2000, 9000)
    sys.push({t: d.getTime(), text: [`${fmt.syslog(d)} ${node} varnishd[1187]: Child (${child}) died signal=6`,
      `${fmt.syslog(d)} ${node} varnishd[1187]: Child (${child}) Panic at: ${http(d)}`,
      `Assert error in vcl_cond_eval(), cache/cache_vcl_cond.c line 412:`,
      `  Condition((cond->hdr) != NULL) not true.`,
      `version = edge-2021.05.12-r4 (vcs 7d2e1f0), vrp = 0`,
      `${fmt.syslog(d)} ${node} varnishd[1187]: Child cleanup complete`,
      `${fmt.syslog(d)} ${node} varnishd[1187]: Child (${child + 1}) Started`].join('\n')})
  } else if (r.chance(0.1)) {
    sys.push({t: d.getTime(), text: `${fmt.syslog(d)} ${node} varnishd[1187]: CLI telnet 127.0.0.1 ${r.int(30000, 60000)} 127.0.0.1 6082 Rd vcl.use svc_${r.hex(6)}_v${r.int(2, 400)}`})
  }
  return null
})
writeEvents(out(dir, 'logs/cache-syslog.log'), sys)
const acc = every(r, '2021-06-08T08:30:00Z', '2021-06-08T11:30:00Z', 120, (d) => {
  const host = r.pick(['www.gov.example', 'news.example.co.uk', 'shop.example.com', 'api.example.net', 'cdn.example.org'])
  const bad = r() < failing(d)
  return JSON.stringify({timestamp: fmt.iso(d), pop: r.pick(['LCY', 'FRA', 'IAD', 'SJC', 'NRT', 'SYD']), host, url: r.pick(['/', '/index.html', '/assets/app.js', '/api/v1/items']), status: bad ? 503 : r.pick([200, 200, 200, 304]), response_reason: bad ? 'Service Unavailable' : 'OK', cache: bad ? 'ERROR' : r.pick(['HIT', 'HIT', 'MISS']), ttfb_ms: bad ? r.int(1, 6) : r.int(2, 90)})
})
writeEvents(out(dir, 'logs/edge-requests.jsonl'), acc)
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'edge: release 2021.04.21', author: people.chen, at: '2021-04-21T09:00:00Z', files: {'cache/cache_vcl_cond.c': '/* request-condition evaluation (interpreted) */\n', 'VERSION': '2021.04.21\n', 'README.md': '# edge\n'}},
  {subject: 'vcl: evaluate request-header conditions in the compiled fast path', author: people.eli, at: '2021-05-05T14:00:00Z', body: 'Conditions on request headers are compiled into the fast path; a condition whose header is unset is assumed not to occur for valid configs.', files: {'cache/cache_vcl_cond.c': '/* request-condition evaluation (compiled fast path) */\nassert(cond->hdr != NULL);\n'}},
  {subject: 'tls: session ticket key rotation every 12h', author: people.dana, at: '2021-05-07T10:00:00Z', files: {'tls/tickets.c': '/* rotate every 12h */\n'}},
  {subject: 'edge: release 2021.05.12', author: people.chen, at: '2021-05-11T16:00:00Z', tag: 'edge-2021.05.12-r4', files: {'VERSION': '2021.05.12\n'}},
  {subject: 'docs: customer VCL condition reference', author: people.fay, at: '2021-06-07T15:00:00Z', files: {'docs/vcl-conditions.md': '# Conditions\n\nRequest, cache and response conditions.\n'}},
  {subject: 'log-shipper: batch syslog forwarding', author: people.ben, at: '2021-06-08T07:40:00Z', files: {'log-shipper/config.toml': 'batch = 500\n'}},
])
const rel = shaOf(repo, 'edge: release 2021.05.12')
const deploys = [
  {time: '2021-05-12T08:00:00Z', service: 'edge', version: 'edge-2021.05.12-r4', sha: rel, kind: 'deploy', description: 'edge 2021.05.12 fleet rollout'},
  {time: '2021-06-08T08:10:00Z', service: 'log-shipper', version: '3.4.1', sha: shaOf(repo, 'log-shipper: batch syslog forwarding'), kind: 'deploy', description: 'log-shipper 3.4.1'},
]
// Customers activate new service configurations all day long (one every minute or two).
every(r, '2021-06-08T08:30:00Z', '2021-06-08T11:00:00Z', 100000, (d) => {
  deploys.push({time: fmt.isoSec(d), service: `customer-svc-${r.hex(6)}`, version: `v${r.int(2, 400)}`, kind: 'config', description: `customer service configuration activated (version ${r.int(2, 400)})`})
  return null
})
deploys.push({time: '2021-06-08T09:46:52Z', service: 'customer-svc-4b17e0', version: 'v138', kind: 'config', description: 'customer service configuration activated (version 138): adds a request condition'})
deploys.push({time: '2021-06-08T10:27:30Z', service: 'customer-svc-4b17e0', version: 'v138', kind: 'config', description: 'operator: configuration of customer-svc-4b17e0 disabled fleet-wide'})
deploys.sort((a, b) => a.time.localeCompare(b.time))
writeJsonl(out(dir, 'deploys.jsonl'), deploys)
