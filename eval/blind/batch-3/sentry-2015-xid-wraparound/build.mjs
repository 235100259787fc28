import {rng, every, writeEvents, writePromRange, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, pythonService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20150720)
const stop = '2015-07-20T13:48:00Z'
const LIMIT = 2 ** 31 - 1000000 // xidStopLimit: 1M transactions before wraparound
// XID age of the sentry database: grows with write volume; autovacuum on the largest tables cannot
// finish in time, so the age crosses the warning limit (~11M left) and then the stop limit.
const age = (d) => Math.min(LIMIT, LIMIT - 11000000 + (d.getTime() - new Date('2015-07-20T12:40:00Z').getTime()) / 1000 * 2500)
const stopped = (d) => minutesSince(d, stop) >= 0
const pg = []
let pid = 21400
every(r, '2015-07-20T11:30:00Z', '2015-07-20T16:30:00Z', 2500, (d) => {
  pid++
  const left = 2 ** 31 - age(d)
  if (stopped(d)) {
    pg.push({t: d.getTime(), text: `${fmt.pg(d)} [${pid}] sentry@sentry ERROR:  database is not accepting commands to avoid wraparound data loss in database "sentry"`})
    pg.push({t: d.getTime(), text: `${fmt.pg(d)} [${pid}] sentry@sentry HINT:  Stop the postmaster and vacuum that database in single-user mode.\n\tYou might also need to commit or roll back old prepared transactions.`})
    pg.push({t: d.getTime(), text: `${fmt.pg(d)} [${pid}] sentry@sentry STATEMENT:  INSERT INTO "sentry_message" ("message", "datetime", "data", "group_id", "message_id", "project_id", "time_spent", "platform") VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING "sentry_message"."id"`})
  } else if (left < 11000000 && r.chance(0.5)) {
    pg.push({t: d.getTime(), text: `${fmt.pg(d)} [${pid}] sentry@sentry WARNING:  database "sentry" must be vacuumed within ${Math.round(left)} transactions`})
    pg.push({t: d.getTime(), text: `${fmt.pg(d)} [${pid}] sentry@sentry HINT:  To avoid a database shutdown, execute a database-wide VACUUM in that database.\n\tYou might also need to commit or roll back old prepared transactions.`})
  }
  return null
})
// Anti-wraparound vacuum finishes on the small tables only; the largest one never completes in time.
every(r, '2015-07-20T11:30:00Z', '2015-07-20T16:30:00Z', 10 * 60000, (d, i) => {
  const table = r.pick(['sentry_groupedmessage', 'sentry_activity', 'sentry_eventuser', 'sentry_grouptagvalue'])
  pg.push({t: d.getTime(), text: `${fmt.pg(d)} [${18000 + i}] LOG:  automatic aggressive vacuum to prevent wraparound of table "sentry.public.${table}": index scans: 1\n\tpages: 0 removed, ${r.int(200000, 900000)} remain, 0 skipped due to pins\n\tsystem usage: CPU 3.10s/20.22u sec elapsed ${r.int(200, 560)}.01 sec`})
  return null
})
writeEvents(out(dir, 'logs/postgresql.log'), pg)
const app = every(r, '2015-07-20T11:30:00Z', '2015-07-20T16:30:00Z', 1500, (d) => {
  const proj = r.int(1, 90000)
  if (stopped(d) && r.chance(0.9)) {
    return [
      `${fmt.python(d)} ERROR sentry.coreapi: Unable to save event for project ${proj}`,
      'Traceback (most recent call last):',
      '  File "/usr/lib/python2.7/site-packages/sentry/tasks/store.py", line 83, in save_event',
      '    manager.save(project, data)',
      '  File "/usr/lib/python2.7/site-packages/django/db/backends/util.py", line 53, in execute',
      '    return self.cursor.execute(sql, params)',
      'OperationalError: database is not accepting commands to avoid wraparound data loss in database "sentry"',
      'HINT:  Stop the postmaster and vacuum that database in single-user mode.',
    ]
  }
  return `${fmt.python(d)} INFO sentry.coreapi: Stored event ${r.hex(32)} for project ${proj} in ${r.int(8, 60)}ms`
})
writeEvents(out(dir, 'logs/sentry-workers.log'), app)
writePromRange(out(dir, 'metrics/pg.json'), '2015-07-20T11:30:00Z', '2015-07-20T16:30:00Z', 60000, [
  {metric: {__name__: 'pg_database_xid_age', datname: 'sentry'}, value: (d) => age(d)},
  {metric: {__name__: 'pg_stat_activity_count', datname: 'sentry', state: 'active'}, value: (d) => (stopped(d) ? 12 : 60 + r() * 20)},
  {metric: {__name__: 'node_filesystem_avail_ratio', mountpoint: '/var/lib/postgresql'}, value: () => 0.34},
])
const base = pythonService('sentry')
buildRepo(out(dir, 'repo'), [
  {subject: 'sentry: hosted deployment settings', author: people.ben, at: '2014-11-03T10:00:00Z', files: base},
  {subject: 'Add index on sentry_eventuser (project_id, hash)', author: people.chen, at: '2015-07-19T16:20:00Z', body: 'South migration 0182; built CONCURRENTLY, 14 min on production.', files: {'sentry/south_migrations/0182_auto__add_index_eventuser_project_hash.py': 'def forwards(self, orm):\n    db.execute("CREATE INDEX CONCURRENTLY sentry_eventuser_project_id_hash ON sentry_eventuser (project_id, hash)")\n'}},
  {subject: 'stream: collapse duplicate activity rows', author: people.fay, at: '2015-07-20T10:05:00Z', files: {'sentry/stream.py': 'def collapse(rows):\n    seen = set()\n    return [r for r in rows if not (r.id in seen or seen.add(r.id))]\n'}},
  {subject: 'ops: autovacuum settings for sentry_message after the outage', author: people.dana, at: '2015-07-21T09:00:00Z', files: {'ops/postgresql.conf.d/autovacuum.conf': 'autovacuum_vacuum_cost_limit = 2000\nautovacuum_max_workers = 6\n'}},
])
