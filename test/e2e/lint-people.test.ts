import {execFileSync} from 'node:child_process'
import {mkdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {runCli, tempDir} from './cli-harness.js'

describe('lint finds the people it can know without configuration', () => {
  it('flags a commit author of the file’s repository, an e-mail address and an @handle, run from elsewhere', async () => {
    const work = await tempDir('lint-people')
    const repo = join(work, 'service')
    await mkdir(repo)
    const git = (...args: string[]) => execFileSync('git', args, {cwd: repo, env: {PATH: process.env.PATH, HOME: work, GIT_CONFIG_NOSYSTEM: '1'}})
    git('init', '-q')
    await writeFile(join(repo, 'README.md'), 'service\n')
    git('add', '.')
    git('-c', 'user.name=John Smith', '-c', 'user.email=jsmith@shop.example', 'commit', '-q', '-m', 'init')
    const doc = join(repo, 'postmortem.md')
    await writeFile(doc, ['# Postmortem', '', 'John Smith pushed a bad migration at 13:54.', 'Questions to maria.lopez@shop.example or @mlopez.', 'Owners: @shop/platform-team.', ''].join('\n'))
    const elsewhere = join(work, 'elsewhere')
    await mkdir(elsewhere)
    const result = await runCli(['lint', doc, '--json'], {cwd: elsewhere})
    expect(result.code).toBe(1)
    const findings = JSON.parse(result.stdout).findings as {rule: string; match: string}[]
    expect(findings.map((f) => [f.rule, f.match])).toEqual([
      ['person-name', 'John Smith'],
      ['person-email', 'maria.lopez@shop.example'],
      ['person-handle', '@mlopez'],
    ])
  }, 60_000)
})
