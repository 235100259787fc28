import {rng, every, writeEvents, writePromRange, writeText, writeJsonl, accessLine, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, pythonService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240206)
const rollout = '2024-02-06T10:05:00Z'
const after = (d) => minutesSince(d, rollout) >= 1
const gts = (d) => `[${d.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '')} +0000]`
const gun = every(r, '2024-02-06T09:00:00Z', '2024-02-06T11:00:00Z', 8000, (d) => {
  if (!after(d)) return r.chance(0.05) ? `${gts(d)} [1] [INFO] Autorestarting worker after current request.` : null
  const pid = r.int(8, 400)
  if (r.chance(0.5)) return [`${gts(d)} [1] [WARNING] Worker with pid ${pid} was terminated due to signal 9`, `${gts(new Date(d.getTime() + 40))} [1] [INFO] Booting worker with pid: ${pid + 4}`]
  if (r.chance(0.3)) return [`${gts(d)} [1] [INFO] Starting gunicorn 21.2.0`, `${gts(d)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`, `${gts(d)} [1] [INFO] Using worker: sync`, ...[0, 1, 2, 3].map((w) => `${gts(d)} [${9 + w}] [INFO] Booting worker with pid: ${9 + w}`), `${gts(new Date(d.getTime() + 9000))} [9] [INFO] ranking model loaded (148.2 MiB)`]
  return null
})
writeEvents(out(dir, 'logs/gunicorn.log'), gun)
const acc = every(r, '2024-02-06T09:00:00Z', '2024-02-06T11:00:00Z', 250, (d) => {
  const bad = after(d) && r.chance(0.3)
  return accessLine(r, d, {path: `/v1/search?q=${r.pick(['desk', 'lamp', 'chair', 'shelf', 'rug'])}&page=${r.int(1, 5)}`, status: bad ? r.pick([502, 502, 503]) : 200, rt: bad ? r() * 0.02 : 0.05 + r() * 0.3})
})
writeEvents(out(dir, 'logs/ingress-access.log'), acc)
const limit = (d) => (minutesSince(d, rollout) >= 0 ? 512 * 2 ** 20 : 2 ** 30)
const ws = (d) => (after(d) ? (r() < 0.5 ? 300 + r() * 200 : 505 + r() * 7) * 2 ** 20 : (630 + r() * 40) * 2 ** 20)
writePromRange(out(dir, 'metrics/memory.json'), '2024-02-04T10:00:00Z', '2024-02-06T11:00:00Z', 60000, [
  {metric: {__name__: 'container_memory_working_set_bytes', namespace: 'search', pod: 'search-api', container: 'search-api'}, value: ws},
  {metric: {__name__: 'kube_pod_container_resource_limits', namespace: 'search', pod: 'search-api', container: 'search-api', resource: 'memory', unit: 'byte'}, value: limit},
  {metric: {__name__: 'kube_pod_container_status_restarts_total', namespace: 'search', pod: 'search-api', container: 'search-api'}, value: (d) => (after(d) ? Math.floor(minutesSince(d, rollout) / 3.5) : 0)},
])
writeText(out(dir, 'k8s/describe-pod.txt'), `Name:             search-api-5f7d8c9b6-k8v2n
Namespace:        search
Priority:         0
Service Account:  search-api
Node:             ip-10-4-17-202.eu-west-1.compute.internal/10.4.17.202
Start Time:       Tue, 06 Feb 2024 10:05:31 +0000
Labels:           app=search-api
                  pod-template-hash=5f7d8c9b6
Annotations:      checksum/values: 9e1c2a7d
Status:           Running
IP:               10.4.17.88
Controlled By:    ReplicaSet/search-api-5f7d8c9b6
Containers:
  search-api:
    Container ID:   containerd://6a1f0c2e9d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f
    Image:          registry.example.com/search/search-api:2024.02.05-3
    Image ID:       registry.example.com/search/search-api@sha256:2b7e1c9a0d4f6e8b3a5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a
    Port:           8000/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Tue, 06 Feb 2024 10:27:44 +0000
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
      Started:      Tue, 06 Feb 2024 10:21:02 +0000
      Finished:     Tue, 06 Feb 2024 10:27:41 +0000
    Ready:          True
    Restart Count:  6
    Limits:
      cpu:     1
      memory:  512Mi
    Requests:
      cpu:        500m
      memory:     512Mi
    Liveness:     http-get http://:8000/healthz delay=10s timeout=2s period=10s #success=1 #failure=3
    Readiness:    http-get http://:8000/readyz delay=5s timeout=2s period=5s #success=1 #failure=3
    Environment:
      GUNICORN_CMD_ARGS:  --workers 4 --timeout 30
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7xq2c (ro)
Conditions:
  Type              Status
  Initialized       True
  Ready             True
  ContainersReady   True
  PodScheduled      True
QoS Class:          Burstable
Events:
  Type     Reason     Age                 From               Message
  ----     ------     ----                ----               -------
  Normal   Scheduled  24m                 default-scheduler  Successfully assigned search/search-api-5f7d8c9b6-k8v2n to ip-10-4-17-202.eu-west-1.compute.internal
  Normal   Pulled     24m                 kubelet            Container image "registry.example.com/search/search-api:2024.02.05-3" already present on machine
  Normal   Created    2m56s (x7 over 24m) kubelet            Created container search-api
  Normal   Started    2m56s (x7 over 24m) kubelet            Started container search-api
  Warning  BackOff    3m (x4 over 15m)    kubelet            Back-off restarting failed container search-api in pod search-api-5f7d8c9b6-k8v2n_search(4c1d2e3f-5a6b-4c7d-8e9f-0a1b2c3d4e5f)
`)
const base = pythonService('search_api')
const values = (mem, req) => `replicaCount: 4\nimage:\n  repository: registry.example.com/search/search-api\nresources:\n  limits:\n    cpu: "1"\n    memory: ${mem}\n  requests:\n    cpu: 500m\n    memory: ${req}\nenv:\n  GUNICORN_CMD_ARGS: --workers 4 --timeout 30\n`
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'search-api: Django search service with a ranking model', author: people.eli, at: '2023-09-12T10:00:00Z', files: {...base, 'deploy/helm/search-api/values.yaml': values('1Gi', '768Mi'), 'search_api/ranking.py': '# the model is loaded once per Gunicorn worker (~150 MiB each)\nMODEL_PATH = "/models/ranker-v7.bin"\n'}},
  {subject: 'search: tune BM25 k1 to 1.2', author: people.fay, at: '2024-02-05T14:00:00Z', files: {'search_api/bm25.py': 'K1 = 1.2\nB = 0.75\n'}},
  {subject: 'README: how to profile the ranking model', author: people.ben, at: '2024-02-06T08:40:00Z', files: {'README.md': '# search_api\n\nProfile with `python -m cProfile manage.py rank_bench`.\n'}},
  {subject: 'helm: right-size search-api memory limit to 512Mi', author: people.dana, at: '2024-02-06T09:30:00Z', body: 'Average usage over the last week is 410Mi per pod (cost review).', files: {'deploy/helm/search-api/values.yaml': values('512Mi', '512Mi')}},
  {subject: 'helm: restore the 1Gi memory limit for search-api', author: people.dana, at: '2024-02-06T11:20:00Z', files: {'deploy/helm/search-api/values.yaml': values('1Gi', '768Mi')}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-02-05T15:00:00Z', service: 'search-api', version: '2024.02.05-3', sha: shaOf(repo, 'search: tune BM25 k1 to 1.2'), kind: 'deploy', description: 'search-api 2024.02.05-3'},
  {time: rollout, service: 'search-api', version: 'helm rev 42', sha: shaOf(repo, 'helm: right-size search-api memory limit to 512Mi'), kind: 'config', description: 'Argo CD sync search-api: values.yaml (helm revision 42)'},
])
