import {existsSync} from 'node:fs'
import {connect} from 'node:net'

import {describe, it} from 'vitest'

/** CI (.ci/run, which sets CI) starts every service the tests use: there, a missing one is a failure. */
const IN_CI = (process.env.CI ?? '') !== '' && process.env.CI !== 'false'

/** One line saying what to start when nothing listens on PostgreSQL's port, else null. */
export async function postgresMissing(host = '127.0.0.1', port = 5432): Promise<string | null> {
  const listening = await new Promise<boolean>((resolve) => {
    const socket = connect({host, port})
    socket.setTimeout(5000, () => socket.destroy(new Error('timeout')))
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
  return listening
    ? null
    : `PostgreSQL is not running at ${host}:${port}: start it (pg_ctlcluster <version> main start, as .ci/run does) with trust auth for local connections.`
}

/** One line saying what to install when there is no Chromium at `path`, else null. */
export function chromiumMissing(path: string): string | null {
  return existsSync(path) ? null : `Chromium is not at ${path}: install it (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH.`
}

/**
 * `describe` for tests that need a local service. With nothing `missing` it is a plain describe.
 * Otherwise, in CI, the block is one failing test whose error is that line; locally the block is
 * skipped, and the line is said on stderr and in the block's title.
 */
export function describeNeeding(missing: string | null, title: string, body: () => void): void {
  if (missing === null) {
    describe(title, body)
  } else if (IN_CI) {
    describe(title, () => {
      it('has the service it needs', () => {
        const error = new Error(missing)
        error.stack = `Error: ${missing}` // the line is the whole story: no stack to read past
        throw error
      })
    })
  } else {
    console.warn(`Skipped "${title}": ${missing}`)
    describe.skip(`${title} (skipped: ${missing})`, body)
  }
}
