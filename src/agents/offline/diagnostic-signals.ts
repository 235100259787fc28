import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import type {HealthProbe} from '../../evidence/health/health-digest.js'
import {healthEvidenceId} from '../../incident/evidence-item.js'

/** What the live PostgreSQL diagnosis adds: saturation, lock waits, idle-in-transaction sessions. */
export interface DatabaseDiagnosis {
  saturated: boolean
  lockWaits: number
  idleInTransaction: number
  longQueries: number
  /** The diagnosis could not connect at all. */
  unreachable: string | null
  evidenceIds: string[]
  facts: string[]
}

export interface FailingProbe {
  probe: HealthProbe
  evidenceId: string
}

/** Lock waits below this are ordinary contention. */
const MANY_LOCK_WAITS = 3

export function databaseDiagnosis(bundle: EvidenceBundle): DatabaseDiagnosis | null {
  const pg = bundle.postgres
  if (!pg) return null
  const items = bundle.items.filter((item) => item.source === 'postgres')
  const ids = (kinds: string[]) => items.filter((item) => kinds.includes(item.kind)).map((item) => item.id)
  const saturated = pg.unreachableReason === 'no-free-slots' || pg.connections?.saturated === true
  const facts = [
    ...(pg.connections ? [`${pg.connections.total} of ${pg.connections.usableConnections} usable connections in use, ${pg.connections.waitingOnLock} waiting on a lock`] : []),
    ...(pg.unreachableReason ? [`the diagnostic connection failed (${pg.unreachableReason})`] : []),
    ...(pg.lockWaits.length > 0 ? [`${pg.lockWaits.length} session(s) waiting on locks`] : []),
    ...(pg.idleInTransaction.length > 0 ? [`${pg.idleInTransaction.length} session(s) idle in transaction`] : []),
    ...(pg.longQueries.length > 0 ? [`${pg.longQueries.length} long-running statement(s)`] : []),
  ]
  return {
    saturated,
    lockWaits: pg.lockWaits.length,
    idleInTransaction: pg.idleInTransaction.length,
    longQueries: pg.longQueries.length,
    unreachable: pg.reachable ? null : pg.unreachableReason,
    evidenceIds: [...ids(['saturation']), ...ids(['lock-wait']).slice(0, 3), ...ids(['connections', 'idle-in-transaction', 'long-query']).slice(0, 2)],
    facts,
  }
}

export function isDatabaseUnderPressure(diagnosis: DatabaseDiagnosis | null): boolean {
  return diagnosis !== null && (diagnosis.saturated || diagnosis.lockWaits >= MANY_LOCK_WAITS)
}

export function failingProbes(bundle: EvidenceBundle): FailingProbe[] {
  const probes = bundle.health?.probes ?? []
  return probes.flatMap((probe, index) => (probe.ok ? [] : [{probe, evidenceId: healthEvidenceId(index + 1)}]))
}
