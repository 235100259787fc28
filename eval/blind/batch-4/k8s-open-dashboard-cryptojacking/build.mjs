import {rng, every, writeEvents, writeJson, writeJsonl, writeCsvMetrics, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
import {pod, list} from '../../lib/k8s.mjs'
const dir = process.argv[2]
const r = rng(20180202)
const created = new Date('2018-02-02T03:12:40Z').getTime()
const mining = (d) => d.getTime() >= created + 60000
const uuid = () => `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`
// kube-apiserver audit log (audit.k8s.io/v1, JSON lines, level Metadata).
const audit = (t, verb, uri, user, resource, ns, name, code, src = ['10.0.0.12'], ua = 'kubectl/v1.9.2 (linux/amd64) kubernetes/5fa2db2') => ({
  kind: 'Event', apiVersion: 'audit.k8s.io/v1', level: 'Metadata', auditID: uuid(), stage: 'ResponseComplete', requestURI: uri, verb,
  user: {username: user, groups: user.startsWith('system:serviceaccount') ? ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'] : ['system:masters', 'system:authenticated']},
  sourceIPs: src, userAgent: ua, objectRef: {resource, namespace: ns, ...(name ? {name} : {}), apiVersion: 'v1'},
  responseStatus: {metadata: {}, code}, requestReceivedTimestamp: new Date(t).toISOString().replace('Z', '000Z'), stageTimestamp: new Date(t + r.int(2, 40)).toISOString().replace('Z', '000Z'),
})
const rows = []
for (const e of every(r, '2018-02-02T01:00:00Z', '2018-02-02T05:00:00Z', 20000, (d) => d)) rows.push({t: e.t, o: audit(e.t, r.pick(['get', 'list', 'watch']), `/api/v1/namespaces/telemetry/${r.pick(['pods', 'endpoints', 'configmaps'])}`, r.pick(['system:serviceaccount:kube-system:replicaset-controller', 'system:kube-scheduler', 'system:node:ip-10-0-3-41']), r.pick(['pods', 'endpoints', 'configmaps']), 'telemetry', null, 200)})
const dash = 'system:serviceaccount:kube-system:kubernetes-dashboard'
const attacker = ['203.0.113.77']
const dashUa = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/63.0.3239.132 Safari/537.36'
const seq = [
  [created - 240000, 'list', '/api/v1/namespaces', 'namespaces', '', null, 200],
  [created - 200000, 'list', '/api/v1/namespaces/kube-system/secrets', 'secrets', 'kube-system', null, 200],
  [created - 150000, 'get', '/api/v1/namespaces/telemetry/secrets/aws-telemetry-credentials', 'secrets', 'telemetry', 'aws-telemetry-credentials', 200],
  [created - 20000, 'create', '/apis/extensions/v1beta1/namespaces/kube-system/deployments', 'deployments', 'kube-system', 'kube-metrics-agent', 201],
]
for (const [t, verb, uri, res, ns, name, code] of seq) rows.push({t, o: audit(t, verb, uri, dash, res, ns, name, code, attacker, dashUa)})
for (let i = 0; i < 6; i++) rows.push({t: created + i * 800, o: audit(created + i * 800, 'create', '/api/v1/namespaces/kube-system/pods', 'system:serviceaccount:kube-system:replicaset-controller', 'pods', 'kube-system', null, 201, ['10.0.0.12'], 'kube-controller-manager/v1.9.2 (linux/amd64) kubernetes/5fa2db2/system:serviceaccount:kube-system:replicaset-controller')})
rows.sort((a, b) => a.t - b.t)
writeJsonl(out(dir, 'logs/kube-apiserver-audit.log'), rows.map((x) => x.o))
// The telemetry ingest API on the same nodes: starved of CPU from 03:13.
const app = every(r, '2018-02-02T01:00:00Z', '2018-02-02T05:00:00Z', 300, (d) => {
  const slow = mining(d)
  const ms = slow ? r.int(800, 9000) : r.int(8, 60)
  if (slow && ms > 5000) return JSON.stringify({ts: d.toISOString(), lvl: 'error', svc: 'telemetry-ingest', msg: 'batch write timed out', err: 'context deadline exceeded', vehicle_batch: r.int(1e5, 9e5), elapsed_ms: ms})
  return JSON.stringify({ts: d.toISOString(), lvl: slow && ms > 2000 ? 'warn' : 'info', svc: 'telemetry-ingest', msg: slow && ms > 2000 ? 'slow batch' : 'batch stored', vehicle_batch: r.int(1e5, 9e5), elapsed_ms: ms})
})
writeEvents(out(dir, 'logs/telemetry-ingest.jsonl'), app)
writeCsvMetrics(out(dir, 'metrics/nodes.csv'), '2018-02-01T23:00:00Z', '2018-02-02T05:00:00Z', 60000, {
  node_cpu_utilisation_pct: (d) => mining(d) ? 97 + r() * 2.5 : 22 + r() * 8,
  node_network_transmit_bytes_per_s: (d) => 3.1e6 + r() * 4e5 + (mining(d) ? 2.2e4 : 0),
  telemetry_ingest_p99_ms: (d) => mining(d) ? 6500 + r.int(0, 2500) : 55 + r.int(0, 20),
  telemetry_ingest_requests_per_s: () => 410 + r.int(-30, 30),
})
const nodes = ['ip-10-0-3-41.ec2.internal', 'ip-10-0-3-42.ec2.internal', 'ip-10-0-3-43.ec2.internal']
const pods = []
for (let i = 0; i < 6; i++) pods.push(pod({name: `kube-metrics-agent-5d8c9f7b4-${r.hex(5)}`, namespace: 'kube-system', app: 'kube-metrics-agent', image: 'docker.io/sysmonitor-tools/metrics-agent:latest', node: nodes[i % 3], created: new Date(created + i * 800).toISOString().replace(/\.\d{3}Z$/, 'Z'), ownerHash: '5d8c9f7b4'}))
for (let i = 0; i < 6; i++) pods.push(pod({name: `telemetry-ingest-7f6b9c8d5-${r.hex(5)}`, namespace: 'telemetry', app: 'telemetry-ingest', image: '123456789012.dkr.ecr.us-west-2.amazonaws.com/telemetry-ingest:2.19.0', node: nodes[i % 3], created: '2018-02-01T16:20:11Z', ownerHash: '7f6b9c8d5', limits: {cpu: '1', memory: '1Gi'}, requests: {cpu: '500m', memory: '512Mi'}}))
pods.push(pod({name: 'kubernetes-dashboard-6f7d8c9b5-q2x8z', namespace: 'kube-system', app: 'kubernetes-dashboard', image: 'k8s.gcr.io/kubernetes-dashboard-amd64:v1.8.0', node: nodes[0], created: '2017-10-30T11:02:00Z', ownerHash: '6f7d8c9b5'}))
// The miner's container args, as the pod spec shows them.
for (const p of pods.slice(0, 6)) p.spec.containers[0].args = ['--url', 'stratum+tcp://198.51.100.23:14444', '--cpu-priority', '0', '--max-cpu-usage', '95', '--donate-level', '0']
writeJson(out(dir, 'k8s/pods.json'), list(pods))
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'cluster: base addons for the telemetry cluster', author: people.dana, at: '2017-09-12T10:00:00Z', files: {'addons/kube-dns.yaml': 'kind: Deployment\n', 'README.md': '# telemetry-cluster\n'}},
  {subject: 'addons: install kubernetes-dashboard v1.8.0 (cluster-admin, LoadBalancer)', author: people.eli, at: '2017-10-30T10:40:00Z', files: {'addons/dashboard.yaml': 'kind: ClusterRoleBinding\nroleRef: {kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: ServiceAccount, name: kubernetes-dashboard, namespace: kube-system}]\n---\nkind: Service\nspec: {type: LoadBalancer}\n'}},
  {subject: 'telemetry-ingest: batch writes to S3 every 5 s', author: people.ben, at: '2018-02-01T14:00:00Z', files: {'apps/telemetry-ingest/deployment.yaml': 'image: telemetry-ingest:2.19.0\n'}},
  {subject: 'docs: node rotation runbook', author: people.ana, at: '2018-02-01T18:30:00Z', files: {'docs/nodes.md': '# Node rotation\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2018-02-01T16:20:00Z', service: 'telemetry-ingest', version: '2.19.0', sha: shaOf(repo, 'telemetry-ingest: batch writes to S3 every 5 s'), kind: 'deploy', description: 'telemetry-ingest 2.19.0'},
])
