import {rng, every, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20200614)
const notAfter = '2020-06-14T09:12:44Z'
// Share of requests that need a new upstream connection (and so a handshake) since expiry.
const fresh = (d) => { const m = minutesSince(d, notAfter); return m < 0 ? 0 : Math.min(0.97, 0.12 + m * 0.05) }
const upstreams = [
  {host: 'cart.shop.svc.cluster.local:8080', ip: '10.4.3.21:8080', svc: '10.96.44.10:8080', path: () => `/api/cart/${r.int(1e4, 9e4)}`},
  {host: 'catalog.shop.svc.cluster.local:8080', ip: '10.4.2.9:8080', svc: '10.96.51.3:8080', path: () => `/api/products?page=${r.int(1, 40)}`},
  {host: 'checkout.shop.svc.cluster.local:8080', ip: '10.4.5.14:8080', svc: '10.96.12.77:8080', path: () => '/api/checkout'},
  {host: 'reviews.shop.svc.cluster.local:9080', ip: '10.4.1.30:9080', svc: '10.96.9.18:9080', path: () => `/reviews/${r.int(1, 3000)}`},
]
const tlsFail = 'TLS error: 268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED'
const envoy = every(r, '2020-06-14T08:30:00Z', '2020-06-14T10:30:00Z', 350, (d) => {
  const u = r.pick(upstreams)
  const method = u.path().startsWith('/api/checkout') ? 'POST' : 'GET'
  const fail = r() < fresh(d)
  const clusterName = `outbound|${u.host.split(':')[1]}||${u.host.split(':')[0]}`
  const rid = `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`
  const client = `10.4.1.7:${r.int(30000, 60000)}`
  return fail
    ? `[${fmt.iso(d)}] "${method} ${u.path()} HTTP/1.1" 503 UF,URX "-" "${tlsFail}" 0 159 ${r.int(1, 30)} - "-" "node-fetch/1.0" "${rid}" "${u.host}" "${u.ip}" ${clusterName} - ${u.svc} ${client} - default`
    : `[${fmt.iso(d)}] "${method} ${u.path()} HTTP/1.1" 200 - "-" "-" 0 ${r.int(200, 9000)} ${r.int(3, 80)} ${r.int(2, 70)} "-" "node-fetch/1.0" "${rid}" "${u.host}" "${u.ip}" ${clusterName} 10.4.1.7:${r.int(30000, 60000)} ${u.svc} ${client} - default`
})
writeEvents(out(dir, 'logs/envoy-frontend.log'), envoy)
const agent = every(r, '2020-06-14T08:30:00Z', '2020-06-14T10:30:00Z', 30000, (d) => {
  const m = minutesSince(d, notAfter)
  const pod = r.pick(['frontend-6c9f8b7d5-x2kqp', 'cart-7d8c9f6b4-m2p9z', 'catalog-5f6d7c8b9-qw7rt', 'checkout-8b7c6d5f4-zz81k'])
  if (m < 0) return `${d.toISOString().replace('Z', '')}${r.int(100, 999)}Z\tinfo\tsds\tresource:default pushed key/cert pair to proxy (pod ${pod})`
  return r.chance(0.6)
    ? `${d.toISOString().replace('Z', '')}${r.int(100, 999)}Z\twarn\tsds\tpeer certificate chain verification failed for pod ${pod}: x509: certificate has expired or is not yet valid: current time ${fmt.isoSec(d)} is after ${notAfter}`
    : `${d.toISOString().replace('Z', '')}${r.int(100, 999)}Z\terror\tcitadelclient\troot certificate istio-ca-root-cert (CN=cluster.local, O=cluster.local) is not valid: NotAfter ${notAfter}`
})
writeEvents(out(dir, 'logs/istio-agent.log'), agent)
const front = every(r, '2020-06-14T08:30:00Z', '2020-06-14T10:30:00Z', 1200, (d) => {
  if (r() < fresh(d)) return `${fmt.iso(d)} ERROR [frontend] GET ${r.pick(['/', '/product/88', '/cart'])} failed: FetchError: upstream ${r.pick(upstreams).host} answered 503: upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: ${tlsFail}`
  return `${fmt.iso(d)} INFO  [frontend] GET ${r.pick(['/', '/product/88', '/cart', '/search?q=mug'])} 200 ${r.int(30, 250)}ms`
})
writeEvents(out(dir, 'logs/frontend.log'), front)
buildRepo(out(dir, 'repo'), [
  {subject: 'istio: install 1.4 with the self-signed CA (defaults)', author: people.chen, at: '2019-06-13T09:10:00Z', files: {'istio/values.yaml': 'global:\n  mtls:\n    enabled: true\nsecurity:\n  selfSigned: true\n', 'README.md': '# platform\n\nCluster add-ons: istio, ingress, monitoring.\n'}},
  {subject: 'monitoring: scrape sidecar stats every 30s', author: people.ben, at: '2020-05-20T10:00:00Z', files: {'monitoring/podmonitor.yaml': 'interval: 30s\n'}},
  {subject: 'istio: sidecar CPU request 100m', author: people.dana, at: '2020-06-13T16:00:00Z', files: {'istio/values.yaml': 'global:\n  mtls:\n    enabled: true\n  proxy:\n    resources:\n      requests:\n        cpu: 100m\nsecurity:\n  selfSigned: true\n'}},
  {subject: 'docs: mesh onboarding checklist', author: people.ana, at: '2020-06-14T07:30:00Z', files: {'docs/mesh-onboarding.md': '# Onboarding a namespace\n\n1. label the namespace istio-injection=enabled\n2. roll the deployments\n'}},
  {subject: 'istio: plug in a 10-year root CA through the cacerts secret', author: people.chen, at: '2020-06-14T11:30:00Z', files: {'istio/cacerts/README.md': 'Root and intermediate are created offline; see the root transition procedure.\n'}},
])
