import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {searchLogLines} from '../../../src/evidence/logs/search-log-lines.js'

let dir: string
let log: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'search-logs-'))
  log = path.join(dir, 'app.log')
  await writeFile(
    log,
    [
      '2024-03-01T13:00:00Z ERROR payment failed password=hunter2',
      '2024-03-01T14:00:00Z ERROR payment failed for jane@example.com',
      '2024-03-01T15:00:00Z INFO payment ok',
      '2024-03-01T16:00:00Z ERROR payment failed (',
    ].join('\n'),
  )
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

describe('searchLogLines', () => {
  it('returns matching lines prefixed with file:line, redacted', async () => {
    expect(await searchLogLines([log], {pattern: 'ERROR payment'})).toEqual([
      `${log}:1: 2024-03-01T13:00:00Z ERROR payment failed password=[REDACTED:password]`,
      `${log}:2: 2024-03-01T14:00:00Z ERROR payment failed for [REDACTED:email]`,
      `${log}:4: 2024-03-01T16:00:00Z ERROR payment failed (`,
    ])
  })

  it('filters by time and caps the result', async () => {
    const hits = await searchLogLines([log], {pattern: 'failed', from: '2024-03-01T13:30:00Z', to: '2024-03-01T16:30:00Z', limit: 1})
    expect(hits).toEqual([`${log}:2: 2024-03-01T14:00:00Z ERROR payment failed for [REDACTED:email]`])
  })

  it('filters an access log by its own bracketed timestamps', async () => {
    const access = path.join(dir, 'access.log')
    const hours = [12, 13, 14, 15]
    await writeFile(access, hours.map((h) => `10.0.0.${h} - - [01/Mar/2024:${h}:00:00 +0000] "POST /api/login HTTP/1.1" 401 12 "-" "curl"`).join('\n'))
    const hits = await searchLogLines([access], {pattern: ' 401 ', from: '2024-03-01T13:30:00Z', to: '2024-03-01T14:30:00Z'})
    expect(hits).toEqual([`${access}:3: 10.0.0.14 - - [01/Mar/2024:14:00:00 +0000] "POST /api/login HTTP/1.1" 401 12 "-" "curl"`])
  })

  it('falls back to plain text when the pattern is not a valid regex', async () => {
    expect(await searchLogLines([log], {pattern: 'failed ('})).toHaveLength(1)
  })
})
