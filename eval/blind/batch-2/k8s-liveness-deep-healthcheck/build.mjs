import {rng, every, writeEvents, writeJson, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, javaService} from '../../lib/skeleton.mjs'
import {event, list} from '../../lib/k8s.mjs'
const dir = process.argv[2]
const r = rng(20240709)
const deploy = '2024-07-09T13:20:00Z'
const deep = (d) => minutesSince(d, deploy) >= 1.5
const ns = 'warehouse'
const pods = ['inventory-6f8d7c9b5-2kx9q', 'inventory-6f8d7c9b5-7hn4w', 'inventory-6f8d7c9b5-b8z2m', 'inventory-6f8d7c9b5-f3q7t', 'inventory-6f8d7c9b5-p9v6c', 'inventory-6f8d7c9b5-x4r1s']
const iso = (t) => new Date(t).toISOString().replace('.000Z', 'Z')
const evs = [event({namespace: ns, kind: 'Deployment', name: 'inventory', reason: 'ScalingReplicaSet', message: 'Scaled up replica set inventory-6f8d7c9b5 to 6', component: 'deployment-controller', first: '2024-07-09T13:20:04Z'})]
pods.forEach((p, i) => {
  const ip = `10.2.7.${14 + i * 3}`
  const host = `ip-10-2-${7 + i}-${30 + i}.ec2.internal`
  const t0 = Date.parse('2024-07-09T13:20:10Z') + i * 20000
  const firstFail = t0 + 150000 + i * 17000
  const restarts = 4 + (i % 3)
  evs.push(
    event({namespace: ns, name: p, reason: 'Scheduled', message: `Successfully assigned ${ns}/${p} to ${host}`, component: 'default-scheduler', first: iso(t0)}),
    event({namespace: ns, name: p, reason: 'Started', message: 'Started container inventory', first: iso(t0 + 5000), last: iso(firstFail + restarts * 240000), count: restarts + 1, host, fieldPath: 'spec.containers{inventory}'}),
    event({namespace: ns, name: p, reason: 'Unhealthy', type: 'Warning', message: `Liveness probe failed: Get "http://${ip}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, first: iso(firstFail), last: iso(firstFail + restarts * 240000 + 20000), count: restarts * 3 + 2, host, fieldPath: 'spec.containers{inventory}'}),
    event({namespace: ns, name: p, reason: 'Unhealthy', type: 'Warning', message: `Readiness probe failed: Get "http://${ip}:8080/actuator/health/readiness": dial tcp ${ip}:8080: connect: connection refused`, first: iso(firstFail + 31000), last: iso(firstFail + restarts * 240000 + 31000), count: restarts * 2, host, fieldPath: 'spec.containers{inventory}'}),
    event({namespace: ns, name: p, reason: 'Killing', message: 'Container inventory failed liveness probe, will be restarted', first: iso(firstFail + 20000), last: iso(firstFail + restarts * 240000 + 20000), count: restarts, host, fieldPath: 'spec.containers{inventory}'}),
    event({namespace: ns, name: p, reason: 'BackOff', type: 'Warning', message: 'Back-off restarting failed container inventory in pod ' + `${p}_${ns}(${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)})`, first: iso(firstFail + 500000), last: iso(firstFail + restarts * 240000 + 60000), count: restarts * 2, host, fieldPath: 'spec.containers{inventory}'}),
  )
})
writeJson(out(dir, 'k8s/events.json'), list(evs))
const row = (d, level, logger, message, extra = {}) => JSON.stringify({'@timestamp': fmt.iso(d), '@version': '1', message, logger_name: logger, thread_name: extra.thread ?? `http-nio-8080-exec-${r.int(1, 200)}`, level, level_value: {INFO: 20000, WARN: 30000, ERROR: 40000}[level], ...(extra.stack ? {stack_trace: extra.stack} : {}), HOSTNAME: r.pick(pods)})
const logs = every(r, '2024-07-09T12:40:00Z', '2024-07-09T14:10:00Z', 900, (d) => {
  if (deep(d)) {
    if (r.chance(0.25)) return row(d, 'WARN', 'com.example.inventory.health.DeepHealthIndicator', `Health check slow: db=UP (${r.int(800, 2500)} ms, SELECT count(*) FROM stock_levels), stockCache=UP`, {thread: `http-nio-8080-exec-${r.int(1, 200)}`})
    if (r.chance(0.08)) return row(d, 'INFO', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete', {thread: 'SpringApplicationShutdownHook'})
    if (r.chance(0.08)) return row(d, 'INFO', 'com.example.inventory.InventoryApplication', `Started InventoryApplication in ${(18 + r() * 6).toFixed(3)} seconds (JVM running for ${(21 + r() * 6).toFixed(3)})`, {thread: 'main'})
    if (r.chance(0.15)) return row(d, 'ERROR', 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] threw exception', {stack: 'org.springframework.dao.QueryTimeoutException: PreparedStatementCallback; SQL [SELECT sku, qty FROM stock_levels WHERE sku = ?]; ERROR: canceling statement due to user request\n\tat org.springframework.jdbc.support.SQLStateSQLExceptionTranslator.doTranslate(SQLStateSQLExceptionTranslator.java:101)\n\tat com.example.inventory.stock.StockRepository.find(StockRepository.java:44)\n'})
  }
  return row(d, 'INFO', 'com.example.inventory.stock.StockController', `GET /api/stock/${r.int(10000, 99999)} 200 in ${r.int(4, 60)}ms`)
})
writeEvents(out(dir, 'logs/inventory.jsonl'), logs)
const base = javaService('com.example.inventory', 'inventory')
const p = 'src/main/java/com/example/inventory'
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'inventory: stock service with liveness and readiness probes', author: people.ben, at: '2023-11-14T10:00:00Z', files: {...base, 'k8s/deployment.yaml': 'livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n  timeoutSeconds: 1\n  periodSeconds: 10\n  failureThreshold: 3\nreadinessProbe:\n  httpGet:\n    path: /actuator/health/readiness\n    port: 8080\n', [`${p}/web/HealthzController.java`]: 'package com.example.inventory.web;\n\n@RestController\npublic class HealthzController {\n    @GetMapping("/healthz")\n    public String healthz() { return "ok"; }\n}\n'}},
  {subject: 'stock: replenish in batches of 500', author: people.fay, at: '2024-07-08T11:00:00Z', files: {[`${p}/stock/Replenisher.java`]: 'package com.example.inventory.stock;\n\npublic class Replenisher {\n    static final int BATCH = 500;\n}\n'}},
  {subject: 'docs: stock reconciliation runbook', author: people.ana, at: '2024-07-09T09:00:00Z', files: {'docs/reconciliation.md': '# Reconciliation\n\nCompare stock_levels with the WMS nightly export.\n'}},
  {subject: 'healthz: check the database and the stock cache before reporting healthy', author: people.chen, at: '2024-07-09T12:50:00Z', body: 'A pod that cannot reach the database should not say it is healthy.', files: {[`${p}/web/HealthzController.java`]: 'package com.example.inventory.web;\n\n@RestController\npublic class HealthzController {\n    private final DeepHealthIndicator deep;\n\n    @GetMapping("/healthz")\n    public ResponseEntity<String> healthz() {\n        return deep.check() ? ResponseEntity.ok("ok") : ResponseEntity.status(503).body("unhealthy");\n    }\n}\n', [`${p}/health/DeepHealthIndicator.java`]: 'package com.example.inventory.health;\n\npublic class DeepHealthIndicator {\n    boolean check() {\n        long rows = jdbc.queryForObject("SELECT count(*) FROM stock_levels", Long.class);\n        return rows > 0 && cache.ping();\n    }\n}\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-07-08T13:00:00Z', service: 'inventory', version: '2024.07.08-1', sha: shaOf(repo, 'stock: replenish in batches of 500'), kind: 'deploy', description: 'inventory 2024.07.08-1'},
  {time: deploy, service: 'inventory', version: '2024.07.09-1', sha: shaOf(repo, 'healthz: check the database and the stock cache before reporting healthy'), kind: 'deploy', description: 'inventory 2024.07.09-1'},
])
