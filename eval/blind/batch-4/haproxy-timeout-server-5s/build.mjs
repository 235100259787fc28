import {rng, every, at, writeEvents, writeJsonl, fmt, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20230919)
const reload = new Date('2023-09-19T15:41:12Z').getTime()
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const p2 = (n) => String(n).padStart(2, '0')
const acceptDate = (d) => `${p2(d.getUTCDate())}/${MON[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`
// HAProxy `option httplog` via rsyslog: client, accept date, frontend, backend/server,
// TR/Tw/Tc/Tr/Ta, status, bytes, cookies, termination state, conns, queues, request.
const line = (d, {be, srv, timers, status, bytes, term, req}) =>
  `${fmt.syslog(d)} lb-1 haproxy[${d.getTime() < reload ? 2211 : 30877}]: ${r.pick(['198.51.100', '203.0.113', '192.0.2'])}.${r.int(1, 254)}:${r.int(30000, 65000)} [${acceptDate(d)}] https-in~ ${be}/${srv} ${timers} ${status} ${bytes} - - ${term} ${r.int(80, 400)}/${r.int(80, 400)}/${r.int(5, 60)}/${r.int(1, 20)}/0 0/0 "${req}"`
const lb = every(r, '2023-09-19T13:30:00Z', '2023-09-19T17:00:00Z', 150, (d) => {
  const srv = `app${r.int(1, 4)}`
  const v = r()
  if (v < 0.05) {
    // Report exports take 8–20 s at the application, as they always have.
    const took = r.int(8000, 20000)
    const req = `GET /api/reports/${r.pick(['sales', 'inventory', 'payouts'])}/export?format=csv&month=2023-0${r.int(6, 8)} HTTP/1.1`
    if (d.getTime() >= reload) return line(d, {be: 'reports', srv, timers: `0/0/1/-1/5001`, status: 504, bytes: 194, term: 'sH--', req})
    return line(d, {be: 'reports', srv, timers: `0/0/1/${took}/${took + r.int(2, 40)}`, status: 200, bytes: r.int(400000, 9000000), term: '----', req})
  }
  if (v < 0.12 && d.getTime() >= reload && r.chance(0.08)) {
    // The search backend's slow tail (p99.9 ~6 s) now crosses the limit too.
    return line(d, {be: 'api', srv, timers: `0/0/0/-1/5000`, status: 504, bytes: 194, term: 'sH--', req: `GET /api/search?q=${r.pick(['invoice', 'acme', 'refund', 'q3'])}&page=${r.int(1, 9)} HTTP/1.1`})
  }
  const rt = r.int(8, 300)
  return line(d, {be: 'api', srv, timers: `0/0/0/${rt}/${rt + 1}`, status: r.chance(0.97) ? 200 : 404, bytes: r.int(300, 20000), term: '----', req: `${r.pick(['GET /api/orders', 'GET /api/customers/' + r.int(1, 9e5), 'POST /api/orders', 'GET /api/search?q=acme&page=1'])} HTTP/1.1`})
})
const sys = [
  at(reload - 800, `${fmt.syslog(new Date(reload - 800))} lb-1 haproxy[2211]: [NOTICE]   (2211) : Reloading HAProxy`),
  at(reload, `${fmt.syslog(new Date(reload))} lb-1 haproxy[2211]: [NOTICE]   (2211) : New worker (30877) forked`),
  at(reload + 5, `${fmt.syslog(new Date(reload + 5))} lb-1 haproxy[2211]: [NOTICE]   (2211) : Loading success.`),
  at(reload + 400, `${fmt.syslog(new Date(reload + 400))} lb-1 haproxy[2211]: [WARNING]  (2211) : Former worker (2212) exited with code 0 (Exit)`),
]
writeEvents(out(dir, 'logs/haproxy.log'), lb, sys)

const cfg = ({server, ratelimit}) => `global\n    log /dev/log local0\n    maxconn 20000\n\ndefaults\n    mode http\n    log global\n    option httplog\n    timeout connect 5s\n    timeout client 30s\n    timeout server ${server}\n\nfrontend https-in\n    bind :443 ssl crt /etc/haproxy/certs/\n${ratelimit ? '    stick-table type ip size 200k expire 60s store http_req_rate(10s)\n    http-request track-sc0 src\n    http-request deny deny_status 429 if { sc_http_req_rate(0) gt 200 }\n' : ''}    use_backend reports if { path_beg /api/reports }\n    default_backend api\n\nbackend api\n    balance leastconn\n    server app1 10.0.2.11:8080 check\n    server app2 10.0.2.12:8080 check\n    server app3 10.0.2.13:8080 check\n    server app4 10.0.2.14:8080 check\n\nbackend reports\n    server app1 10.0.2.11:8080 check\n    server app2 10.0.2.12:8080 check\n    server app3 10.0.2.13:8080 check\n    server app4 10.0.2.14:8080 check\n`
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'edge: haproxy config under version control', author: people.dana, at: '2023-06-01T09:00:00Z', files: {'haproxy/haproxy.cfg': cfg({server: '60s'}), 'README.md': '# edge\n\nHAProxy in front of the app servers; `make reload` validates and reloads.\n', 'Makefile': 'reload:\n\thaproxy -c -f haproxy/haproxy.cfg && systemctl reload haproxy\n'}},
  {subject: 'haproxy: per-IP request rate limit on https-in', author: people.dana, at: '2023-08-29T11:00:00Z', files: {'haproxy/haproxy.cfg': cfg({server: '60s', ratelimit: true})}},
  {subject: 'reports: add VAT columns to the CSV export', author: people.ben, at: '2023-09-17T14:20:00Z', files: {'app/reports/export.py': 'COLUMNS = ["date", "order", "net", "vat_rate", "vat", "gross"]\n'}},
  {subject: 'haproxy: lower timeout server to 5s so stuck backends free slots faster', body: 'During last week\'s app2 hang connections piled up for 60 s each. Nothing on the api backend takes more than 2 s at p99.', author: people.eli, at: '2023-09-19T15:30:00Z', files: {'haproxy/haproxy.cfg': cfg({server: '5s', ratelimit: true})}},
  {subject: 'docs: on-call notes for the edge', author: people.ana, at: '2023-09-19T16:05:00Z', files: {'docs/oncall.md': '# Edge on-call\n\n- `echo "show stat" | socat stdio /run/haproxy/admin.sock`\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2023-09-18T10:00:00Z', service: 'app', version: 'app-2023.09.18', sha: shaOf(repo, 'reports: add VAT columns to the CSV export'), kind: 'deploy', description: 'app servers 2023.09.18'},
  {time: '2023-09-19T15:41:12Z', service: 'edge', sha: shaOf(repo, 'haproxy: lower timeout server to 5s so stuck backends free slots faster'), kind: 'config', description: 'haproxy reload on lb-1'},
])
