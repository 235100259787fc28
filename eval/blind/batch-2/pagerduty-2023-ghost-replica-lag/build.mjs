import {rng, every, writeEvents, writePromRange, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20230211)
const migStart = '2023-02-10T16:30:00Z'
const decom = '2023-02-10T22:05:00Z'
const lagStart = '2023-02-11T04:51:00Z'
const stopped = '2023-02-11T06:30:00Z'
const lagging = (d) => minutesSince(d, lagStart) >= 0 && minutesSince(d, stopped) < 0
// Sawtooth: lag builds for a few minutes, then drains when the migration throttles for other reasons.
const lag = (d, phase = 0) => {
  if (!lagging(d)) return minutesSince(d, stopped) >= 0 && minutesSince(d, stopped) < 10 ? Math.max(0, 300 - minutesSince(d, stopped) * 40) : r() * 0.3
  const cyc = ((minutesSince(d, lagStart) + phase) % 9) / 9
  return cyc < 0.75 ? cyc / 0.75 * 480 : (1 - cyc) / 0.25 * 480
}
const ghTime = (d) => d.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '')
const total = 1480000000
const gh = []
gh.push({t: Date.parse(migStart), text: `${ghTime(new Date(migStart))} INFO starting gh-ost 1.1.5`})
gh.push({t: Date.parse(migStart) + 1000, text: `${ghTime(new Date(Date.parse(migStart) + 1000))} INFO Migrating \`pd_prod\`.\`incident_details\`; Ghost table is \`pd_prod\`.\`_incident_details_gho\``})
gh.push({t: Date.parse(migStart) + 2000, text: `${ghTime(new Date(Date.parse(migStart) + 2000))} INFO --throttle-control-replicas=db-05,db-07,db-09,db-11 --max-lag-millis=1500 --chunk-size=1000`})
for (let t = Date.parse(migStart) + 60000; t < Date.parse('2023-02-11T07:30:00Z'); t += 60000) {
  const d = new Date(t)
  const m = minutesSince(d, migStart)
  const copied = Math.min(total, Math.round(m * 205000 + r() * 5000))
  const pct = (copied / total * 100).toFixed(1)
  const stoppedNow = minutesSince(d, stopped) >= 0
  const throttledForLag = minutesSince(d, decom) < 10 && r.chance(0.15)
  const state = stoppedNow ? 'throttled, flag-file' : throttledForLag ? `throttled, lag=${(1.5 + r()).toFixed(3)}s` : lagging(d) && r.chance(0.2) ? 'throttled, commanded by user' : 'migrating'
  gh.push({t, text: `${ghTime(d)} Copy: ${copied}/${total} ${pct}%; Applied: ${Math.round(m * 310)}; Backlog: ${r.int(0, 40)}/1000; Time: ${Math.floor(m / 60)}h${Math.floor(m % 60)}m0s(total); streamer: mysql-bin.00${4211 + Math.floor(m / 180)}:${r.int(1e6, 9e8)}; Lag: ${minutesSince(d, decom) >= 9 ? '0.00s' : (r() * 0.4).toFixed(2) + 's'}, HeartbeatLag: ${(r() * 0.1).toFixed(2)}s, State: ${state}; ETA: ${Math.max(0, Math.round((total - copied) / 205000 / 60))}h`})
}
gh.push({t: Date.parse('2023-02-10T22:14:07Z'), text: '2023-02-10 22:14:07 ERROR Error reading replication lag from db-07.us-prod:3306: dial tcp 10.20.7.7:3306: connect: connection refused; ignoring replica in throttle check'})
gh.push({t: Date.parse(stopped) + 5000, text: `${ghTime(new Date(Date.parse(stopped) + 5000))} INFO Throttle flag file /tmp/ghost.throttle found: migration paused by operator`})
writeEvents(out(dir, 'logs/gh-ost.log'), gh)
const replicas = ['db-10', 'db-11', 'db-12', 'db-13', 'db-14', 'db-15', 'db-16']
writePromRange(out(dir, 'metrics/replica-lag.json'), '2023-02-10T12:00:00Z', '2023-02-11T08:00:00Z', 30000, [
  ...replicas.map((inst, i) => ({metric: {__name__: 'mysql_slave_status_seconds_behind_master', instance: `${inst}.us-prod:9104`, pool: 'incident-details'}, value: (d) => lag(d, i * 0.7)})),
  {metric: {__name__: 'mysql_slave_status_seconds_behind_master', instance: 'db-05.us-prod:9104', pool: 'default'}, value: () => r() * 0.3},
  {metric: {__name__: 'mysql_global_status_commands_total:rate1m', instance: 'db-01.us-prod:9104', command: 'insert'}, value: (d) => (minutesSince(d, migStart) >= 0 && minutesSince(d, stopped) < 0 ? 3400 + r() * 200 : 600 + r() * 80)},
])
const web = every(r, '2023-02-11T03:30:00Z', '2023-02-11T07:30:00Z', 1500, (d) => {
  const id = `Q${r.hex(12).toUpperCase()}`
  const replica = r.pick(replicas)
  if (lagging(d) && r.chance(0.35)) return JSON.stringify(r.chance(0.5)
    ? {time: fmt.iso(d), level: 'warn', msg: 'incident not found on replica; returned 404', incident: id, replica, path: `/incidents/${id}`, status: 404}
    : {time: fmt.iso(d), level: 'warn', msg: 'stale incident details served', incident: id, replica, row_version: r.int(3, 8), expected_version: r.int(9, 12), path: `/incidents/${id}/log_entries`, status: 200})
  return JSON.stringify({time: fmt.iso(d), level: 'info', msg: 'request completed', path: `/incidents/${id}`, status: 200, replica, duration_ms: r.int(8, 90)})
})
writeEvents(out(dir, 'logs/web.jsonl'), web)
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'incident_details: table for incident detail pages', author: people.ana, at: '2019-05-01T10:00:00Z', files: {'db/migrate/20190501100000_create_incident_details.rb': 'class CreateIncidentDetails < ActiveRecord::Migration[5.2]\n  def change\n    create_table :incident_details do |t|\n      t.string :incident_id, null: false\n      t.json :body\n      t.timestamps\n    end\n  end\nend\n', 'config/database.yml': 'production:\n  primary:\n    host: db-01.us-prod\n  incident_details_replicas:\n    pool: incident-details\n', 'README.md': '# incident-details\n'}},
  {subject: 'incident_details: add urgency_source column (gh-ost online migration)', author: people.chen, at: '2023-02-10T15:50:00Z', body: 'Runs through gh-ost: 1.48B rows, expected ~120h. Throttles on the incident-details replicas.', files: {'db/migrate/20230210155000_add_urgency_source_to_incident_details.rb': "class AddUrgencySourceToIncidentDetails < ActiveRecord::Migration[6.1]\n  # executed with gh-ost --alter=\"ADD COLUMN urgency_source varchar(32)\" (see ops/gh-ost.conf)\n  def change\n    add_column :incident_details, :urgency_source, :string, limit: 32\n  end\nend\n", 'ops/gh-ost.conf': 'throttle-control-replicas=db-05,db-07,db-09,db-11\nmax-lag-millis=1500\nchunk-size=1000\n'}},
  {subject: 'web: incident timeline filters', author: people.fay, at: '2023-02-11T01:30:00Z', files: {'app/javascript/timeline/filters.js': 'export const FILTERS = ["notes", "status", "assignments"]\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: migStart, service: 'incident-details', version: '2023.02.10-3', sha: shaOf(repo, 'incident_details: add urgency_source column (gh-ost online migration)'), kind: 'deploy', description: 'incident-details 2023.02.10-3 (starts gh-ost migration on incident_details)'},
  {time: decom, service: 'mysql-us-prod', version: '', sha: '', kind: 'config', description: 'mysql us-prod: decommission db-07 (hardware fault), remove from replica pools'},
  {time: '2023-02-11T02:00:00Z', service: 'web', version: '2023.02.11-1', sha: shaOf(repo, 'web: incident timeline filters'), kind: 'deploy', description: 'web 2023.02.11-1'},
])
