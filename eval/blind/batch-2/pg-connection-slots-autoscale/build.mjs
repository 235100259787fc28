import {rng, every, writeEvents, writeJson, writeCsvMetrics, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, pythonService} from '../../lib/skeleton.mjs'
import {event, list} from '../../lib/k8s.mjs'
const dir = process.argv[2]
const r = rng(20241129)
const pods = (d) => { const m = minutesSince(d, '2024-11-29T12:58:00Z'); return m < 0 ? 8 : Math.min(40, 8 + Math.floor(m * 1.6)) }
const rps = (d) => { const h = (d.getTime() - Date.parse('2024-11-29T10:00:00Z')) / 3600000; return h < 0 ? 900 : Math.min(2300, 900 + h * 470) }
const conns = (d) => Math.min(497, Math.round(pods(d) * 12.5 + rps(d) * 0.02))
const full = (d) => pods(d) * 12.5 + rps(d) * 0.02 >= 497
const pgt = (d) => fmt.pg(d)
const pg = every(r, '2024-11-29T11:30:00Z', '2024-11-29T14:00:00Z', 900, (d) => {
  const pid = r.int(80000, 99999)
  if (full(d) && r.chance(0.7)) return r.chance(0.6)
    ? `${pgt(d)} [${pid}] app@shop FATAL:  remaining connection slots are reserved for non-replication superuser connections`
    : `${pgt(d)} [${pid}] app@shop FATAL:  sorry, too many clients already`
  if (r.chance(0.05)) return `${pgt(d)} [${pid}] app@shop LOG:  duration: ${r.int(500, 1500)}.${r.int(100, 999)} ms  statement: SELECT "orders".* FROM "orders" WHERE "orders"."customer_id" = $1 ORDER BY "orders"."created_at" DESC LIMIT 20`
  if (r.chance(0.1)) return `${pgt(d)} [${pid}] [unknown]@[unknown] LOG:  connection received: host=10.8.${r.int(1, 40)}.${r.int(2, 250)} port=${r.int(30000, 60000)}`
  return null
})
writeEvents(out(dir, 'logs/postgresql.log'), pg)
const py = (d) => fmt.python(d)
const web = every(r, '2024-11-29T11:30:00Z', '2024-11-29T14:00:00Z', 500, (d) => {
  const pod = `shop-web-7f6d5c4b9-${r.hex(5)}`
  if (full(d) && r.chance(0.45)) return [
    `${py(d)} ERROR [${pod}] shop.web: GET ${r.pick(['/deals', '/product/8812', '/cart', '/checkout'])} failed`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 146, in __init__',
    '    self._dbapi_connection = engine.raw_connection()',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/pool/base.py", line 898, in __connect',
    '    self.dbapi_connection = connection = pool._invoke_creator(self)',
    '  File "/usr/local/lib/python3.12/site-packages/psycopg2/__init__.py", line 122, in connect',
    '    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)',
    `psycopg2.OperationalError: connection to server at "pg-primary.db.svc" (10.8.0.20), port 5432 failed: FATAL:  ${r.chance(0.6) ? 'remaining connection slots are reserved for non-replication superuser connections' : 'sorry, too many clients already'}`,
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "pg-primary.db.svc" (10.8.0.20), port 5432 failed: FATAL:  sorry, too many clients already',
  ]
  return `${py(d)} INFO [${pod}] shop.web: GET ${r.pick(['/deals', '/product/8812', '/cart', '/', '/search?q=tv'])} 200 ${r.int(20, 300)}ms`
})
writeEvents(out(dir, 'logs/web.log'), web)
const evs = []
let last = 8
for (let t = Date.parse('2024-11-29T12:58:00Z'); t < Date.parse('2024-11-29T13:25:00Z'); t += 60000) {
  const n = pods(new Date(t))
  if (n !== last && n % 8 === 0 || (n === 40 && last !== 40)) {
    evs.push(event({namespace: 'shop', kind: 'HorizontalPodAutoscaler', name: 'shop-web', reason: 'SuccessfulRescale', message: `New size: ${n}; reason: cpu resource utilization (percentage of request) above target`, component: 'horizontal-pod-autoscaler', first: new Date(t).toISOString().replace('.000Z', 'Z')}))
    last = n
  }
}
evs.push(event({namespace: 'shop', kind: 'Deployment', name: 'shop-web', reason: 'ScalingReplicaSet', message: 'Scaled up replica set shop-web-7f6d5c4b9 to 40 from 32', component: 'deployment-controller', first: '2024-11-29T13:18:00Z'}))
writeJson(out(dir, 'k8s/events.json'), list(evs))
writeCsvMetrics(out(dir, 'metrics/db.csv'), '2024-11-28T12:00:00Z', '2024-11-29T14:00:00Z', 60000, {
  pg_stat_activity_count: (d) => (minutesSince(d, '2024-11-29T00:00:00Z') < 0 ? 95 + r() * 15 : conns(d)),
  pg_settings_max_connections: () => 500,
  http_requests_per_second: (d) => (minutesSince(d, '2024-11-29T00:00:00Z') < 0 ? 700 + r() * 80 : rps(d) + r() * 40),
  shop_web_replicas: (d) => (minutesSince(d, '2024-11-29T00:00:00Z') < 0 ? 8 : pods(d)),
  http_5xx_per_second: (d) => (full(d) ? rps(d) * 0.4 : r() * 0.5),
})
const base = pythonService('shop')
const req = (v) => base['requirements.txt'] + `SQLAlchemy==${v}\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'shop-web: SQLAlchemy pools per worker, HPA 8-40 pods', author: people.chen, at: '2024-05-06T10:00:00Z', files: {...base, 'requirements.txt': req('2.0.35'), 'shop/db.py': 'from sqlalchemy import create_engine\n\n# per Gunicorn worker (4 per pod)\nengine = create_engine(DATABASE_URL, pool_size=5, max_overflow=5)\n', 'deploy/hpa.yaml': 'minReplicas: 8\nmaxReplicas: 40\nmetrics:\n  - type: Resource\n    resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}\n'}},
  {subject: 'deps: bump SQLAlchemy from 2.0.35 to 2.0.36', author: people.bot, at: '2024-11-28T18:00:00Z', files: {'requirements.txt': req('2.0.36')}},
  {subject: 'deals: Black Friday banner', author: people.fay, at: '2024-11-29T06:00:00Z', files: {'shop/templates/deals_banner.html': '<div class="bf">Black Friday: up to 60% off</div>\n'}},
])
