import {afterAll, describe, expect, it} from 'vitest'

import {ownersFor, parseCodeowners, patternToRegExp, teamsFor} from '../../../src/evidence/git/codeowners.js'
import {TempRepo} from './temp-repo.js'

describe('patternToRegExp (gitignore-style, as GitHub reads CODEOWNERS)', () => {
  it.each([
    ['*', 'src/a.ts', true],
    ['*.js', 'src/deep/a.js', true],
    ['*.js', 'src/a.ts', false],
    ['/build/logs/', 'build/logs/x/y.log', true],
    ['/build/logs/', 'src/build/logs/y.log', false],
    ['docs/*', 'docs/getting-started.md', true],
    ['docs/*', 'docs/build-app/troubleshooting.md', false],
    ['apps/', 'src/apps/x.ts', true],
    ['/scripts/', 'scripts/deploy.sh', true],
    ['**/logs', 'a/b/logs/x.log', true],
    ['src/payments', 'src/payments/refund.ts', true],
    ['src/payments', 'lib/src/payments/refund.ts', false],
    ['db/**/*.sql', 'db/migrations/1.sql', true],
    ['db/**/*.sql', 'db/1.sql', true],
    ['file?.txt', 'file1.txt', true],
  ] as const)('%s matches %s: %s', (pattern, path, expected) => {
    expect(patternToRegExp(pattern).test(path)).toBe(expected)
  })
})

describe('teamsFor', () => {
  const rules = parseCodeowners(
    [
      '# owners',
      '*                      @acme/platform',
      'src/payments/          @acme/payments @alice alice@example.com',
      'db/migrations/         @acme/dba @acme/payments',
      'src/payments/vendor/   ',
      '/docs/                 @bob',
    ].join('\n'),
  )

  it('lets the last matching rule win and returns teams only', () => {
    expect(teamsFor(rules, ['src/payments/refund.ts'])).toEqual(['acme/payments'])
    expect(teamsFor(rules, ['src/orders/a.ts'])).toEqual(['acme/platform'])
    expect(teamsFor(rules, ['db/migrations/1.sql', 'src/payments/a.ts'])).toEqual(['acme/dba', 'acme/payments'])
  })

  it('gives no owner to paths whose last rule has none or only people', () => {
    expect(teamsFor(rules, ['src/payments/vendor/x.js'])).toEqual([])
    expect(teamsFor(rules, ['docs/runbook.md'])).toEqual([])
  })
})

describe('ownersFor', () => {
  const repo = new TempRepo()
  afterAll(() => repo.remove())

  it('reads .github/CODEOWNERS before the root one, and returns [] without any', async () => {
    expect(await ownersFor(repo.dir, ['src/a.ts'])).toEqual([])
    repo.write({'CODEOWNERS': '* @acme/root\n', '.github/CODEOWNERS': '* @acme/github\n'})
    expect(await ownersFor(repo.dir, ['src/a.ts'])).toEqual(['acme/github'])
  })
})
