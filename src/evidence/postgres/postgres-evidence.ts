import type {EvidenceItem} from '../../incident/evidence-item.js'
import type {PostgresDigest, PostgresSession} from './postgres-digest.js'

/**
 * Citable items from a diagnosis: `ev-db-<kind>-<n>` for connections, saturation, long queries,
 * lock waits, idle-in-transaction sessions and deadlocks. Query text in the digest is already
 * redacted; summaries quote at most a short excerpt of it.
 */
export function postgresEvidence(digest: PostgresDigest, longQueryMs: number): EvidenceItem[] {
  const items: EvidenceItem[] = []
  const add = (kind: string, summary: string, at: string | null, data: Record<string, unknown>) => {
    const n = items.filter((i) => i.kind === kind).length + 1
    items.push({id: `ev-db-${kind}-${n}`, source: 'postgres', kind, summary, at, ref: {url: digest.target}, data})
  }

  if (digest.unreachableReason === 'no-free-slots') {
    add('saturation', `PostgreSQL ${digest.target} refused the diagnostic connection: no free connection slots`, null, {
      reason: digest.unreachableReason,
    })
  }
  const connections = digest.connections
  if (connections !== null) {
    add(
      'connections',
      `${connections.total} of ${connections.usableConnections} usable connections in use (${percent(connections.ratio)}); ` +
        `${connections.active} active, ${connections.idleInTransaction} idle in transaction, ${connections.waitingOnLock} waiting on a lock`,
      digest.observedAt,
      {...connections},
    )
    if (connections.saturated) {
      add('saturation', `Connections at ${percent(connections.ratio)} of max_connections (${connections.total}/${connections.usableConnections} usable)`, digest.observedAt, {
        scope: 'server',
        count: connections.total,
        limit: connections.usableConnections,
      })
    }
    for (const [scope, rows] of [['role', connections.byRole], ['database', connections.byDatabase]] as const) {
      for (const row of rows.filter((r) => r.saturated)) {
        add('saturation', `${scope} ${row.name} uses ${row.count} of its ${row.limit} allowed connections (CONNECTION LIMIT)`, digest.observedAt, {
          scope,
          name: row.name,
          count: row.count,
          limit: row.limit,
        })
      }
    }
  }
  for (const session of digest.longQueries) {
    add('long-query', `Statement running ${seconds(session.queryMs)}${waiting(session)}: ${excerpt(session.query)}`, session.startedAt, {
      ...session,
      thresholdMs: longQueryMs,
    })
  }
  for (const wait of digest.lockWaits) {
    const blockers = wait.blockedBy.map((b) => `pid ${b.pid} (${b.state ?? 'unknown state'}${b.transactionMs === null ? '' : `, transaction open ${seconds(b.transactionMs)}`}): ${excerpt(b.query, 80)}`)
    const on = wait.relation === null ? wait.lockType : `${wait.lockType} on ${wait.relation}`
    add(
      'lock-wait',
      `pid ${wait.pid} waiting ${seconds(wait.waitingMs)} for ${wait.mode} (${on}): ${excerpt(wait.query, 80)}; blocked by ${blockers.join('; ') || 'an unknown session'}`,
      wait.startedAt,
      {...wait},
    )
  }
  for (const session of digest.idleInTransaction) {
    add('idle-in-transaction', `Session idle in transaction for ${seconds(session.stateMs)} (transaction open ${seconds(session.transactionMs)}); last statement: ${excerpt(session.query)}`, session.startedAt, {
      ...session,
    })
  }
  for (const row of digest.deadlocks) {
    add('deadlocks', `${row.count} deadlock(s) in database ${row.database}${row.since === null ? ' since the statistics were last reset' : ` since ${row.since}`}`, null, {...row})
  }
  return items
}

function waiting(session: PostgresSession): string {
  return session.waitEventType === null ? '' : ` (waiting on ${session.waitEventType}${session.waitEvent === null ? '' : `:${session.waitEvent}`})`
}

function excerpt(query: string, chars = 120): string {
  return query.length <= chars ? query : `${query.slice(0, chars - 1)}…`
}

function seconds(ms: number | null): string {
  return ms === null ? 'an unknown time' : `${(ms / 1000).toFixed(1)} s`
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`
}
