import {rng, every, at, writeEvents, writeJson, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, docs} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20230314)
const up = '2023-03-14T19:02:30Z'
const calico = [
  ...every(r, '2023-03-14T18:30:00Z', '2023-03-14T19:40:00Z', 20000, (d) => minutesSince(d, up) < 0
    ? `${fmt.javaSpace(d)} [INFO][88] felix/summary.go 100: Summarising 12 dataplane reconciliation loops over 1m1.2s: avg=4ms longest=19ms (resync-routes-v4)`
    : `${fmt.javaSpace(d)} [WARNING][88] confd/client.go 1418: No route reflector nodes match selector has(node-role.kubernetes.io/master); BGP peering unavailable`),
  at('2023-03-14T19:02:41Z', `${fmt.javaSpace(new Date('2023-03-14T19:02:41Z'))} [ERROR][71] bird: BGP: rr-peer-10-11-0-4: Received: Hold timer expired; Connection lost`),
  at('2023-03-14T19:02:42Z', `${fmt.javaSpace(new Date('2023-03-14T19:02:42Z'))} [ERROR][71] bird: Mesh_10_11_0_5: BGP session down, routes withdrawn: 1834`),
  at('2023-03-14T19:02:50Z', `${fmt.javaSpace(new Date('2023-03-14T19:02:50Z'))} [WARNING][88] felix/route_table.go 765: Failed to program route to 10.244.81.0/26 via tunl0: network is unreachable`),
]
writeEvents(out(dir, 'logs/calico-node.log'), calico)
const api = every(r, '2023-03-14T18:30:00Z', '2023-03-14T19:40:00Z', 800, (d) => {
  if (minutesSince(d, '2023-03-14T19:03:00Z') < 0) return `${fmt.iso(d)} level=info msg="request served" path=/api/v1/frontpage status=200 duration_ms=${r.int(30, 120)}`
  return r.chance(0.8)
    ? `${fmt.iso(d)} level=error msg="upstream request failed" upstream=thing-service.svc.cluster.local:9090 err="dial tcp 10.244.81.17:9090: connect: no route to host"`
    : `${fmt.iso(d)} level=error msg="request failed" path=/api/v1/frontpage status=503 duration_ms=${r.int(3000, 10000)}`
})
writeEvents(out(dir, 'logs/api.log'), api)
const ev = (i, when, reason, type, kind, name, message, count = 1) => ({
  apiVersion: 'v1', kind: 'Event', metadata: {name: `${name}.${(0x174c1a00 + i).toString(16)}`, namespace: kind === 'Node' ? 'default' : 'kube-system', creationTimestamp: when},
  involvedObject: {kind, name, namespace: kind === 'Node' ? undefined : 'kube-system'}, reason, message, type, count,
  firstTimestamp: when, lastTimestamp: when, source: {component: kind === 'Node' ? 'kubelet' : 'calico-node', host: 'ip-10-11-0-4'},
})
writeJson(out(dir, 'k8s/events.json'), {apiVersion: 'v1', kind: 'List', metadata: {resourceVersion: ''}, items: [
  ev(1, '2023-03-14T19:01:55Z', 'Starting', 'Normal', 'Node', 'ip-10-11-0-4', 'Starting kubelet.'),
  ev(2, '2023-03-14T19:02:20Z', 'NodeAllocatableEnforced', 'Normal', 'Node', 'ip-10-11-0-4', 'Updated Node Allocatable limit across pods'),
  ev(3, '2023-03-14T19:02:31Z', 'RegisteredNode', 'Normal', 'Node', 'ip-10-11-0-4', 'Node ip-10-11-0-4 event: Registered Node ip-10-11-0-4 in Controller (kubelet v1.24.10)'),
  ev(4, '2023-03-14T19:02:58Z', 'Unhealthy', 'Warning', 'Pod', 'calico-node-7x2kq', 'Readiness probe failed: calico/node is not ready: BIRD is not ready: BGP not established with 10.11.0.4,10.11.0.5,10.11.0.6', 212),
  ev(5, '2023-03-14T19:03:40Z', 'Unhealthy', 'Warning', 'Pod', 'coredns-6d4b75cb6d-9wq2m', 'Readiness probe failed: Get "http://10.244.81.3:8181/ready": dial tcp 10.244.81.3:8181: connect: no route to host', 96),
  ev(6, '2023-03-14T19:05:12Z', 'BackOff', 'Warning', 'Pod', 'thing-service-5f9c7d8b9-2kd8s', 'Back-off restarting failed container', 40),
]})
const infra = (v) => `cluster: legacy-prod\nkubernetes_version: ${v}\nkubeadm_config: kubeadm/legacy-prod.yaml\ncni: calico\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'legacy-prod: import kubeadm cluster definition', author: people.ana, at: '2021-05-20T10:00:00Z', files: {'clusters/legacy-prod/cluster.yaml': infra('v1.23.16'), 'clusters/legacy-prod/calico/bgp-route-reflectors.yaml': 'apiVersion: projectcalico.org/v3\nkind: BGPPeer\nmetadata:\n  name: peer-with-route-reflectors\nspec:\n  nodeSelector: all()\n  peerSelector: has(node-role.kubernetes.io/master)\n', 'clusters/legacy-prod/kubeadm/legacy-prod.yaml': 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nkubernetesVersion: v1.23.16\n'}},
  {subject: 'docs: cluster upgrade runbook for kubeadm pets', author: people.ben, at: '2023-03-13T15:00:00Z', files: {'docs/runbooks/kubeadm-upgrade.md': docs('kubeadm upgrade')}},
  {subject: 'grafana: add API latency panel to frontpage dashboard', author: people.fay, at: '2023-03-14T16:40:00Z', files: {'dashboards/frontpage.json': JSON.stringify({title: 'frontpage', panels: [{title: 'API p99', type: 'timeseries'}]}, null, 2) + '\n'}},
  {subject: 'Upgrade legacy-prod cluster to Kubernetes v1.24.10', author: people.chen, at: '2023-03-14T18:55:00Z', files: {'clusters/legacy-prod/cluster.yaml': infra('v1.24.10'), 'clusters/legacy-prod/kubeadm/legacy-prod.yaml': 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nkubernetesVersion: v1.24.10\n'}},
])
