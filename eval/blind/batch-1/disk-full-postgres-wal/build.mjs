import {rng, every, at, writeEvents, writeCsvMetrics, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, goService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240203)
const full = '2024-02-03T04:11:37Z'
const t = (s) => new Date(s)
const pg = [
  ...every(r, '2024-02-03T03:00:00Z', '2024-02-03T04:11:00Z', 60000, (d) => `${fmt.pg(d)} [${r.int(1000, 9000)}] LOG:  checkpoint complete: wrote ${r.int(1000, 5000)} buffers (1.2%); 0 WAL file(s) added, 0 removed, 0 recycled; write=${r.int(20, 29)}.${r.int(100, 999)} s`),
  ...every(r, '2024-02-03T03:30:00Z', '2024-02-03T04:11:00Z', 300000, (d) => `${fmt.pg(d)} [2211] WARNING:  replication slot "replica_old" is inactive and retains ${r.int(380, 420)} GB of WAL`),
  at(full, `${fmt.pg(t(full))} [4821] PANIC:  could not write to file "pg_wal/xlogtemp.4821": No space left on device`),
  at('2024-02-03T04:11:37.5Z', `${fmt.pg(t('2024-02-03T04:11:37.5Z'))} [1] LOG:  WAL writer process (PID 4821) was terminated by signal 6: Aborted`),
  at('2024-02-03T04:11:37.6Z', `${fmt.pg(t('2024-02-03T04:11:37.6Z'))} [1] LOG:  terminating any other active server processes`),
  at('2024-02-03T04:11:39Z', `${fmt.pg(t('2024-02-03T04:11:39Z'))} [1] LOG:  all server processes terminated; reinitializing`),
  at('2024-02-03T04:11:40Z', `${fmt.pg(t('2024-02-03T04:11:40Z'))} [5012] LOG:  database system was interrupted; last known up at 2024-02-03 04:10:58 UTC`),
  at('2024-02-03T04:11:41Z', `${fmt.pg(t('2024-02-03T04:11:41Z'))} [5012] FATAL:  could not write to file "pg_wal/xlogtemp.5012": No space left on device`),
  ...every(r, '2024-02-03T04:11:42Z', '2024-02-03T04:40:00Z', 20000, (d) => `${fmt.pg(d)} [${r.int(5000, 9000)}] FATAL:  the database system is in recovery mode`),
]
writeEvents(out(dir, 'logs/postgresql.log'), pg)
const app = every(r, '2024-02-03T03:00:00Z', '2024-02-03T04:40:00Z', 1500, (d) => minutesSince(d, full) < 0
  ? `${fmt.iso(d)} level=info msg="posted entry" account=${r.int(1e5, 9e5)} duration_ms=${r.int(3, 20)}`
  : `${fmt.iso(d)} level=error msg="post entry failed" err="${r.pick(['FATAL: the database system is in recovery mode (SQLSTATE 57P03)', 'failed to connect to `host=ledger-db user=ledger database=ledger`: dial error (dial tcp 10.0.4.12:5432: connect: connection refused)'])}"`)
writeEvents(out(dir, 'logs/app.log'), app)
writeCsvMetrics(out(dir, 'metrics/disk.csv'), '2024-01-31T00:00:00Z', '2024-02-03T04:40:00Z', 1800000, {
  node_filesystem_used_ratio_pgdata: (d) => Math.min(1, 0.52 + Math.max(0, minutesSince(d, '2024-01-31T00:00:00Z')) / 9500),
  pg_wal_size_gb: (d) => Math.min(419, 8 + Math.max(0, minutesSince(d, '2024-01-31T00:00:00Z')) / 11),
  pg_up: (d) => (minutesSince(d, full) < 0 ? 1 : 0),
})
buildRepo(out(dir, 'repo'), [
  {subject: 'ledger: double-entry posting service', author: people.ana, at: '2023-09-01T10:00:00Z', files: {...goService('example.com/ledger'), 'internal/post/post.go': 'package post\n\n// Post writes both legs in one transaction.\nfunc Post(e Entry) error { return tx(e) }\n', 'internal/report/daily.sql': 'SELECT account, sum(amount) FROM entries GROUP BY account;\n'}},
  {subject: 'docs: replica decommissioning checklist', author: people.ben, at: '2024-01-30T11:00:00Z', files: {'docs/replicas.md': '# Decommission a replica\n\n1. Stop the replica\n2. Remove it from DNS\n'}},
  {subject: 'Daily report: order accounts by balance', author: people.fay, at: '2024-02-02T16:00:00Z', files: {'internal/report/daily.sql': 'SELECT account, sum(amount) AS balance FROM entries GROUP BY account ORDER BY balance DESC;\n'}},
  {subject: 'Alert when a replication slot retains more than 50 GB', author: people.chen, at: '2024-02-03T07:30:00Z', files: {'ops/alerts/pg.yaml': '- alert: ReplicationSlotRetainsWAL\n  expr: pg_replication_slot_wal_retained_bytes > 50e9\n'}},
])
