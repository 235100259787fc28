import {describe, expect, it} from 'vitest'

import {formatLintFindings} from '../../src/lint/format-lint-findings.js'
import {lintBlameless} from '../../src/lint/lint-blameless.js'

const rules = (text: string, options = {}) => lintBlameless(text, options).map((f) => f.rule)

describe('lintBlameless: blame language', () => {
  it.each([
    ['The outage was caused by human error.', 'human-error'],
    ['A careless edit of the config.', 'careless'],
    ['The rollout was negligent.', 'negligent'],
    ['The operator failed to run the migration check.', 'failed-to'],
    ['Someone forgot to renew the certificate.', 'forgot'],
    ['We should have caught this in review.', 'should-have'],
    ['The team could have rolled back sooner.', 'should-have'],
    ["It would've been caught by a canary.", 'should-have'],
    ['If only the alert had been louder.', 'if-only'],
    ['If the reviewer had looked at the diff, nothing would break.', 'counterfactual'],
    ['Had they checked the dashboard, the spike was obvious.', 'counterfactual'],
    ["The author didn't bother to test it.", 'didnt-bother'],
    ['This was a mistake by the release manager.', 'mistake'],
    ['The deploy made a mistake obvious.', 'mistake'],
    ['Nobody is to blame.', 'blame'],
    ['The on-call engineer ignored the page.', 'blame-verb'],
    ['He broke the build.', 'blame-verb'],
  ])('flags %j as %s', (text, rule) => {
    expect(rules(text)).toContain(rule)
  })

  it('passes neutral incident prose, including "failed" on its own', () => {
    const text = [
      '# Postmortem: checkout-api error rate',
      '',
      'Requests failed with HTTP 503 from 14:02 UTC. The error rate peaked at 42%.',
      'The deploy of v2.3 (commit a1b2c3d) introduced a connection leak; the pool was exhausted.',
      'The health check did not detect the leak because it does not open a database connection.',
      'What went well: the rollback completed in 4 minutes. Where we got lucky: traffic was low.',
      '- [HIGH] Add a connection-pool saturation alert (owner: payments team)',
      'This postmortem is blameless.',
    ].join('\n')
    expect(lintBlameless(text)).toEqual([])
  })

  it('reports 1-based line and column, the match, and a suggestion', () => {
    const [finding] = lintBlameless('Intro line.\nThe job   failed to start.')
    expect(finding).toMatchObject({line: 2, column: 11, rule: 'failed-to', match: 'failed to'})
    expect(finding.suggestion).toContain('did not')
    expect(finding.message.length).toBeGreaterThan(0)
  })

  it('finds several matches on one line, in column order', () => {
    const text = 'He forgot, and it was human error; we should have known.'
    const findings = lintBlameless(text)
    expect(findings.map((f) => [f.rule, f.column])).toEqual([
      ['forgot', text.indexOf('forgot') + 1],
      ['human-error', text.indexOf('human') + 1],
      ['should-have', text.indexOf('should') + 1],
    ])
  })

  it('skips fenced code blocks and inline code, keeping columns of the rest', () => {
    const text = [
      'Log line: `ERROR failed to connect to db` then human error.',
      '```',
      'ERROR worker failed to connect: human error',
      '```',
      '~~~text',
      'forgot',
      '~~~',
      'Someone forgot.',
    ].join('\n')
    const findings = lintBlameless(text)
    expect(findings.map((f) => [f.line, f.column, f.rule])).toEqual([
      [1, text.indexOf('then human') + 6, 'human-error'],
      [8, 9, 'forgot'],
    ])
  })

  it('skips HTML comments, also across lines', () => {
    const text = 'Intro <!-- no human error here --> then forgot.\n<!-- guidance:\nshould have\n-->careless'
    expect(lintBlameless(text).map((f) => [f.line, f.column, f.rule])).toEqual([
      [1, text.indexOf('forgot') + 1, 'forgot'],
      [4, 4, 'careless'],
    ])
  })

  it('treats an unclosed fence as code until the end', () => {
    expect(lintBlameless('```\nhuman error\n')).toEqual([])
  })
})

describe('lintBlameless: people', () => {
  const people = {names: ['Ada Lovelace', 'Li', 'Will Turner', 'dependabot[bot]', 'GitHub Actions'], emails: ['ada@example.com']}

  it('flags full names once, and first or last names alone, case-insensitively', () => {
    const text = 'Ada Lovelace deployed it. Later LOVELACE and ada looked.'
    const findings = lintBlameless(text, people)
    expect(findings.map((f) => [f.column, f.match, f.rule])).toEqual([
      [1, 'Ada Lovelace', 'person-name'],
      [text.indexOf('LOVELACE') + 1, 'LOVELACE', 'person-name'],
      [text.indexOf(' ada ') + 2, 'ada', 'person-name'],
    ])
    expect(findings[0].suggestion).toContain('role or team')
  })

  it('respects word boundaries and ignores names shorter than three characters', () => {
    expect(lintBlameless('Adaptive throttling; the Lion service; Li merged it.', people)).toEqual([])
  })

  it('matches a word-like first name only when capitalised', () => {
    expect(lintBlameless('We will mark it mitigated.', people)).toEqual([])
    expect(rules('Will approved the change.', people)).toEqual(['person-name'])
    expect(rules('Turner approved the change.', people)).toEqual(['person-name'])
  })

  it('does not flag everyday words that are also first names, nor placeholder accounts', () => {
    const more = {names: ['Max Mustermann', 'Test User', 'Don Knuth']}
    expect(lintBlameless("The pool's max connections were reached; we don't retry. Tests passed.", more)).toEqual([])
    expect(rules('Max approved it.', more)).toEqual(['person-name'])
  })

  it('ignores automation accounts', () => {
    expect(lintBlameless('GitHub Actions ran the deploy; dependabot[bot] opened the PR.', people)).toEqual([])
  })

  it('flags a known email address, not a longer address containing it', () => {
    expect(lintBlameless('Paged <ada@example.com> at 14:05.', people).map((f) => [f.column, f.rule])).toEqual([
      [8, 'person-email'],
    ])
    // A longer address is flagged as itself (every address is), never as the known one inside it.
    expect(lintBlameless('Mail grada@example.com.au', {emails: ['ada@example.com']}).map((f) => f.match)).toEqual(['grada@example.com.au'])
  })

  it('flags people it knows without configuration: any e-mail address and @handles, not roles or teams', () => {
    const found = (text: string) => lintBlameless(text).map((f) => [f.rule, f.match])
    expect(found('John pushed it; mail john.smith@shop.example for details.')).toEqual([['person-email', 'john.smith@shop.example']])
    expect(found('Ask @jsmith, who approved the change.')).toEqual([['person-handle', '@jsmith']])
    expect(found('It was approved by @jsmith.')).toEqual([['person-handle', '@jsmith']])
    expect(found('Owners: @shop/platform-team; page oncall@shop.example; ping @here; see [REDACTED:email].')).toEqual([])
    expect(found('Renovate (renovate-bot@shop.example) opened it; @dependabot merged.')).toEqual([])
  })

  it('matches names with non-ASCII letters as whole words', () => {
    expect(rules('José approved it.', {names: ['José García']})).toEqual(['person-name'])
    expect(lintBlameless('Joséphine approved it.', {names: ['José García']})).toEqual([])
  })
})

describe('formatLintFindings', () => {
  it('prints file:line:col rule message (suggestion), one per line', () => {
    const output = formatLintFindings('postmortem.md', lintBlameless('ok\nWe forgot.\nIf only.'))
    const lines = output.split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^postmortem\.md:2:4 forgot "forgot" blames .+ \(".+\)$/)
    expect(lines[1]).toMatch(/^postmortem\.md:3:1 if-only /)
  })

  it('prints nothing for no findings', () => {
    expect(formatLintFindings('x.md', [])).toBe('')
  })
})
