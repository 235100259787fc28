import {rng, every, writeEvents, writeJson, writeText, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
import {event, list} from '../../lib/k8s.mjs'
const dir = process.argv[2]
const r = rng(20201120)
const reclaim = '2020-11-20T03:10:00Z'
const ns = 'shop'
const iso = (t) => new Date(t).toISOString().replace('.000Z', 'Z')
const at = (base, s) => iso(Date.parse(base) + s * 1000)
const oldNodes = Array.from({length: 9}, (_, i) => `ip-10-2-${30 + i}-${11 + i * 3}.ec2.internal`)
const newNodes = Array.from({length: 9}, (_, i) => `ip-10-2-${60 + i}-${21 + i * 5}.ec2.internal`)
const images = {web: 'docker.io/example/web:2.14.0', 'web-sidecar': 'docker.io/library/nginx:1.19.4', 'cart-cache': 'docker.io/bitnami/redis:6.0.9'}
const evs = []
oldNodes.forEach((n, i) => evs.push(event({namespace: 'default', kind: 'Node', name: n, reason: 'NodeNotReady', message: `Node ${n} status is now: NodeNotReady`, component: 'node-controller', first: at(reclaim, i * 7)})))
newNodes.forEach((n, i) => evs.push(event({namespace: 'default', kind: 'Node', name: n, reason: 'NodeReady', message: `Node ${n} status is now: NodeReady`, component: 'kubelet', host: n, first: at(reclaim, 95 + i * 9)})))
const podsTable = ['NAME                          READY   STATUS             RESTARTS   AGE']
const failMsg = (img) => {
  const [repoPath, tag] = img.replace('docker.io/', '').split(':')
  return `Failed to pull image "${img}": rpc error: code = Unknown desc = failed to pull and unpack image "${img}": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/${repoPath}/manifests/sha256:${r.hex(64)}: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit`
}
const deployments = [['web', 9], ['cart-cache', 2]]
let k = 0
for (const [app, n] of deployments) {
  for (let i = 0; i < n; i++) {
    const name = `${app}-${app === 'web' ? '7d9c8b6f5' : '5b8f7c9d4'}-${r.hex(5)}`
    const node = newNodes[k++ % newNodes.length]
    const t0 = Date.parse(reclaim) + 140000 + i * 11000
    const img = images[app]
    evs.push(
      event({namespace: ns, name, reason: 'Scheduled', message: `Successfully assigned ${ns}/${name} to ${node}`, component: 'default-scheduler', first: iso(t0)}),
      event({namespace: ns, name, reason: 'Pulling', message: `Pulling image "${img}"`, first: iso(t0 + 2000), last: iso(t0 + 1900000), count: 9, host: node, fieldPath: `spec.containers{${app}}`}),
      event({namespace: ns, name, reason: 'Failed', type: 'Warning', message: failMsg(img), first: iso(t0 + 3000), last: iso(t0 + 1900000), count: 9, host: node, fieldPath: `spec.containers{${app}}`}),
      event({namespace: ns, name, reason: 'Failed', type: 'Warning', message: 'Error: ErrImagePull', first: iso(t0 + 3000), last: iso(t0 + 1900000), count: 9, host: node, fieldPath: `spec.containers{${app}}`}),
      event({namespace: ns, name, reason: 'BackOff', message: `Back-off pulling image "${img}"`, first: iso(t0 + 4000), last: iso(t0 + 1950000), count: 120, host: node, fieldPath: `spec.containers{${app}}`}),
      event({namespace: ns, name, reason: 'Failed', type: 'Warning', message: 'Error: ImagePullBackOff', first: iso(t0 + 4000), last: iso(t0 + 1950000), count: 120, host: node, fieldPath: `spec.containers{${app}}`}),
    )
    podsTable.push(`${name.padEnd(30)}0/1     ${(i % 3 === 0 ? 'ErrImagePull' : 'ImagePullBackOff').padEnd(19)}0          ${31 - Math.floor(i / 2)}m`)
  }
}
for (let i = 0; i < 3; i++) podsTable.push(`${`web-7d9c8b6f5-${['q2m8x', 'v7kd4', 'zz91p'][i]}`.padEnd(30)}1/1     Running            0          2d5h`)
writeJson(out(dir, 'k8s/events.json'), list(evs))
writeText(out(dir, 'k8s/pods.txt'), podsTable.join('\n') + '\n')
const ca = every(r, '2020-11-20T02:40:00Z', '2020-11-20T03:45:00Z', 10000, (d) => {
  const m = minutesSince(d, reclaim)
  if (m >= 0 && m < 3) return `I${fmt.klog(d)}       1 scale_up.go:${r.int(430, 470)}] Scale-up: setting group eks-spot-workers-3a1c size to ${12 + Math.round(m * 3)}`
  if (m >= 3 && m < 8) return `I${fmt.klog(d)}       1 static_autoscaler.go:${r.int(300, 330)}] ${r.int(10, 14)} unschedulable pods; node group eks-spot-workers-3a1c upcoming nodes: ${r.int(0, 4)}`
  if (m >= 0 && r.chance(0.3)) return `W${fmt.klog(d)}       1 clusterstate.go:${r.int(560, 600)}] Readiness for node group eks-spot-workers-3a1c not found; ${r.int(0, 3)} nodes not ready`
  return `I${fmt.klog(d)}       1 static_autoscaler.go:${r.int(250, 290)}] Starting main loop; no scale-up needed`
})
writeEvents(out(dir, 'logs/cluster-autoscaler.log'), ca)
const ing = every(r, '2020-11-20T02:40:00Z', '2020-11-20T03:45:00Z', 150, (d) => {
  const under = minutesSince(d, '2020-11-20T03:10:30Z') >= 0
  const status = under && r.chance(0.62) ? 503 : r.pick([200, 200, 304])
  const path = r.pick(['/', '/products/' + r.int(1, 900), '/cart', '/api/search?q=desk'])
  const up = status === 503 ? '-' : `10.2.${r.int(30, 40)}.${r.int(2, 250)}:8080`
  return `${r.pick(['203.0.113', '198.51.100'])}.${r.int(1, 254)} - - [${fmt.clf(d)}] "GET ${path} HTTP/1.1" ${status} ${status === 503 ? 190 : r.int(500, 9000)} "-" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.0 Safari/605.1.15" ${r.int(300, 700)} ${status === 503 ? '0.000' : (r() * 0.2).toFixed(3)} [shop-web-80] [] ${up} ${status === 503 ? '-' : r.int(500, 9000)} ${status === 503 ? '-' : (r() * 0.2).toFixed(3)} ${status === 503 ? '-' : status} ${r.hex(32)}`
})
writeEvents(out(dir, 'logs/ingress-access.log'), ing)
const deploy = (img) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: 12\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ${img}\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'shop: web deployment on spot workers', author: people.chen, at: '2020-08-03T10:00:00Z', files: {'k8s/web/deployment.yaml': deploy('docker.io/example/web:2.13.0'), 'README.md': '# shop manifests\n'}},
  {subject: 'web: release 2.14.0', author: people.ana, at: '2020-11-16T10:00:00Z', files: {'k8s/web/deployment.yaml': deploy('docker.io/example/web:2.14.0')}},
  {subject: 'helm: bump web chart to 2.3.1 (adds a PodDisruptionBudget)', author: people.dana, at: '2020-11-19T17:00:00Z', files: {'k8s/web/pdb.yaml': 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 2\n'}},
  {subject: 'docs: runbook for node replacement', author: people.ben, at: '2020-11-20T01:00:00Z', files: {'docs/node-replacement.md': '# Node replacement\n\nCordon, drain, wait for the autoscaler.\n'}},
  {subject: 'images: pull through the ECR mirror with credentials', author: people.chen, at: '2020-11-20T04:40:00Z', files: {'k8s/web/deployment.yaml': deploy('123456789012.dkr.ecr.us-east-1.amazonaws.com/mirror/example/web:2.14.0')}},
])
