import {rng, every, writeEvents, writeText, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {event, list, toYaml} from '../../lib/k8s.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240409)
const synced = '2024-04-09T10:12:40Z'
const denied = (d) => minutesSince(d, synced) >= 0
const pods = ['payments-api-66d7c9f5b8-7xq2p', 'payments-api-66d7c9f5b8-c4n9w', 'payments-api-66d7c9f5b8-tt5rk']
const lf = (d, level, msg, kv = '') => `time="${fmt.isoSec(d)}" level=${level} msg="${msg}"${kv ? ' ' + kv : ''}`
const app = every(r, '2024-04-09T08:30:00Z', '2024-04-09T11:30:00Z', 300, (d) => {
  const pod = r.pick(pods)
  if (denied(d)) {
    const v = r()
    if (v < 0.5) return lf(d, 'error', 'charge failed', `pod=${pod} route=/v1/charges status=503 err="pq: dial tcp 10.20.3.15:5432: i/o timeout" elapsed=5.00s`)
    if (v < 0.65) return lf(d, 'error', 'fraud check failed', `pod=${pod} err="Post \\"http://risk-scorer.risk.svc.cluster.local/score\\": dial tcp 10.96.44.12:80: i/o timeout"`)
    if (v < 0.75) return lf(d, 'warning', 'readiness: database unreachable', `pod=${pod} err="dial tcp 10.20.3.15:5432: i/o timeout"`)
    return lf(d, 'info', 'request', `pod=${pod} route=/healthz/live status=200 elapsed=0.4ms`)
  }
  return lf(d, 'info', 'request', `pod=${pod} route=${r.pick(['/v1/charges', '/v1/refunds', '/v1/charges/' + r.hex(10)])} status=${r.pick([200, 200, 200, 201, 409])} elapsed=${r.int(20, 180)}ms`)
})
writeEvents(out(dir, 'logs/payments-api.logfmt'), app)
const ns = 'payments'
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
const t0 = new Date(synced).getTime()
const ev = []
for (const [i, p] of pods.entries()) {
  ev.push(event({namespace: ns, name: p, reason: 'Unhealthy', type: 'Warning', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', first: iso(t0 + 15000 + i * 4000), last: iso(t0 + 3080000), count: 308, fieldPath: 'spec.containers{payments-api}', host: `ip-10-20-${i + 1}-17.eu-west-1.compute.internal`}))
}
ev.push(event({namespace: ns, kind: 'Service', name: 'payments-api', reason: 'FailedToUpdateEndpoint', type: 'Warning', message: 'Failed to update endpoint payments/payments-api: endpoints has no ready addresses', first: iso(t0 + 60000), component: 'endpoint-controller'}))
ev.push(event({namespace: ns, kind: 'Deployment', name: 'payments-api', reason: 'ScalingReplicaSet', message: 'Scaled up replica set payments-api-66d7c9f5b8 to 3', first: '2024-04-09T08:05:10Z', component: 'deployment-controller'}))
writeText(out(dir, 'k8s/events.yaml'), toYaml(list(ev)))
const np = (egress) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-egress\n  namespace: payments\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n${egress}`
const dns = '    - to:\n        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}\n      ports:\n        - {protocol: UDP, port: 53}\n        - {protocol: TCP, port: 53}\n'
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'payments: namespace, deployment and service', author: people.ben, at: '2023-09-01T10:00:00Z', files: {'clusters/prod/payments/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: payments-api, namespace: payments}\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: payments-api\n          image: registry.example.com/payments-api:1.41.0\n          readinessProbe: {httpGet: {path: /healthz/ready, port: 8080}}\n', 'clusters/prod/payments/kustomization.yaml': 'resources:\n  - deployment.yaml\n', 'README.md': '# platform gitops\n'}},
  {subject: 'payments-api 1.42.0: retry idempotent charges on 409', author: people.eli, at: '2024-04-09T07:50:00Z', files: {'clusters/prod/payments/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: payments-api, namespace: payments}\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: payments-api\n          image: registry.example.com/payments-api:1.42.0\n          readinessProbe: {httpGet: {path: /healthz/ready, port: 8080}}\n'}},
  {subject: 'netpol: default-deny egress for the payments namespace', author: people.dana, at: '2024-04-09T09:58:00Z', body: 'PCI finding 7.2: restrict egress from cardholder-data workloads. Allows DNS; app-specific egress follows in a separate PR.', files: {'clusters/prod/payments/networkpolicy-default-deny.yaml': np(dns), 'clusters/prod/payments/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - networkpolicy-default-deny.yaml\n'}},
  {subject: 'docs: PCI egress inventory for payments', author: people.dana, at: '2024-04-09T10:30:00Z', files: {'docs/pci-egress.md': '# payments egress\n\n- postgres 10.20.3.15:5432\n- risk-scorer.risk:80\n'}},
  {subject: 'netpol: allow payments egress to postgres and risk-scorer', author: people.dana, at: '2024-04-09T11:02:00Z', files: {'clusters/prod/payments/networkpolicy-default-deny.yaml': np(dns + '    - to:\n        - ipBlock: {cidr: 10.20.3.15/32}\n      ports: [{protocol: TCP, port: 5432}]\n    - to:\n        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: risk}}\n')}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-04-09T08:05:00Z', service: 'payments-api', version: '1.42.0', sha: shaOf(repo, 'payments-api 1.42.0: retry idempotent charges on 409'), kind: 'deploy', description: 'payments-api 1.42.0'},
  {time: synced, service: 'payments', version: '', sha: shaOf(repo, 'netpol: default-deny egress for the payments namespace'), kind: 'config', description: 'Argo CD sync payments-prod (NetworkPolicy default-deny-egress created)'},
  {time: '2024-04-09T11:04:30Z', service: 'payments', version: '', sha: shaOf(repo, 'netpol: allow payments egress to postgres and risk-scorer'), kind: 'config', description: 'Argo CD sync payments-prod (NetworkPolicy default-deny-egress configured)'},
])
