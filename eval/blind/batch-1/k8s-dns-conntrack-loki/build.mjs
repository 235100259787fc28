import {rng, every, writeEvents, writeJson, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, goService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20180524)
const onset = '2018-05-24T10:05:00Z'
const streams = {}
const push = (labels, d, line) => {
  const k = JSON.stringify(labels)
  ;(streams[k] ??= {stream: labels, values: []}).values.push([fmt.epochNs(d), line])
}
every(r, '2018-05-24T09:30:00Z', '2018-05-24T10:40:00Z', 700, (d) => {
  const pod = `catalog-api-6c8d9f7b5-${r.pick(['x2k9p', 'q7w4m', 'lz8r2'])}`
  const labels = {namespace: 'shop', app: 'catalog-api', pod, container: 'catalog-api', stream: 'stderr'}
  const bad = minutesSince(d, onset) >= 0 && r.chance(0.22)
  const line = bad
    ? r.chance(0.7)
      ? `${fmt.iso(d)} level=error msg="pricing lookup failed" err="Get \\"http://pricing.shop.svc.cluster.local:8080/v1/prices\\": dial tcp: lookup pricing.shop.svc.cluster.local on 10.96.0.10:53: read udp 10.244.3.17:${r.int(30000, 60000)}->10.96.0.10:53: i/o timeout"`
      : `${fmt.iso(d)} level=warn msg="slow request" path=/v1/items duration=${(5 + r() * 0.2).toFixed(3)}s`
    : `${fmt.iso(d)} level=info msg="request" path=/v1/items status=200 duration=${(r() * 0.05).toFixed(3)}s`
  push(labels, d, line)
  return null
})
const result = Object.values(streams).map((s) => ({...s, values: s.values.sort((a, b) => (a[0] < b[0] ? 1 : -1))}))
writeJson(out(dir, 'logs/loki-export.json'), {status: 'success', data: {resultType: 'streams', result, stats: {summary: {bytesProcessedPerSecond: 1843201, linesProcessedPerSecond: 9211, totalBytesProcessed: 402113, totalLinesProcessed: 6012, execTime: 0.0437}}}})
const klog = every(r, '2018-05-24T09:30:00Z', '2018-05-24T10:40:00Z', 15000, (d) => {
  if (minutesSince(d, onset) < 0) return `I${fmt.klog(d)}       1 proxier.go:${r.int(600, 700)}] syncProxyRules took ${r.int(40, 120)}.${r.int(100, 999)}ms`
  return r.chance(0.6)
    ? `W${fmt.klog(d)}       1 conntrack.go:${r.int(40, 60)}] nf_conntrack: insert_failed=${r.int(1200, 9000)} drop=${r.int(0, 40)} on node ip-10-0-3-17 (cpu=${r.int(0, 3)}) for UDP 10.244.3.17 -> 10.96.0.10:53`
    : `E${fmt.klog(d)}       1 dns_probe.go:88] DNS probe to 10.96.0.10:53 failed: read udp 10.244.3.1:${r.int(30000, 60000)}->10.96.0.10:53: i/o timeout`
})
writeEvents(out(dir, 'logs/node-klog.log'), klog)
buildRepo(out(dir, 'repo'), [
  {subject: 'catalog-api: initial service', author: people.ana, at: '2018-04-01T10:00:00Z', files: {...goService('example.com/catalog-api'), 'internal/pricing/client.go': 'package pricing\n\nimport (\n\t"net/http"\n\t"time"\n)\n\nvar client = &http.Client{Timeout: 10 * time.Second}\n\nconst base = "http://pricing.shop.svc.cluster.local:8080"\n'}},
  {subject: 'README: document local kind cluster', author: people.ben, at: '2018-05-24T08:10:00Z', files: {'README.md': '# catalog-api\n\nRun `kind create cluster` then `make dev`.\n'}},
  {subject: 'search-indexer: bump batch size to 500', author: people.dana, at: '2018-05-24T09:40:00Z', files: {'deploy/search-indexer/values.yaml': 'batchSize: 500\nreplicas: 2\n'}},
  {subject: 'Add dnsConfig single-request-reopen to catalog-api pods', author: people.chen, at: '2018-05-24T11:20:00Z', files: {'deploy/catalog-api/deployment.yaml': 'spec:\n  template:\n    spec:\n      dnsConfig:\n        options:\n          - name: single-request-reopen\n'}},
])
