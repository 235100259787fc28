import {rng, every, writeEvents, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, pythonService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20231115)
const migrate = '2023-11-15T23:42:10Z'
const killed = '2023-11-16T00:03:30Z'
const blocked = (d) => minutesSince(d, migrate) >= 0 && minutesSince(d, killed) < 0
const pg = []
let wait = 0
every(r, '2023-11-15T22:30:00Z', '2023-11-16T00:45:00Z', 1000, (d) => {
  if (!blocked(d)) return null
  wait++
  if (wait === 2) {
    pg.push({t: d.getTime(), text: `${fmt.pg(d)} [81234] sentry@sentry LOG:  process 81234 still waiting for AccessExclusiveLock on relation 16790 of database 16401 after 1000.112 ms`})
    pg.push({t: d.getTime(), text: `${fmt.pg(d)} [81234] sentry@sentry DETAIL:  Process holding the lock: 77410. Wait queue: 81234.`})
    pg.push({t: d.getTime(), text: `${fmt.pg(d)} [81234] sentry@sentry STATEMENT:  ALTER TABLE "sentry_groupedmessage" ADD CONSTRAINT "sentry_groupedmessage_type_check" CHECK ("type" >= 0)`})
  } else if (wait > 2 && r.chance(0.8)) {
    const pid = r.int(81300, 89999)
    pg.push({t: d.getTime(), text: `${fmt.pg(d)} [${pid}] sentry@sentry LOG:  process ${pid} still waiting for AccessShareLock on relation 16790 of database 16401 after 1000.${r.int(100, 999)} ms`})
    pg.push({t: d.getTime(), text: `${fmt.pg(d)} [${pid}] sentry@sentry DETAIL:  Process holding the lock: 77410. Wait queue: 81234, ${Array.from({length: Math.min(8, 1 + Math.floor(wait / 30))}, () => r.int(81300, 89999)).join(', ')}.`})
  }
  if (minutesSince(d, migrate) > 6 && r.chance(0.5)) pg.push({t: d.getTime() + 1, text: `${fmt.pg(d)} [${r.int(90000, 99999)}] sentry@sentry FATAL:  remaining connection slots are reserved for non-replication superuser connections`})
  return null
})
pg.push({t: new Date(killed).getTime(), text: `${fmt.pg(new Date(killed))} [81234] sentry@sentry ERROR:  canceling statement due to user request`})
pg.push({t: new Date(killed).getTime(), text: `${fmt.pg(new Date(killed))} [81234] sentry@sentry STATEMENT:  ALTER TABLE "sentry_groupedmessage" ADD CONSTRAINT "sentry_groupedmessage_type_check" CHECK ("type" >= 0)`})
writeEvents(out(dir, 'logs/postgresql.log'), pg)
const web = every(r, '2023-11-15T22:30:00Z', '2023-11-16T00:45:00Z', 300, (d) => {
  const path = r.pick(['/api/0/organizations/acme/issues/', '/api/0/projects/acme/web/events/', '/api/0/issues/' + r.int(1e6, 9e6) + '/', '/api/0/organizations/acme/stats_v2/'])
  if (blocked(d)) {
    const late = minutesSince(d, migrate) > 6
    if (/issues/.test(path) || late) {
      return late && r.chance(0.6)
        ? [`${fmt.python(d)} ERROR django.request: Internal Server Error: ${path}`, 'Traceback (most recent call last):', '  File "/usr/local/lib/python3.8/site-packages/django/db/backends/base/base.py", line 219, in ensure_connection', '    self.connect()', 'psycopg2.OperationalError: FATAL:  remaining connection slots are reserved for non-replication superuser connections']
        : `${fmt.python(d)} WARNING sentry.api: GET ${path} 504 in 30000ms (upstream timeout; query waiting on lock)`
    }
  }
  return `${fmt.python(d)} INFO sentry.api: GET ${path} 200 in ${r.int(20, 300)}ms`
})
writeEvents(out(dir, 'logs/sentry-web.log'), web)
const base = pythonService('sentry')
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'sentry: service settings', author: people.ben, at: '2023-01-10T10:00:00Z', files: base},
  {subject: 'Add index on sentry_release (organization_id, date_added)', author: people.chen, at: '2023-11-08T14:00:00Z', files: {'src/sentry/migrations/0601_release_org_date_index.py': 'from sentry.new_migrations.migrations import CheckedMigration\n# AddIndexConcurrently; atomic = False\n'}},
  {subject: 'issues: return the priority field in the group serializer', author: people.fay, at: '2023-11-15T18:10:00Z', files: {'src/sentry/api/serializers/models/group.py': 'def serialize_priority(group):\n    return group.priority\n'}},
  {subject: 'Add check constraint on sentry_groupedmessage.type via RunSQL', author: people.eli, at: '2023-11-15T19:30:00Z', body: 'Uses migrations.RunSQL; no lock_timeout or statement_timeout set for the session.', files: {'src/sentry/migrations/0602_groupedmessage_type_check.py': 'from django.db import migrations\n\nclass Migration(migrations.Migration):\n    operations = [migrations.RunSQL(\'ALTER TABLE "sentry_groupedmessage" ADD CONSTRAINT "sentry_groupedmessage_type_check" CHECK ("type" >= 0)\')]\n'}},
  {subject: 'Bump sentry-arroyo from 2.14.19 to 2.14.20', author: people.bot, at: '2023-11-15T20:00:00Z', files: {'requirements.txt': 'Django==3.2.23\nsentry-arroyo==2.14.20\npsycopg2-binary==2.9.9\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2023-11-15T23:40:00Z', service: 'sentry', version: '23.11.15.3', sha: shaOf(repo, 'Bump sentry-arroyo from 2.14.19 to 2.14.20'), kind: 'deploy', description: 'sentry 23.11.15.3 (migrations 0602 applied by the deploy job)'},
])
