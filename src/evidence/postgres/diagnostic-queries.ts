import {z} from 'zod'

/**
 * The read-only catalog queries behind the diagnosis. Every duration is float8 milliseconds and
 * every count int4, so the driver hands back JS numbers; our own backend is always excluded.
 */

export const SETTINGS_SQL = `
  select name, setting from pg_settings
  where name in ('max_connections', 'superuser_reserved_connections', 'statement_timeout', 'lock_timeout',
                 'idle_in_transaction_session_timeout', 'deadlock_timeout', 'server_version', 'server_version_num')`
export const SettingRowSchema = z.object({name: z.string(), setting: z.string()})

const SESSION_COLUMNS = `
  a.pid, a.datname as database, nullif(a.application_name, '') as application, a.state,
  a.wait_event_type as "waitEventType", a.wait_event as "waitEvent",
  (extract(epoch from clock_timestamp() - a.query_start) * 1000)::float8 as "queryMs",
  (extract(epoch from clock_timestamp() - a.xact_start) * 1000)::float8 as "transactionMs",
  (extract(epoch from clock_timestamp() - a.state_change) * 1000)::float8 as "stateMs",
  a.query_start as "startedAt", left(a.query, $1::int) as query`

/** Client sessions doing or holding something (not plain idle), oldest statement first. */
export const SESSIONS_SQL = `
  select ${SESSION_COLUMNS}
  from pg_stat_activity a
  where a.pid <> pg_backend_pid() and a.backend_type = 'client backend' and a.state is distinct from 'idle'
  order by a.query_start nulls last
  limit 200`
export const SessionRowSchema = z.object({
  pid: z.number().int(),
  database: z.string().nullable(),
  application: z.string().nullable(),
  state: z.string().nullable(),
  waitEventType: z.string().nullable(),
  waitEvent: z.string().nullable(),
  queryMs: z.number().nullable(),
  transactionMs: z.number().nullable(),
  stateMs: z.number().nullable(),
  startedAt: z.date().nullable(),
  query: z.string().nullable(),
})
export type SessionRow = z.infer<typeof SessionRowSchema>

export const CONNECTION_COUNTS_SQL = `
  select count(*)::int as total,
         count(*) filter (where state = 'active')::int as active,
         count(*) filter (where state = 'idle')::int as idle,
         count(*) filter (where state like 'idle in transaction%')::int as "idleInTransaction",
         count(*) filter (where wait_event_type = 'Lock')::int as "waitingOnLock",
         clock_timestamp() as "observedAt"
  from pg_stat_activity
  where backend_type = 'client backend'`
export const ConnectionCountsRowSchema = z.object({
  total: z.number().int(),
  active: z.number().int(),
  idle: z.number().int(),
  idleInTransaction: z.number().int(),
  waitingOnLock: z.number().int(),
  observedAt: z.date(),
})

/** Connections per database and per role, with their own CONNECTION LIMIT (-1: none). */
export const CONNECTIONS_BY_DATABASE_SQL = `
  select d.datname as name, count(a.pid)::int as count, d.datconnlimit as "limit"
  from pg_database d left join pg_stat_activity a on a.datid = d.oid and a.backend_type = 'client backend'
  where d.datallowconn
  group by d.datname, d.datconnlimit
  having count(a.pid) > 0 or d.datconnlimit >= 0
  order by count(a.pid) desc
  limit 50`
export const CONNECTIONS_BY_ROLE_SQL = `
  select r.rolname as name, count(a.pid)::int as count, r.rolconnlimit as "limit"
  from pg_roles r left join pg_stat_activity a on a.usesysid = r.oid and a.backend_type = 'client backend'
  where r.rolcanlogin
  group by r.rolname, r.rolconnlimit
  having count(a.pid) > 0
  order by count(a.pid) desc
  limit 50`
export const ConnectionLimitRowSchema = z.object({name: z.string(), count: z.number().int(), limit: z.number().int()})

/**
 * Locks not granted, each with the sessions blocking it (pg_blocking_pids). `pg_locks.waitstart`
 * exists from PostgreSQL 14; before that the waiter's last state change stands in for it.
 */
export const lockWaitsSql = (hasWaitStart: boolean) => {
  const waitStart = hasWaitStart ? 'coalesce(l.waitstart, a.state_change)' : 'a.state_change'
  return `
  select l.pid, l.locktype as "lockType", l.mode,
         -- A row-lock waiter waits on the holder's transaction id; its granted tuple lock names the table.
         coalesce(l.relation, (select t.relation from pg_locks t where t.pid = l.pid and t.locktype = 'tuple' and t.granted limit 1))::regclass::text as relation,
         (extract(epoch from clock_timestamp() - ${waitStart}) * 1000)::float8 as "waitingMs",
         ${waitStart} as "startedAt",
         left(a.query, $1::int) as query,
         coalesce((
           select json_agg(json_build_object(
                    'pid', b.pid, 'state', b.state,
                    'transactionMs', (extract(epoch from clock_timestamp() - b.xact_start) * 1000)::float8,
                    'query', left(b.query, $1::int)) order by b.pid)
           from pg_stat_activity b where b.pid = any(pg_blocking_pids(l.pid))
         ), '[]'::json) as "blockedBy"
  from pg_locks l join pg_stat_activity a on a.pid = l.pid
  where not l.granted and l.pid <> pg_backend_pid()
  order by "waitingMs" desc nulls last
  limit 50`
}
export const LockWaitRowSchema = z.object({
  pid: z.number().int(),
  lockType: z.string(),
  mode: z.string(),
  relation: z.string().nullable(),
  waitingMs: z.number().nullable(),
  startedAt: z.date().nullable(),
  query: z.string().nullable(),
  blockedBy: z.array(z.object({pid: z.number().int(), state: z.string().nullable(), transactionMs: z.number().nullable(), query: z.string().nullable()})),
})
export type LockWaitRow = z.infer<typeof LockWaitRowSchema>

export const DEADLOCKS_SQL = `
  select datname as database, deadlocks::int as count, stats_reset as since
  from pg_stat_database
  where datname is not null and deadlocks > 0
  order by deadlocks desc`
export const DeadlockRowSchema = z.object({database: z.string(), count: z.number().int(), since: z.date().nullable()})
