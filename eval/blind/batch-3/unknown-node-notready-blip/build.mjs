import {rng, every, writeEvents, writeJson, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {event, list} from '../../lib/k8s.mjs'
import {people, nodeService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20250114)
const lost = '2025-01-14T16:21:40Z'
const back = '2025-01-14T16:25:50Z'
const gone = (d) => minutesSince(d, lost) >= 0 && minutesSince(d, back) < 0
const node = 'ip-10-0-7-21.ec2.internal'
const upstreams = [
  {addr: '10.0.7.44:3000', onNode: true}, {addr: '10.0.7.61:3000', onNode: true},
  {addr: '10.0.3.18:3000', onNode: false}, {addr: '10.0.5.92:3000', onNode: false}, {addr: '10.0.4.23:3000', onNode: false},
]
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const acc = every(r, '2025-01-14T15:30:00Z', '2025-01-14T17:00:00Z', 200, (d) => {
  const u = r.pick(upstreams)
  const path = r.pick(['/api/profile/' + r.int(1, 99999), '/api/feed?cursor=' + r.hex(8), '/api/notifications'])
  const dead = gone(d) && u.onNode && minutesSince(d, '2025-01-14T16:24:10Z') < 0
  const status = dead ? r.pick([502, 504, 504]) : 200
  const ut = dead ? (status === 504 ? '5.001' : '0.000') : (r.int(5, 120) / 1000).toFixed(3)
  const tl = `${String(d.getUTCDate()).padStart(2, '0')}/${MON[d.getUTCMonth()]}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`
  return `203.0.113.${r.int(1, 254)} - - [${tl}] "GET ${path} HTTP/2.0" ${status} ${dead ? 150 : r.int(300, 5000)} "-" "okhttp/4.12.0" ${r.int(60, 400)} ${ut} [social-profile-api-3000] [] ${u.addr} ${dead ? 0 : r.int(300, 5000)} ${ut} ${dead ? status : 200} ${r.hex(32)}`
})
writeEvents(out(dir, 'logs/ingress-nginx-access.log'), acc)
const iso = (s) => new Date(s).toISOString().replace(/\.\d{3}Z$/, 'Z')
const ev = [
  event({namespace: 'default', kind: 'Node', name: node, reason: 'NodeNotReady', message: `Node ${node} status is now: NodeNotReady`, first: iso(lost), component: 'node-controller'}),
  event({namespace: 'social', name: 'social-profile-api-5c7f8d6d9b-h2lqk', reason: 'NodeNotReady', type: 'Warning', message: 'Node is not ready', first: iso(new Date(lost).getTime() + 5000), component: 'node-controller'}),
  event({namespace: 'social', name: 'social-profile-api-5c7f8d6d9b-p9s4v', reason: 'NodeNotReady', type: 'Warning', message: 'Node is not ready', first: iso(new Date(lost).getTime() + 5000), component: 'node-controller'}),
  event({namespace: 'default', kind: 'Node', name: node, reason: 'NodeReady', message: `Node ${node} status is now: NodeReady`, first: iso(back), component: 'kubelet', host: node}),
  event({namespace: 'social', name: 'social-profile-api-5c7f8d6d9b-h2lqk', reason: 'Unhealthy', type: 'Warning', message: 'Readiness probe failed: Get "http://10.0.7.44:3000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', first: iso(new Date(back).getTime() + 2000), count: 2, last: iso(new Date(back).getTime() + 12000), component: 'kubelet', host: node}),
]
writeJson(out(dir, 'k8s/events.json'), list(ev))
writeJson(out(dir, 'k8s/node-conditions.json'), {apiVersion: 'v1', kind: 'Node', metadata: {name: node, labels: {'node.kubernetes.io/instance-type': 'm6i.xlarge', 'topology.kubernetes.io/zone': 'us-east-1b'}}, status: {conditions: [
  {type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastHeartbeatTime: '2025-01-14T16:40:12Z', lastTransitionTime: '2025-01-14T16:25:50Z'},
  {type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', lastHeartbeatTime: '2025-01-14T16:40:12Z', lastTransitionTime: '2025-01-14T16:25:50Z'},
  {type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', lastHeartbeatTime: '2025-01-14T16:40:12Z', lastTransitionTime: '2025-01-14T16:25:50Z'},
  {type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: '2025-01-14T16:40:12Z', lastTransitionTime: '2025-01-14T16:25:50Z'},
]}})
buildRepo(out(dir, 'repo'), [
  {subject: 'social-profile-api: service and chart', author: people.ana, at: '2024-09-10T10:00:00Z', files: {...nodeService('social-profile-api'), 'chart/values.yaml': 'replicaCount: 5\nresources:\n  requests: {cpu: 250m, memory: 256Mi}\n'}},
  {subject: 'chart: spread replicas across nodes with topologySpreadConstraints', author: people.dana, at: '2025-01-13T15:00:00Z', files: {'chart/values.yaml': 'replicaCount: 5\nresources:\n  requests: {cpu: 250m, memory: 256Mi}\ntopologySpreadConstraints:\n  - maxSkew: 2\n    topologyKey: kubernetes.io/hostname\n'}},
  {subject: 'feed: cursor pagination', author: people.chen, at: '2025-01-14T11:20:00Z', files: {'src/routes/feed.js': "module.exports = (req, res) => res.json({cursor: req.query.cursor || null, items: []})\n"}},
])
