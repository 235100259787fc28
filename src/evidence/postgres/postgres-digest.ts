import {z} from 'zod'

const SessionSchema = z.object({
  pid: z.number().int(),
  database: z.string().nullable(),
  application: z.string().nullable(),
  state: z.string().nullable(),
  waitEventType: z.string().nullable(),
  waitEvent: z.string().nullable(),
  /** Since the current (or last) statement started. */
  queryMs: z.number().nullable(),
  /** Since the transaction started; null outside a transaction. */
  transactionMs: z.number().nullable(),
  /** Since the session entered its current state (how long it has been idle in transaction). */
  stateMs: z.number().nullable(),
  startedAt: z.iso.datetime({offset: true}).nullable(),
  /** Redacted and truncated. */
  query: z.string(),
})
export type PostgresSession = z.infer<typeof SessionSchema>

const LockWaitSchema = z.object({
  pid: z.number().int(),
  lockType: z.string(),
  mode: z.string(),
  relation: z.string().nullable(),
  waitingMs: z.number().nullable(),
  startedAt: z.iso.datetime({offset: true}).nullable(),
  query: z.string(),
  blockedBy: z.array(
    z.object({
      pid: z.number().int(),
      state: z.string().nullable(),
      transactionMs: z.number().nullable(),
      query: z.string(),
    }),
  ),
})
export type PostgresLockWait = z.infer<typeof LockWaitSchema>

const ConnectionLimitSchema = z.object({
  name: z.string(),
  count: z.number().int(),
  /** Null: no limit of its own (only max_connections applies). */
  limit: z.number().int().nullable(),
  saturated: z.boolean(),
})

/** Saved as `evidence/postgres.json`. The target is masked: no user, password or parameters. */
export const PostgresDigestSchema = z.object({
  schemaVersion: z.literal(1),
  target: z.string(),
  reachable: z.boolean(),
  /** Why the diagnosis could not connect; `no-free-slots` is itself evidence of saturation. */
  unreachableReason: z.enum(['refused', 'dns', 'timeout', 'login-rejected', 'no-database', 'no-free-slots', 'other']).nullable(),
  observedAt: z.iso.datetime({offset: true}).nullable(),
  serverVersion: z.string().nullable(),
  settings: z.record(z.string(), z.string()),
  connections: z
    .object({
      total: z.number().int(),
      active: z.number().int(),
      idle: z.number().int(),
      idleInTransaction: z.number().int(),
      waitingOnLock: z.number().int(),
      maxConnections: z.number().int(),
      /** max_connections minus the slots reserved for superusers. */
      usableConnections: z.number().int(),
      ratio: z.number(),
      saturated: z.boolean(),
      byDatabase: z.array(ConnectionLimitSchema),
      byRole: z.array(ConnectionLimitSchema),
    })
    .nullable(),
  activeQueries: z.array(SessionSchema),
  longQueries: z.array(SessionSchema),
  idleInTransaction: z.array(SessionSchema),
  lockWaits: z.array(LockWaitSchema),
  deadlocks: z.array(z.object({database: z.string(), count: z.number().int(), since: z.iso.datetime({offset: true}).nullable()})),
})
export type PostgresDigest = z.infer<typeof PostgresDigestSchema>
