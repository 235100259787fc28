import {rng, every, writeEvents, writePromRange, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20190314)
const onset = '2019-03-13T17:00:00Z'
const hot = (d) => minutesSince(d, onset) >= 0
const pg = every(r, '2019-03-13T16:00:00Z', '2019-03-13T18:30:00Z', 3000, (d) => {
  const pid = r.int(20000, 40000)
  if (!hot(d)) return r.chance(0.1) ? `${fmt.pg(d)} [${pid}] LOG:  checkpoint complete: wrote ${r.int(2000, 9000)} buffers (0.4%); 0 WAL file(s) added, 0 removed, 12 recycled; write=26.9 s, sync=0.101 s, total=27.1 s` : `${fmt.pg(d)} [${pid}] LOG:  duration: ${r.int(1000, 1900)}.${r.int(100, 999)} ms  statement: SELECT "jobs".* FROM "jobs" WHERE "jobs"."state" = 'scheduled' LIMIT 100`
  const k = r()
  if (k < 0.45) return [`${fmt.pg(d)} [${pid}] LOG:  temporary file: path "base/pgsql_tmp/pgsql_tmp${pid}.${r.int(0, 9)}", size ${r.int(200, 1900) * 1048576}`, `${fmt.pg(d)} [${pid}] STATEMENT:  SELECT builds.* FROM builds INNER JOIN jobs ON jobs.build_id = builds.id WHERE builds.organization_id = $1 ORDER BY builds.created_at DESC`]
  if (k < 0.6) return `${fmt.pg(d)} [${pid}] LOG:  checkpoints are occurring too frequently (${r.int(6, 14)} seconds apart)`
  if (k < 0.62) return `${fmt.pg(d)} [${pid}] HINT:  Consider increasing the configuration parameter "max_wal_size".`
  if (k < 0.8) return `${fmt.pg(d)} [${pid}] ERROR:  canceling statement due to statement timeout`
  return `${fmt.pg(d)} [${pid}] LOG:  duration: ${r.int(8000, 30000)}.${r.int(100, 999)} ms  statement: UPDATE "jobs" SET "state" = 'assigned', "agent_id" = $1 WHERE "jobs"."id" = $2`
})
writeEvents(out(dir, 'logs/postgresql.log'), pg)
const rails = every(r, '2019-03-13T16:00:00Z', '2019-03-13T18:30:00Z', 600, (d) => {
  const id = r.hex(8)
  if (hot(d) && r.chance(0.4)) return `${fmt.iso(d)} E, [${fmt.iso(d).slice(0, 19)}.${r.int(100000, 999999)} #${r.int(10, 99)}] ERROR -- : [${id}] ActiveRecord::QueryCanceled (PG::QueryCanceled: ERROR:  canceling statement due to statement timeout): app/controllers/agent_api/jobs_controller.rb:41:in \`accept'`
  return `${fmt.iso(d)} I, [${fmt.iso(d).slice(0, 19)}.${r.int(100000, 999999)} #${r.int(10, 99)}]  INFO -- : [${id}] Completed 200 OK in ${hot(d) ? r.int(2000, 9000) : r.int(30, 200)}ms (ActiveRecord: ${hot(d) ? r.int(1800, 8800) : r.int(10, 150)}.0ms)`
})
writeEvents(out(dir, 'logs/rails.log'), rails)
writePromRange(out(dir, 'metrics/db-write-latency.json'), '2019-03-13T16:00:00Z', '2019-03-13T18:30:00Z', 60000, [
  {metric: {__name__: 'aws_rds_write_latency_average', dbinstance_identifier: 'main-primary'}, value: (d) => (hot(d) ? 0.09 + r() * 0.05 : 0.002 + r() * 0.001)},
  {metric: {__name__: 'pg_stat_database_temp_bytes_rate', datname: 'buildkite'}, value: (d) => (hot(d) ? 4e8 + r() * 2e8 : 1e6 + r() * 1e6)},
  {metric: {__name__: 'agent_api_http_5xx_ratio', service: 'agent-api'}, value: (d) => (hot(d) ? 0.2 + r() * 0.1 : 0.001)},
])
buildRepo(out(dir, 'repo'), [
  {subject: 'Agent API: accept endpoint', author: people.ana, at: '2019-01-10T10:00:00Z', files: {'app/controllers/agent_api/jobs_controller.rb': 'module AgentApi\n  class JobsController < BaseController\n    def accept\n      job = Job.scheduled.find(params[:id])\n      job.assign!(current_agent)\n      render json: job\n    end\n  end\nend\n', 'config/database.yml': 'production:\n  adapter: postgresql\n  pool: 30\n  variables:\n    statement_timeout: 15s\n'}},
  {subject: 'README: local setup with docker compose', author: people.ben, at: '2019-03-13T09:10:00Z', files: {'README.md': '# buildkite\n\n`docker compose up` then `bin/setup`.\n'}},
  {subject: 'Reword pipeline settings help text', author: people.fay, at: '2019-03-13T14:45:00Z', files: {'app/views/pipelines/settings.html.erb': '<p class="help">Choose which branches build automatically.</p>\n'}},
  {subject: 'Add index on builds(organization_id, created_at)', author: people.chen, at: '2019-03-13T19:30:00Z', files: {'db/migrate/20190313193000_add_builds_org_created_index.rb': 'class AddBuildsOrgCreatedIndex < ActiveRecord::Migration[5.2]\n  disable_ddl_transaction!\n  def change\n    add_index :builds, [:organization_id, :created_at], algorithm: :concurrently\n  end\nend\n'}},
])
