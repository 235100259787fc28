import {createServer} from 'node:net'
import {describe, expect, it} from 'vitest'

import {chromiumMissing, postgresMissing} from './needs-service.js'

/** A loopback port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as {port: number}
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('the checks of the services tests need', () => {
  it('say in one line what to start when nothing listens where PostgreSQL should be', async () => {
    const port = await closedPort()
    expect(await postgresMissing('127.0.0.1', port)).toBe(
      `PostgreSQL is not running at 127.0.0.1:${port}: start it (pg_ctlcluster <version> main start, as .ci/run does) with trust auth for local connections.`,
    )
  })

  it('say nothing when something listens there', async () => {
    const server = createServer((socket) => socket.end())
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      expect(await postgresMissing('127.0.0.1', (server.address() as {port: number}).port)).toBeNull()
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  it('say in one line what to install when Chromium is not at its path, and nothing when it is', () => {
    expect(chromiumMissing('/nonexistent/chromium')).toBe('Chromium is not at /nonexistent/chromium: install it (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH.')
    expect(chromiumMissing(process.execPath)).toBeNull()
  })
})
