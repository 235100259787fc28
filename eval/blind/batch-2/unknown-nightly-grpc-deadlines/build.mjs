import {rng, writeJson, writeJsonl, fmt, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, goService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240918)
const pods = ['catalog-7c5d9f8b6-4hx2q', 'catalog-7c5d9f8b6-9kp3m', 'catalog-7c5d9f8b6-tz8wl']
const streams = new Map()
const push = (pod, d, obj) => {
  const key = pod
  if (!streams.has(key)) streams.set(key, {stream: {namespace: 'shop', app: 'catalog', pod, container: 'catalog', stream: 'stderr'}, values: []})
  streams.get(key).values.push([fmt.epochNs(d), JSON.stringify({level: obj.level, ts: Number((d.getTime() / 1000).toFixed(6)) + r.int(0, 999) / 1e6, caller: obj.caller, msg: obj.msg, ...obj.fields})])
}
const nightly = (d) => d.getUTCHours() === 2 && d.getUTCMinutes() < 20
for (let t = Date.parse('2024-09-15T12:00:00Z'); t < Date.parse('2024-09-18T03:00:00Z'); t += Math.round(15000 * (0.5 + r()))) {
  const d = new Date(t)
  const pod = r.pick(pods)
  const sku = `SKU-${r.int(10000, 99999)}`
  if (nightly(d) && r.chance(0.6)) {
    for (let k = 0; k < r.int(1, 3); k++) push(pod, new Date(t + k * 40), {level: 'error', caller: 'pricing/client.go:88', msg: 'get price failed', fields: {sku, error: 'rpc error: code = DeadlineExceeded desc = context deadline exceeded', deadline: '800ms', attempt: k + 1}})
    continue
  }
  push(pod, d, r.chance(0.97)
    ? {level: 'info', caller: 'api/handler.go:54', msg: 'request served', fields: {method: 'GET', path: `/v1/products/${sku}`, status: 200, duration: `${r.int(4, 90)}ms`}}
    : {level: 'warn', caller: 'pricing/client.go:71', msg: 'slow pricing call', fields: {sku, duration: `${r.int(300, 700)}ms`}})
}
const bootAt = Date.parse('2024-09-18T01:21:10Z')
pods.forEach((pod, i) => push(pod, new Date(bootAt + i * 35000), {level: 'info', caller: 'cmd/server/main.go:31', msg: 'starting catalog', fields: {version: '2024.09.18-1', grpc: 'v1.66.2', go: 'go1.23.1'}}))
const result = [...streams.values()].map((s) => ({...s, values: s.values.sort((a, b) => (a[0] < b[0] ? 1 : -1))}))
writeJson(out(dir, 'logs/loki-catalog.json'), {status: 'success', data: {resultType: 'streams', result, stats: {summary: {bytesProcessedPerSecond: 2211044, linesProcessedPerSecond: 10884, totalBytesProcessed: 3310492, totalLinesProcessed: result.reduce((n, s) => n + s.values.length, 0), execTime: 0.81}}}})
const base = goService('example.com/catalog')
const gomod = (v) => base['go.mod'].replace(')\n', `\tgoogle.golang.org/grpc ${v}\n)\n`)
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'catalog: price lookups over gRPC', author: people.chen, at: '2024-05-02T10:00:00Z', files: {...base, 'go.mod': gomod('v1.63.2'), 'internal/pricing/client.go': 'package pricing\n\nimport "time"\n\n// Each lookup gets 800ms; the catalog page falls back to the cached price.\nconst deadline = 800 * time.Millisecond\n'}},
  {subject: 'deps: bump google.golang.org/grpc from 1.63.2 to 1.66.0', author: people.bot, at: '2024-08-20T09:00:00Z', files: {'go.mod': gomod('v1.66.0')}},
  {subject: 'catalog: show the stock badge on product cards', author: people.fay, at: '2024-09-17T14:00:00Z', files: {'internal/api/badge.go': 'package api\n\nconst lowStock = 5\n'}},
  {subject: 'deps: bump google.golang.org/grpc from 1.66.0 to 1.66.2', author: people.bot, at: '2024-09-18T00:50:00Z', body: 'Bumps google.golang.org/grpc from 1.66.0 to 1.66.2.', files: {'go.mod': gomod('v1.66.2')}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-09-17T14:30:00Z', service: 'catalog', version: '2024.09.17-2', sha: shaOf(repo, 'catalog: show the stock badge on product cards'), kind: 'deploy', description: 'catalog 2024.09.17-2'},
  {time: '2024-09-18T01:20:00Z', service: 'catalog', version: '2024.09.18-1', sha: shaOf(repo, 'deps: bump google.golang.org/grpc from 1.66.0 to 1.66.2'), kind: 'deploy', description: 'catalog 2024.09.18-1'},
])
