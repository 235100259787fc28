import {rng, every, writeEvents, writeCsvMetrics, writeJson, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {execFileSync} from 'node:child_process'
import {people, javaService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240612)
const deploy = '2024-06-12T09:40:00Z'
const mem = (d) => { const m = minutesSince(d, deploy); return m < 0 ? 610 + r() * 30 : Math.min(2048, 620 + m * 4.6 + r() * 20) }
const logs = every(r, '2024-06-12T08:00:00Z', '2024-06-12T15:30:00Z', 20000, (d) => {
  const m = minutesSince(d, deploy)
  if (m > 290 && r.chance(0.3)) return [
    `${fmt.javaSpace(d)} ERROR 1 --- [http-nio-8080-exec-${r.int(1, 99)}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception`,
    'java.lang.OutOfMemoryError: Java heap space',
    '\tat java.base/java.util.HashMap.resize(HashMap.java:702)',
    '\tat java.base/java.util.HashMap.putVal(HashMap.java:661)',
    '\tat com.example.recs.ResponseCache.put(ResponseCache.java:23)',
    '\tat com.example.recs.RecsController.get(RecsController.java:48)',
  ]
  if (m > 200 && r.chance(0.2)) return `${fmt.javaSpace(d)}  WARN 1 --- [    GC Thread#0] gc                                       : GC pause (G1 Evacuation Pause) ${r.int(400, 2200)}ms, heap ${Math.round(mem(d) * 0.9)}M->${Math.round(mem(d) * 0.88)}M(1843M)`
  return `${fmt.javaSpace(d)}  INFO 1 --- [http-nio-8080-exec-${r.int(1, 99)}] c.e.recs.RecsController                  : GET /recs?user=${r.int(1, 9e6)}&ctx=${r.hex(6)} 200 in ${r.int(20, 80)}ms`
})
writeEvents(out(dir, 'logs/recs.log'), logs)
writeCsvMetrics(out(dir, 'metrics/memory.csv'), '2024-06-11T15:00:00Z', '2024-06-12T15:30:00Z', 300000, {
  container_memory_working_set_mb: mem,
  container_spec_memory_limit_mb: () => 2048,
  jvm_memory_used_heap_mb: (d) => mem(d) * 0.85,
  container_oom_events_total: (d) => Math.max(0, Math.floor((minutesSince(d, deploy) - 300) / 8)),
})
const pod = (name, at, restarts) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'recs', labels: {app: 'recs'}, creationTimestamp: '2024-06-12T09:40:30Z'},
  spec: {containers: [{name: 'recs', image: 'registry.example.com/recs:2024.06.12-1', resources: {limits: {memory: '2Gi', cpu: '2'}, requests: {memory: '2Gi', cpu: '1'}}}]},
  status: {phase: 'Running', containerStatuses: [{name: 'recs', ready: true, restartCount: restarts, image: 'registry.example.com/recs:2024.06.12-1', state: {running: {startedAt: at}}, lastState: {terminated: {exitCode: 137, reason: 'OOMKilled', startedAt: '2024-06-12T09:40:41Z', finishedAt: at}}}]},
})
writeJson(out(dir, 'k8s/pods.json'), {apiVersion: 'v1', kind: 'List', items: [pod('recs-6f7b9c8d4-2kq9x', '2024-06-12T14:52:10Z', 1), pod('recs-6f7b9c8d4-8wz5t', '2024-06-12T15:01:44Z', 1), pod('recs-6f7b9c8d4-m3p7r', '2024-06-12T15:09:02Z', 1)]})
const base = javaService('com.example.recs', 'recs')
const p = 'src/main/java/com/example/recs'
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'recs: recommendations endpoint', author: people.ana, at: '2024-03-10T10:00:00Z', files: {...base, [`${p}/RecsController.java`]: 'package com.example.recs;\n\npublic class RecsController {\n    public Recs get(String query) { return engine.recommend(query); }\n}\n'}},
  {subject: 'docs: explain ranking features', author: people.ben, at: '2024-06-12T08:15:00Z', files: {'docs/ranking.md': '# Ranking\n\nFeatures: recency, affinity, popularity.\n'}},
  {subject: 'recs: cache rendered responses per query', author: people.eli, at: '2024-06-12T09:20:00Z', files: {[`${p}/ResponseCache.java`]: 'package com.example.recs;\n\nimport java.util.HashMap;\nimport java.util.Map;\n\npublic class ResponseCache {\n    // keyed by the full query string; responses are small\n    private final Map<String, byte[]> byQuery = new HashMap<>();\n\n    public byte[] get(String q) { return byQuery.get(q); }\n\n    public void put(String q, byte[] body) {\n        byQuery.put(q, body);\n    }\n}\n', [`${p}/RecsController.java`]: 'package com.example.recs;\n\npublic class RecsController {\n    private final ResponseCache cache = new ResponseCache();\n\n    public byte[] get(String query) {\n        byte[] hit = cache.get(query);\n        if (hit != null) return hit;\n        byte[] body = render(engine.recommend(query));\n        cache.put(query, body);\n        return body;\n    }\n}\n'}},
])
const sha = execFileSync('git', ['rev-parse', 'HEAD'], {cwd: repo, encoding: 'utf8'}).trim()
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: deploy, service: 'recs', version: '2024.06.12-1', sha, kind: 'deploy', description: 'recs 2024.06.12-1'},
  {time: '2024-06-12T14:30:00Z', service: 'search', version: '', sha: '', kind: 'config', description: 'search: raise shard replica count to 2'},
])
