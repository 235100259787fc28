import {rng, every, writeEvents, writeJson, writeJsonl, accessLine, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, goService} from '../../lib/skeleton.mjs'
import {pod, list} from '../../lib/k8s.mjs'
const dir = process.argv[2]
const r = rng(20241105)
const release = '2024-11-05T11:00:00Z'
const crashes = ['2024-11-05T11:21:14Z', '2024-11-05T11:38:52Z', '2024-11-05T11:49:03Z', '2024-11-05T12:02:37Z', '2024-11-05T12:17:45Z', '2024-11-05T12:31:09Z'].map((s) => Date.parse(s))
const stamp = (t) => new Date(t).toISOString().replace(/\.(\d{3})Z$/, (_, ms) => `.${ms}${String(r.int(0, 999999)).padStart(6, '0')}Z`)
const ev = []
const line = (t, text) => ev.push({t, text: `${stamp(t)} ${text}`})
// One pod's output across its restarts (kubectl logs --timestamps --previous, concatenated).
every(r, '2024-11-05T10:30:00Z', '2024-11-05T12:45:00Z', 1500, (d) => {
  const t = d.getTime()
  const cur = r.pick(['EUR', 'USD', 'GBP', 'SEK', 'JPY'])
  line(t, `time=${d.toISOString()} level=INFO msg="quote served" cart=c_${r.hex(8)} currency=${cur} items=${r.int(1, 9)} duration=${r.int(3, 40)}ms`)
  return null
})
for (const c of crashes) {
  const g = r.int(900, 9000)
  const dump = [
    'fatal error: concurrent map read and map write',
    '',
    `goroutine ${g} [running]:`,
    `example.com/checkout/internal/pricing.(*FX).Rate(0xc000112000, {0xc00041a0f0, 0x3})`,
    '\t/src/internal/pricing/fx.go:41 +0x6c',
    `example.com/checkout/internal/api.(*Handler).Quote(0xc0000a4180, {0x9a1c40, 0xc0004f2000}, 0xc000590300)`,
    '\t/src/internal/api/quote.go:58 +0x1f4',
    'net/http.HandlerFunc.ServeHTTP(0xc000512000?, {0x9a1c40?, 0xc0004f2000?}, 0x0?)',
    '\t/usr/local/go/src/net/http/server.go:2171 +0x29',
    'github.com/go-chi/chi/v5.(*Mux).routeHTTP(0xc0000b6060, {0x9a1c40, 0xc0004f2000}, 0xc000590300)',
    '\t/go/pkg/mod/github.com/go-chi/chi/v5@v5.0.10/mux.go:444 +0x216',
    '',
    `goroutine 1 [IO wait]:`,
    'internal/poll.runtime_pollWait(0x7f3a8c0d1e28, 0x72)',
    '\t/usr/local/go/src/runtime/netpoll.go:345 +0x85',
    '',
    `goroutine ${g + 3} [runnable]:`,
    `example.com/checkout/internal/pricing.(*FX).Rate(0xc000112000, {0xc0003f81a8, 0x3})`,
    '\t/src/internal/pricing/fx.go:45 +0xd1',
  ]
  dump.forEach((l, i) => line(c + i, l))
  line(c + 4200, `time=${new Date(c + 4200).toISOString()} level=INFO msg="starting checkout" version=v3.14.0 go=go1.23.2 addr=:8080`)
}
line(Date.parse(release) + 25000, `time=${new Date(Date.parse(release) + 25000).toISOString()} level=INFO msg="starting checkout" version=v3.14.0 go=go1.23.2 addr=:8080`)
writeEvents(out(dir, 'logs/checkout-timestamps.log'), ev)
const crashedRecently = (d) => crashes.some((c) => d.getTime() >= c && d.getTime() < c + 5000)
const acc = every(r, '2024-11-05T10:30:00Z', '2024-11-05T12:45:00Z', 200, (d) => {
  const bad = minutesSince(d, release) > 0 && (crashedRecently(d) ? r.chance(0.35) : r.chance(0.002))
  return accessLine(r, d, {method: 'POST', path: r.pick(['/api/quote', '/api/checkout', '/api/cart/items']), status: bad ? 502 : 200, rt: bad ? r() * 0.01 : r() * 0.08})
})
writeEvents(out(dir, 'logs/ingress-access.log'), acc)
const pods = ['checkout-5c8f9d7b6-2hqz8', 'checkout-5c8f9d7b6-7kxm4', 'checkout-5c8f9d7b6-tp9v1'].map((name, i) => pod({
  name, namespace: 'shop', app: 'checkout', image: 'registry.example.com/shop/checkout:v3.14.0', node: `ip-10-3-${8 + i}-${20 + i}.ec2.internal`, created: '2024-11-05T11:00:2' + i + 'Z',
  restarts: [2, 3, 1][i], ready: true, state: {running: {startedAt: new Date(crashes[5 - i] + 4000).toISOString().replace('.000Z', 'Z')}},
  lastState: {terminated: {exitCode: 2, reason: 'Error', startedAt: new Date(crashes[4 - i]).toISOString().replace(/\.\d{3}Z/, 'Z'), finishedAt: new Date(crashes[5 - i]).toISOString().replace(/\.\d{3}Z/, 'Z')}},
  limits: {memory: '512Mi'}, requests: {cpu: '250m', memory: '256Mi'},
}))
writeJson(out(dir, 'k8s/pods.json'), list(pods))
const base = goService('example.com/checkout')
const fx = (body) => `package pricing\n\nimport "sync"\n\nvar _ sync.Mutex\n\ntype FX struct{ src RateSource }\n\n${body}\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'checkout: quotes in the customer currency', author: people.ana, at: '2024-06-10T10:00:00Z', files: {...base, 'internal/pricing/fx.go': fx('func (f *FX) Rate(cur string) float64 {\n\treturn f.src.Fetch(cur)\n}'), 'internal/api/quote.go': 'package api\n\n// Quote prices a cart in the customer currency.\n', 'CHANGELOG.md': '# Changelog\n'}},
  {subject: 'Release v3.13.2', author: people.ben, at: '2024-10-29T09:00:00Z', tag: 'v3.13.2', files: {'CHANGELOG.md': '# Changelog\n\n## v3.13.2\n- fix rounding of JPY totals\n'}},
  {subject: 'ci: cache Go modules in the build workflow', author: people.chen, at: '2024-10-31T14:00:00Z', files: {'.github/workflows/build.yml': 'name: build\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with: {go-version: "1.23", cache: true}\n'}},
  {subject: 'pricing: memoize FX rates in a package-level map', author: people.dana, at: '2024-11-01T16:20:00Z', body: 'The rate source answers in ~40 ms; quotes call Rate several times per cart.', files: {'internal/pricing/fx.go': fx('var rates = map[string]float64{}\n\nfunc (f *FX) Rate(cur string) float64 {\n\tif r, ok := rates[cur]; ok {\n\t\treturn r\n\t}\n\tr := f.src.Fetch(cur)\n\trates[cur] = r\n\treturn r\n}')}},
  {subject: 'docs: pricing package overview', author: people.fay, at: '2024-11-04T10:00:00Z', files: {'internal/pricing/README.md': '# pricing\n\nRates come from the treasury service and are cached per process.\n'}},
  {subject: 'Release v3.14.0', author: people.ben, at: '2024-11-05T09:30:00Z', tag: 'v3.14.0', files: {'CHANGELOG.md': '# Changelog\n\n## v3.14.0\n- faster quotes (FX rates cached per process)\n- CI module cache\n\n## v3.13.2\n- fix rounding of JPY totals\n'}},
  {subject: 'pricing: guard the FX cache with a RWMutex', author: people.dana, at: '2024-11-05T13:30:00Z', files: {'internal/pricing/fx.go': fx('var (\n\tmu    sync.RWMutex\n\trates = map[string]float64{}\n)\n\nfunc (f *FX) Rate(cur string) float64 {\n\tmu.RLock()\n\tr, ok := rates[cur]\n\tmu.RUnlock()\n\tif ok {\n\t\treturn r\n\t}\n\tr = f.src.Fetch(cur)\n\tmu.Lock()\n\trates[cur] = r\n\tmu.Unlock()\n\treturn r\n}')}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-10-29T10:00:00Z', service: 'checkout', version: 'v3.13.2', sha: '', kind: 'deploy', description: 'checkout v3.13.2'},
  {time: release, service: 'checkout', version: 'v3.14.0', sha: '', kind: 'deploy', description: 'checkout v3.14.0'},
])
