import {createServer, type Server, type Socket} from 'node:net'
import {randomBytes} from 'node:crypto'

import pg from 'pg'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {UsageError} from '../../../src/errors/errors.js'
import {EvidenceItemSchema} from '../../../src/incident/evidence-item.js'
import {diagnosePostgres} from '../../../src/evidence/postgres/diagnose-postgres.js'
import {maskDatabaseUrl, scrubDatabaseUrl} from '../../../src/evidence/postgres/mask-database-url.js'
import {PostgresDigestSchema} from '../../../src/evidence/postgres/postgres-digest.js'
import {describeNeeding, postgresMissing} from '../../support/needs-service.js'

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres'
const suffix = randomBytes(4).toString('hex')
const database = `ir_diag_${suffix}`
const role = `ir_diag_role_${suffix}`
const ROLE_LIMIT = 3
const databaseUrl = `postgres://postgres:not-a-real-secret@127.0.0.1:5432/${database}?application_name=x`

const clients: pg.Client[] = []
async function connect(user = 'postgres'): Promise<pg.Client> {
  const client = new pg.Client({connectionString: `postgres://${user}@127.0.0.1:5432/${database}`})
  client.on('error', () => {})
  await client.connect()
  clients.push(client)
  return client
}

/** Re-queries until `check` holds: the server's own state is the event awaited, not a fixed delay. */
async function until<T>(query: () => Promise<T>, check: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const value = await query()
    if (check(value)) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
  }
}

describeNeeding(await postgresMissing(), 'diagnosePostgres against the real server', () => {
  const admin = new pg.Client({connectionString: ADMIN_URL})
  let blockedPid = 0
  let holderPid = 0
  let result: Awaited<ReturnType<typeof diagnosePostgres>>

  beforeAll(async () => {
    await admin.connect()
    await admin.query(`CREATE DATABASE ${database}`)
    await admin.query(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT ${ROLE_LIMIT}`)
    const setup = await connect()
    await setup.query(`CREATE TABLE refunds (id int PRIMARY KEY, amount int);
                       INSERT INTO refunds VALUES (1, 10), (2, 20);
                       CREATE TABLE pair (id int PRIMARY KEY); INSERT INTO pair VALUES (1), (2);
                       GRANT SELECT ON refunds TO ${role}`)

    // A deadlock: two transactions each lock one row, then want the other's.
    const [d1, d2] = [await connect(), await connect()]
    await d1.query('BEGIN; UPDATE pair SET id = id WHERE id = 1')
    await d2.query('BEGIN; UPDATE pair SET id = id WHERE id = 2')
    const d1Wait = await d1.query('SELECT pg_backend_pid() AS pid')
    const second = d1.query('UPDATE pair SET id = id WHERE id = 2')
    await until(() => admin.query('SELECT cardinality(pg_blocking_pids($1)) AS n', [d1Wait.rows[0].pid]), (r) => r.rows[0].n > 0, 'the first deadlock waiter')
    const settled = await Promise.allSettled([second, d2.query('UPDATE pair SET id = id WHERE id = 1')])
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(1)
    await Promise.all([d1.end(), d2.end()])
    await until(
      () => admin.query('SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = $1', [database]),
      (r) => r.rows[0].n > 0,
      'the deadlock counter',
    )

    // A lock wait: the holder keeps a row lock in an open transaction, the waiter blocks on it.
    const holder = await connect()
    const waiter = await connect()
    holderPid = (await holder.query('SELECT pg_backend_pid() AS pid')).rows[0].pid
    blockedPid = (await waiter.query('SELECT pg_backend_pid() AS pid')).rows[0].pid
    await holder.query(`BEGIN; UPDATE refunds SET amount = 11 WHERE id = 1`)
    waiter.query(`UPDATE refunds SET amount = 12 WHERE id = 1 /* password=hunter2-should-vanish */`).catch(() => {})
    await until(
      () => admin.query(`SELECT (extract(epoch from clock_timestamp() - query_start) * 1000)::float8 AS ms, cardinality(pg_blocking_pids(pid)) AS n FROM pg_stat_activity WHERE pid = $1`, [blockedPid]),
      (r) => r.rows[0]?.n > 0 && r.rows[0].ms > 300,
      'the blocked update',
    )

    // Saturation without touching max_connections: the role's own CONNECTION LIMIT is used up.
    for (let i = 0; i < ROLE_LIMIT; i++) await connect(role)

    result = await diagnosePostgres(databaseUrl, {longQueryMs: 250})
  })

  afterAll(async () => {
    await Promise.allSettled(clients.map((c) => c.end()))
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await admin.query(`DROP ROLE IF EXISTS ${role}`)
    await admin.end()
  })

  it('produces a valid digest and items, with no limitations', () => {
    expect(result.limitations).toEqual([])
    expect(PostgresDigestSchema.parse(JSON.parse(JSON.stringify(result.digest)))).toEqual(result.digest)
    expect(result.items.length).toBeGreaterThan(0)
    for (const item of result.items) EvidenceItemSchema.parse(item)
    expect(result.digest).toMatchObject({reachable: true, target: `postgres://127.0.0.1:5432/${database}`})
    expect(result.digest.serverVersion).toMatch(/^\d+/)
  })

  it('reports the lock wait with its blocker', () => {
    const wait = result.digest.lockWaits.find((w) => w.pid === blockedPid)
    expect(wait).toMatchObject({lockType: 'transactionid', mode: 'ShareLock', relation: 'refunds', blockedBy: [{pid: holderPid, state: 'idle in transaction'}]})
    expect(wait!.query).toContain('UPDATE refunds SET amount = 12')
    expect(wait!.blockedBy[0].query).toContain('UPDATE refunds SET amount = 11')
    expect(wait!.waitingMs).toBeGreaterThan(300)
    const item = result.items.find((i) => i.kind === 'lock-wait')!
    expect(item.id).toBe('ev-db-lock-wait-1')
    expect(item.summary).toContain('for ShareLock (transactionid on refunds)')
    expect(item.summary).toContain(`blocked by pid ${holderPid} (idle in transaction`)
  })

  it('reports long-running statements and idle-in-transaction sessions', () => {
    expect(result.digest.longQueries.map((q) => q.pid)).toContain(blockedPid)
    expect(result.digest.longQueries.find((q) => q.pid === blockedPid)).toMatchObject({waitEventType: 'Lock', state: 'active'})
    expect(result.digest.idleInTransaction.map((s) => s.pid)).toContain(holderPid)
    expect(result.items.map((i) => i.id)).toEqual(expect.arrayContaining(['ev-db-long-query-1', 'ev-db-idle-in-transaction-1']))
  })

  it('reports connection counts and the role at its connection limit', () => {
    const connections = result.digest.connections!
    expect(connections.maxConnections).toBeGreaterThan(0)
    expect(connections.idleInTransaction).toBeGreaterThanOrEqual(1)
    expect(connections.waitingOnLock).toBeGreaterThanOrEqual(1)
    expect(connections.byRole.find((r) => r.name === role)).toEqual({name: role, count: ROLE_LIMIT, limit: ROLE_LIMIT, saturated: true})
    const saturation = result.items.find((i) => i.kind === 'saturation' && i.data.name === role)
    expect(saturation?.summary).toBe(`role ${role} uses ${ROLE_LIMIT} of its ${ROLE_LIMIT} allowed connections (CONNECTION LIMIT)`)
  })

  it('reports deadlocks', () => {
    expect(result.digest.deadlocks.find((d) => d.database === database)?.count).toBeGreaterThanOrEqual(1)
    expect(result.items.some((i) => i.kind === 'deadlocks' && i.summary.includes(database))).toBe(true)
  })

  it('excludes its own session, redacts query text and never carries the credentials', () => {
    const all = JSON.stringify(result)
    expect(all).not.toContain('incident-response-diagnostics')
    expect(all).not.toContain('hunter2-should-vanish')
    expect(all).not.toContain('not-a-real-secret')
    expect(all).not.toContain('application_name=x')
  })

  it('stays read-only', async () => {
    const probe = new pg.Client({connectionString: `postgres://postgres@127.0.0.1:5432/${database}`})
    await probe.connect()
    try {
      // The same settings the diagnosis applies: any write fails.
      await probe.query('SET default_transaction_read_only = on')
      await expect(probe.query('INSERT INTO refunds VALUES (3, 30)')).rejects.toThrow(/read-only transaction/)
    } finally {
      await probe.end()
    }
  })
})

describe('diagnosePostgres when the server cannot be examined', () => {
  const sockets: Socket[] = []
  let silent: Server

  beforeAll(async () => {
    silent = createServer((socket) => sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => silent.close(resolve))
  })

  it('turns a refused connection into a limitation without the credentials', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const {port} = closed.address() as {port: number}
    await new Promise((resolve) => closed.close(resolve))
    const url = `postgres://app:s3cret-pw@127.0.0.1:${port}/app`
    const {digest, items, limitations} = await diagnosePostgres(url)
    expect(digest).toMatchObject({reachable: false, unreachableReason: 'refused', connections: null})
    expect(items).toEqual([])
    expect(limitations).toEqual([`PostgreSQL at postgres://127.0.0.1:${port}/app could not be examined: the connection was refused.`])
    expect(JSON.stringify({digest, limitations})).not.toContain('s3cret-pw')
  })

  it('turns a server that never answers into a timeout limitation', async () => {
    const {port} = silent.address() as {port: number}
    const started = Date.now()
    const {digest, limitations} = await diagnosePostgres(`postgres://app:s3cret-pw@127.0.0.1:${port}/app`, {connectTimeoutMs: 300})
    expect(Date.now() - started).toBeLessThan(5000)
    expect(digest.unreachableReason).toBe('timeout')
    expect(limitations).toEqual([`PostgreSQL at postgres://127.0.0.1:${port}/app could not be examined: the connection timed out.`])
  })

  it('rejects a URL that is not postgres:// as a usage error without echoing it', async () => {
    const error = await diagnosePostgres('mysql://root:pw123@db/app').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UsageError)
    expect(String((error as Error).message)).not.toContain('pw123')
  })
})

describe('maskDatabaseUrl', () => {
  it('keeps scheme, host, port and database only', () => {
    expect(maskDatabaseUrl('postgres://u:p%40ss@db.internal:6432/app?sslmode=require&password=x')).toBe('postgres://db.internal:6432/app')
    expect(maskDatabaseUrl('not a url')).toBe('the database URL')
  })

  it('scrubs the URL and its password from messages', () => {
    const url = 'postgres://u:p%40ss-word@db/app'
    expect(scrubDatabaseUrl(`failed for ${url} with p@ss-word`, url)).toBe('failed for postgres://db/app with ***')
  })
})
