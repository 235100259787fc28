import pg from 'pg'
import type {z} from 'zod'

import {UsageError} from '../../errors/errors.js'
import type {EvidenceItem} from '../../incident/evidence-item.js'
import {redact} from '../../redact/redact.js'
import {SATURATED_RATIO} from '../metrics/saturation.js'
import {
  CONNECTION_COUNTS_SQL,
  CONNECTIONS_BY_DATABASE_SQL,
  CONNECTIONS_BY_ROLE_SQL,
  ConnectionCountsRowSchema,
  ConnectionLimitRowSchema,
  DEADLOCKS_SQL,
  DeadlockRowSchema,
  LockWaitRowSchema,
  lockWaitsSql,
  SESSIONS_SQL,
  SessionRowSchema,
  SETTINGS_SQL,
  SettingRowSchema,
  type SessionRow,
} from './diagnostic-queries.js'
import {maskDatabaseUrl, scrubDatabaseUrl} from './mask-database-url.js'
import {PostgresDigestSchema, type PostgresDigest, type PostgresSession} from './postgres-digest.js'
import {postgresEvidence} from './postgres-evidence.js'

export interface DiagnosePostgresOptions {
  statementTimeoutMs?: number
  connectTimeoutMs?: number
  /** An active statement running this long is a long-running query. */
  longQueryMs?: number
}

export interface DiagnosePostgresResult {
  digest: PostgresDigest
  items: EvidenceItem[]
  limitations: string[]
}

/** Query text kept per session before redaction; enough to recognise a statement. */
const QUERY_CHARS = 500

/**
 * A read-only look at a live PostgreSQL server: connection counts against max_connections (and
 * per-role / per-database limits), active and long-running statements, idle-in-transaction
 * sessions, lock waits with their blockers, and deadlock counters. A server that refuses, times
 * out or rejects the login is a limitation; the URL's credentials never leave this function.
 */
export async function diagnosePostgres(databaseUrl: string, options: DiagnosePostgresOptions = {}): Promise<DiagnosePostgresResult> {
  const statementTimeoutMs = options.statementTimeoutMs ?? 5000
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000
  const longQueryMs = options.longQueryMs ?? 30_000
  if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    throw new UsageError('--database-url must be a postgres:// or postgresql:// URL', {
      suggestions: ['Example: --database-url postgres://readonly@db.internal:5432/app'],
    })
  }
  const target = maskDatabaseUrl(databaseUrl)
  const limitations: string[] = []
  const digest: PostgresDigest = {
    schemaVersion: 1,
    target,
    reachable: false,
    unreachableReason: null,
    observedAt: null,
    serverVersion: null,
    settings: {},
    connections: null,
    activeQueries: [],
    longQueries: [],
    idleInTransaction: [],
    lockWaits: [],
    deadlocks: [],
  }

  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: connectTimeoutMs,
    // A server that accepted the connection and then stalls must not hang the incident.
    query_timeout: statementTimeoutMs + connectTimeoutMs,
    application_name: 'incident-response-diagnostics',
  })
  // A connection dropped between queries arrives as an 'error' event; the failing query reports it.
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (error) {
    const failure = connectFailure(error, databaseUrl)
    limitations.push(`PostgreSQL at ${target} could not be examined: ${failure.text}.`)
    await client.end().catch(() => {})
    const parsed = PostgresDigestSchema.parse({...digest, unreachableReason: failure.reason})
    return {digest: parsed, items: postgresEvidence(parsed, longQueryMs), limitations}
  }

  try {
    await client.query('SET default_transaction_read_only = on')
    await client.query(`SET statement_timeout = ${Math.max(1, Math.round(statementTimeoutMs))}`)
    digest.reachable = true
    const clean = (text: string | null) => redact(text ?? '').replace(/\s+/g, ' ').trim().slice(0, QUERY_CHARS)
    const section = async <T extends z.ZodType>(what: string, sql: string, schema: T, params: unknown[] = []): Promise<Array<z.infer<T>>> => {
      try {
        const {rows} = await client.query(sql, params)
        return rows.map((row) => schema.parse(row))
      } catch (error) {
        limitations.push(`PostgreSQL ${what} could not be read: ${scrubDatabaseUrl(describeError(error), databaseUrl)}.`)
        return []
      }
    }

    const settings = Object.fromEntries((await section('settings', SETTINGS_SQL, SettingRowSchema)).map((r) => [r.name, r.setting]))
    digest.settings = settings
    digest.serverVersion = settings.server_version ?? null
    const hasWaitStart = Number(settings.server_version_num ?? 0) >= 140000

    const [counts] = await section('connection counts', CONNECTION_COUNTS_SQL, ConnectionCountsRowSchema)
    const byDatabase = await section('connections per database', CONNECTIONS_BY_DATABASE_SQL, ConnectionLimitRowSchema)
    const byRole = await section('connections per role', CONNECTIONS_BY_ROLE_SQL, ConnectionLimitRowSchema)
    if (counts !== undefined) {
      digest.observedAt = counts.observedAt.toISOString()
      const maxConnections = Number(settings.max_connections ?? 0)
      const usableConnections = Math.max(1, maxConnections - Number(settings.superuser_reserved_connections ?? 0))
      const ratio = Number((counts.total / usableConnections).toFixed(4))
      const withLimit = (row: {name: string; count: number; limit: number}) => {
        const limit = row.limit >= 0 ? row.limit : null
        return {name: row.name, count: row.count, limit, saturated: limit !== null && row.count >= Math.max(1, limit * SATURATED_RATIO)}
      }
      const {observedAt: _observedAt, ...countsOnly} = counts
      digest.connections = {
        ...countsOnly,
        maxConnections,
        usableConnections,
        ratio,
        saturated: ratio >= SATURATED_RATIO,
        byDatabase: byDatabase.map(withLimit),
        byRole: byRole.map(withLimit),
      }
    }

    const sessions = (await section('sessions (pg_stat_activity)', SESSIONS_SQL, SessionRowSchema, [QUERY_CHARS * 2])).map((row) =>
      toSession(row, clean),
    )
    if (sessions.some((s) => s.query === '<insufficient privilege>')) {
      limitations.push(`The role used for ${target} cannot see other roles' query text (grant it pg_read_all_stats to see them).`)
    }
    digest.activeQueries = sessions.filter((s) => s.state === 'active')
    digest.longQueries = digest.activeQueries.filter((s) => (s.queryMs ?? 0) >= longQueryMs)
    digest.idleInTransaction = sessions.filter((s) => s.state?.startsWith('idle in transaction'))

    digest.lockWaits = (await section('lock waits (pg_locks)', lockWaitsSql(hasWaitStart), LockWaitRowSchema, [QUERY_CHARS * 2])).map((row) => ({
      ...row,
      startedAt: row.startedAt?.toISOString() ?? null,
      query: clean(row.query),
      blockedBy: row.blockedBy.map((b) => ({...b, query: clean(b.query)})),
    }))
    digest.deadlocks = (await section('deadlock counters (pg_stat_database)', DEADLOCKS_SQL, DeadlockRowSchema)).map((row) => ({
      ...row,
      since: row.since?.toISOString() ?? null,
    }))
  } catch (error) {
    limitations.push(`PostgreSQL at ${target} could not be examined fully: ${scrubDatabaseUrl(describeError(error), databaseUrl)}.`)
  } finally {
    await client.end().catch(() => {})
  }

  const parsed = PostgresDigestSchema.parse(digest)
  return {digest: parsed, items: postgresEvidence(parsed, longQueryMs), limitations}
}

function toSession(row: SessionRow, clean: (text: string | null) => string): PostgresSession {
  return {...row, startedAt: row.startedAt?.toISOString() ?? null, query: clean(row.query)}
}

/** One short reason for a failed connection, with no part of the URL in it. */
function connectFailure(error: unknown, databaseUrl: string): {reason: NonNullable<PostgresDigest['unreachableReason']>; text: string} {
  const code = (error as {code?: string}).code
  const message = scrubDatabaseUrl(describeError(error), databaseUrl)
  if (code === 'ECONNREFUSED') return {reason: 'refused', text: 'the connection was refused'}
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return {reason: 'dns', text: 'the host name does not resolve'}
  if (/timeout|timed out/i.test(message)) return {reason: 'timeout', text: 'the connection timed out'}
  if (code === '28P01' || code === '28000') return {reason: 'login-rejected', text: 'the login was rejected'}
  if (code === '3D000') return {reason: 'no-database', text: 'the database does not exist'}
  // 53300: too_many_connections, whether for the server, the database or the role.
  if (code === '53300') return {reason: 'no-free-slots', text: `the server has no free connection slots (${message})`}
  return {reason: 'other', text: message}
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as {code?: string}).code
    return code ? `${error.message} (${code})` : error.message
  }
  return String(error)
}
