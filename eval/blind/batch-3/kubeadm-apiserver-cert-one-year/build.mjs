import {rng, every, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240910)
const expiry = '2024-09-10T12:29:33Z'
const expired = (d) => minutesSince(d, expiry) >= 0
const us = (d) => String(d.getTime() * 1000 + r.int(0, 999))
// journalctl -u kubelet -o json from the control-plane node and the workers.
const j = (d, host, unit, comm, prio, msg) => JSON.stringify({__REALTIME_TIMESTAMP: us(d), __MONOTONIC_TIMESTAMP: String(r.int(1e12, 9e12)), _BOOT_ID: 'c1f0e9b2a4d84c2f9d1f6b7e3a5c8d10', PRIORITY: String(prio), _SYSTEMD_UNIT: unit, SYSLOG_IDENTIFIER: comm, _COMM: comm, _HOSTNAME: host, _PID: String(unit === 'kubelet.service' ? 912 : 2231), MESSAGE: msg})
const hosts = ['k8s-cp-1', 'k8s-worker-1', 'k8s-worker-2', 'k8s-worker-3']
const rows = every(r, '2024-09-10T11:30:00Z', '2024-09-10T13:30:00Z', 1500, (d) => {
  const host = r.pick(hosts)
  if (expired(d)) {
    const now = d.toISOString().replace(/\.\d{3}Z$/, 'Z')
    const v = r()
    if (v < 0.6) return j(d, host, 'kubelet.service', 'kubelet', 3, `E${fmt.klog(d)}     912 reflector.go:147] k8s.io/client-go/informers/factory.go:159: Failed to watch *v1.Node: failed to list *v1.Node: Get "https://10.0.0.10:6443/api/v1/nodes?fieldSelector=metadata.name%3D${host}&resourceVersion=0": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time ${now} is after ${expiry}`)
    return j(d, host, 'kubelet.service', 'kubelet', 3, `E${fmt.klog(d)}     912 kubelet_node_status.go:540] "Error updating node status, will retry" err="error getting node \\"${host}\\": Get \\"https://10.0.0.10:6443/api/v1/nodes/${host}?timeout=10s\\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time ${now} is after ${expiry}"`)
  }
  return j(d, host, 'kubelet.service', 'kubelet', 6, `I${fmt.klog(d)}     912 kubelet_getters.go:187] "Pod status updated" pod="kube-system/kube-proxy-${r.hex(5)}" status="Running"`)
})
writeEvents(out(dir, 'logs/journal.json'), rows)
// The application running on the cluster keeps serving (pods keep running), but its CI deploys fail.
const ci = every(r, '2024-09-10T11:30:00Z', '2024-09-10T13:30:00Z', 6 * 60000, (d) => {
  const now = d.toISOString().replace(/\.\d{3}Z$/, 'Z')
  return expired(d)
    ? `${fmt.iso(d)} deploy-job: kubectl apply -k overlays/prod failed: Unable to connect to the server: tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time ${now} is after ${expiry}`
    : `${fmt.iso(d)} deploy-job: kubectl apply -k overlays/prod: deployment.apps/catalog configured (${r.int(1, 3)} changes)`
})
writeEvents(out(dir, 'logs/deploy-job.log'), ci)
buildRepo(out(dir, 'repo'), [
  {subject: 'cluster: kubeadm config for the on-prem cluster', author: people.dana, at: '2023-09-10T12:00:00Z', files: {'kubeadm/cluster.yaml': 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nkubernetesVersion: v1.27.4\ncontrolPlaneEndpoint: 10.0.0.10:6443\n', 'README.md': '# on-prem cluster\n\nBuilt with kubeadm init on 2023-09-10.\n'}},
  {subject: 'calico: v3.26.1 to v3.26.4', author: people.ben, at: '2024-09-08T10:00:00Z', files: {'addons/calico/kustomization.yaml': 'resources:\n  - https://raw.githubusercontent.com/projectcalico/calico/v3.26.4/manifests/calico.yaml\n'}},
  {subject: 'overlays/prod: catalog to 3 replicas', author: people.chen, at: '2024-09-10T11:50:00Z', files: {'overlays/prod/catalog-replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: catalog}\nspec: {replicas: 3}\n'}},
])
