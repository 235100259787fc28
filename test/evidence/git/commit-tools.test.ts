import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {UserError} from '../../../src/errors/errors.js'
import {commitDiff} from '../../../src/evidence/git/commit-diff.js'
import {gitAuthors} from '../../../src/evidence/git/git-authors.js'
import {AUTHOR, TempRepo} from './temp-repo.js'

describe('commitDiff and gitAuthors', () => {
  const repo = new TempRepo()
  let sha: string
  let bigSha: string

  beforeAll(() => {
    repo.commit('base', new Date('2026-11-20T10:00:00Z'), {'config/db.env': 'DB_HOST=db\n'})
    sha = repo.commit(`Point at the new database\n\nRotated credentials.\n\nSigned-off-by: ${AUTHOR.name} <${AUTHOR.email}>`, new Date('2026-11-20T11:00:00Z'), {
      'config/db.env': 'DB_HOST=db2\nDB_PASSWORD=hunter2-very-secret\n',
    })
    bigSha = repo.commit('Vendor a big file', new Date('2026-11-20T11:30:00Z'), {'vendor/big.js': 'x = 1;\n'.repeat(50_000)})
  })
  afterAll(() => repo.remove())

  it('shows subject, date, stat and patch, redacted, without author lines', async () => {
    const diff = await commitDiff(repo.dir, sha, 100_000)
    expect(diff).toContain(`commit ${sha}`)
    expect(diff).toContain('Date: 2026-11-20T11:00:00+00:00')
    expect(diff).toContain('Point at the new database')
    expect(diff).toContain('+DB_HOST=db2')
    expect(diff).toContain('config/db.env | 3 ++-')
    expect(diff).not.toContain('hunter2-very-secret')
    expect(diff).toContain('[REDACTED')
    expect(diff).not.toContain(AUTHOR.name)
    expect(diff).not.toContain(AUTHOR.email)
  })

  it('lists a long path whole in the stat, so a secret in it is redacted, not cut to a bare fragment', async () => {
    // git's stat would show `…56789ABCDEF….txt`: the tail of the token, without the header that marks it a JWT.
    const jwt = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI${'Qm9yZWFsaXN0aWNTZWNyZXRQYXlsb2FkMTIz'.repeat(2)}.${'c2lnbmF0dXJlUGFydE9mVGhlVG9rZW4x'.repeat(3)}`
    const pathSha = repo.commit('Keep a note', new Date('2026-11-20T11:40:00Z'), {[`notes/rejected id_token ${jwt}.txt`]: 'x\n'})
    const diff = await commitDiff(repo.dir, pathSha, 100_000)
    expect(diff).toContain('notes/rejected id_token [REDACTED:jwt].txt | 1 +')
    expect(diff).not.toContain('c2lnbmF0dXJl')
  })

  it('cuts a large diff at maxBytes and says so', async () => {
    const diff = await commitDiff(repo.dir, bigSha, 2000)
    expect(diff.length).toBeLessThan(2100)
    expect(diff).toMatch(/\[diff truncated at 2000 characters\]$/)
  })

  it('refuses anything but a hex sha, so no option reaches git', async () => {
    await expect(commitDiff(repo.dir, '--output=/tmp/x', 1000)).rejects.toThrow(UserError)
    await expect(commitDiff(repo.dir, 'HEAD', 1000)).rejects.toThrow(UserError)
  })

  it('lists the authors for the blameless linter', async () => {
    expect(await gitAuthors(repo.dir)).toEqual({names: [AUTHOR.name], emails: [AUTHOR.email]})
  })
})
