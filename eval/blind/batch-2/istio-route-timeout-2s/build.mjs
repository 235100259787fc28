import {rng, every, writeEvents, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, pythonService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20230912)
const applied = '2023-09-12T09:20:30Z'
const capped = (d) => minutesSince(d, applied) >= 0
const endpoints = [
  {path: () => `/api/reports/monthly?month=2023-0${r.int(1, 8)}`, ms: () => r.int(3000, 9000)},
  {path: () => `/api/reports/quarterly-summary?q=2023Q${r.int(1, 2)}`, ms: () => r.int(2500, 7000), from: '2023-09-12T08:50:00Z'},
  {path: () => `/api/reports/${r.int(1000, 9999)}`, ms: () => r.int(20, 300)},
  {path: () => '/api/reports?page=1', ms: () => r.int(40, 400)},
]
const gw = []
const app = []
every(r, '2023-09-12T08:30:00Z', '2023-09-12T10:30:00Z', 700, (d) => {
  const live = endpoints.filter((e) => !e.from || minutesSince(d, e.from) >= 0)
  const e = r.pick(live)
  const path = e.path()
  const ms = e.ms()
  const rid = `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`
  const cut = capped(d) && ms > 2000
  const client = `10.11.${r.int(1, 40)}.${r.int(2, 250)}:${r.int(30000, 60000)}`
  gw.push({t: d.getTime(), text: cut
    ? `[${fmt.iso(d)}] "GET ${path} HTTP/1.1" 504 UT response_timeout - "-" 0 24 ${2000 + r.int(0, 3)} - "10.0.0.${r.int(2, 250)}" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Safari/537.36" "${rid}" "reports.example.com" "10.11.7.42:8000" outbound|8000||reports-api.finance.svc.cluster.local ${client} 10.11.0.9:8443 10.0.0.${r.int(2, 250)}:${r.int(30000, 60000)} reports.example.com -`
    : `[${fmt.iso(d)}] "GET ${path} HTTP/1.1" 200 - via_upstream - "-" 0 ${r.int(2000, 900000)} ${ms + 2} ${ms} "10.0.0.${r.int(2, 250)}" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Safari/537.36" "${rid}" "reports.example.com" "10.11.7.42:8000" outbound|8000||reports-api.finance.svc.cluster.local ${client} 10.11.0.9:8443 10.0.0.${r.int(2, 250)}:${r.int(30000, 60000)} reports.example.com -`})
  const done = new Date(d.getTime() + ms)
  app.push({t: done.getTime(), text: `${fmt.python(done)} INFO reports.views: GET ${path} 200 in ${ms}ms request_id=${rid}`})
  if (cut && r.chance(0.3)) app.push({t: done.getTime() + 2, text: `${fmt.python(new Date(done.getTime() + 2))} WARNING django.request: client disconnected before the response was sent: GET ${path} request_id=${rid}`})
  return null
})
writeEvents(out(dir, 'logs/istio-ingressgateway.log'), gw)
writeEvents(out(dir, 'logs/reports-api.log'), app)
const vs = (timeout) => `apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata:\n  name: reports-api\n  namespace: finance\nspec:\n  hosts: [reports.example.com]\n  gateways: [istio-system/public]\n  http:\n    - route:\n        - destination:\n            host: reports-api.finance.svc.cluster.local\n            port: {number: 8000}\n${timeout ? `      timeout: ${timeout}\n` : ''}`
const base = pythonService('reports')
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'reports-api: Django service and its mesh routes', author: people.chen, at: '2023-04-03T10:00:00Z', files: {...Object.fromEntries(Object.entries(base).map(([k, v]) => [`services/reports-api/${k}`, v])), 'mesh/finance/reports-api-virtualservice.yaml': vs(null), 'README.md': '# finance platform\n'}},
  {subject: 'reports: add the quarterly summary endpoint', author: people.fay, at: '2023-09-12T08:40:00Z', files: {'services/reports-api/reports/quarterly.py': 'def quarterly_summary(request):\n    # aggregates three monthly reports; 3-7 s on large tenants\n    ...\n'}},
  {subject: 'docs: report export formats', author: people.ben, at: '2023-09-12T08:55:00Z', files: {'docs/exports.md': '# Exports\n\nCSV and XLSX.\n'}},
  {subject: 'istio: 2s timeout on reports-api routes', author: people.dana, at: '2023-09-12T09:10:00Z', body: 'Slow requests tie up gateway connections; cap them.', files: {'mesh/finance/reports-api-virtualservice.yaml': vs('2s')}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2023-09-12T08:50:00Z', service: 'reports-api', version: '2023.09.12-1', sha: shaOf(repo, 'reports: add the quarterly summary endpoint'), kind: 'deploy', description: 'reports-api 2023.09.12-1'},
  {time: applied, service: 'mesh-finance', version: '', sha: shaOf(repo, 'istio: 2s timeout on reports-api routes'), kind: 'config', description: 'Argo CD sync mesh-finance: VirtualService reports-api'},
])
