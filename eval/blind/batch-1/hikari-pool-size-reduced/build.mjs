import {rng, every, writeEvents, writePromRange, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, javaService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20231010)
const rollout = '2023-10-10T09:18:00Z'
const after = (d) => minutesSince(d, rollout) >= 0
const logs = every(r, '2023-10-10T08:30:00Z', '2023-10-10T09:50:00Z', 800, (d) => {
  const th = `http-nio-8080-exec-${r.int(1, 200)}`
  if (after(d) && r.chance(0.05)) return `${fmt.javaSpace(d)} DEBUG 1 --- [l-1 housekeeper] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Pool stats (total=4, active=4, idle=0, waiting=${r.int(90, 180)})`
  if (after(d) && r.chance(0.4)) return [
    `${fmt.javaSpace(d)} ERROR 1 --- [${th}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed; nested exception is org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection; nested exception is java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.] with root cause`,
    'java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.',
    '\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)',
    '\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:197)',
    '\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:162)',
    '\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:128)',
    '\tat com.example.orders.OrderRepository.findRecent(OrderRepository.java:52)',
  ]
  if (!after(d) && r.chance(0.03)) return `${fmt.javaSpace(d)} DEBUG 1 --- [l-1 housekeeper] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Pool stats (total=40, active=${r.int(8, 22)}, idle=${r.int(18, 32)}, waiting=0)`
  return `${fmt.javaSpace(d)}  INFO 1 --- [${th}] c.e.orders.OrderController               : GET /orders/recent 200 in ${after(d) ? r.int(2000, 29000) : r.int(15, 90)}ms`
})
writeEvents(out(dir, 'logs/orders.log'), logs)
writePromRange(out(dir, 'metrics/pool.json'), '2023-10-10T08:30:00Z', '2023-10-10T09:50:00Z', 30000, [
  {metric: {__name__: 'hikaricp_connections_pending', pool: 'HikariPool-1', application: 'orders'}, value: (d) => (after(d) ? 90 + r() * 90 : 0)},
  {metric: {__name__: 'hikaricp_connections_max', pool: 'HikariPool-1', application: 'orders'}, value: (d) => (after(d) ? 4 : 40)},
  {metric: {__name__: 'pg_stat_activity_count', datname: 'orders', state: 'active'}, value: (d) => (after(d) ? 4 + r() * 2 : 14 + r() * 8)},
  {metric: {__name__: 'rds_cpu_utilization', dbinstance_identifier: 'orders-db'}, value: (d) => (after(d) ? 9 + r() * 3 : 31 + r() * 6)},
])
const base = javaService('com.example.orders', 'orders')
const yml = (n) => base['src/main/resources/application.yml'].replace('maximum-pool-size: 40', `maximum-pool-size: ${n}`)
buildRepo(out(dir, 'repo'), [
  {subject: 'orders: initial service', author: people.ana, at: '2023-08-01T10:00:00Z', files: {...base, 'src/main/java/com/example/orders/OrderRepository.java': 'package com.example.orders;\n\npublic class OrderRepository {\n    public java.util.List<Order> findRecent(long customerId) { return jdbc.query(RECENT, mapper, customerId); }\n}\n'}},
  {subject: 'Flyway: baseline existing schema', author: people.chen, at: '2023-10-09T16:00:00Z', files: {'src/main/resources/db/migration/V1__baseline.sql': '-- baseline of the existing schema; no changes\n'}},
  {subject: 'Log request ids in the access log pattern', author: people.ben, at: '2023-10-10T08:05:00Z', files: {'src/main/resources/logback-spring.xml': '<configuration>\n  <property name="PATTERN" value="%d %5p [%X{requestId}] %logger : %m%n"/>\n</configuration>\n'}},
  {subject: 'Tune Hikari pool for smaller instances', author: people.dana, at: '2023-10-10T09:12:00Z', files: {'src/main/resources/application.yml': yml(4)}},
])
