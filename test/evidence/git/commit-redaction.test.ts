import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {collectChanges} from '../../../src/evidence/git/collect-changes.js'
import {minutes, TempRepo} from './temp-repo.js'

const onset = new Date('2026-11-20T12:00:00Z')
const at = (offsetMinutes: number) => new Date(onset.getTime() + minutes(offsetMinutes))

// Fabricated, in the shapes the catalogue knows: a GitHub token, an AWS key id, a GitLab token.
const IN_TAG = 'ghp_T4kQ9mZ2xV7pL3sW8nR6yB1cF5hJ0dG2aE7u'
const IN_PATH = 'AKIAQX7R2M5T9W3Y6Z4B'
const IN_SPEC = 'glpat-Hq7Zt4wPx9Lm2Vb8Ks3N'

/**
 * Everything a repository writes is its own text and may hold a secret: the tags on a commit, the
 * paths it touches (and the components named after them), the dependency specs it adds
 * (`git+https://<token>@github.com/…`). None of it reaches the digest or the evidence items.
 */
describe('collectChanges redacts every text a commit carries', () => {
  const repo = new TempRepo()
  let text: string
  let result: Awaited<ReturnType<typeof collectChanges>>

  beforeAll(async () => {
    repo.commit('initial', at(-300), {'package.json': JSON.stringify({name: 'svc', dependencies: {pg: '8.0.0'}}, null, 2)})
    repo.commit('Wire the internal client', at(-60), {
      [`services/${IN_PATH}/handler.ts`]: 'export function handle() {\n  return 1\n}\n',
      'package.json': JSON.stringify({name: 'svc', dependencies: {pg: '8.0.0', 'internal-client': `git+https://${IN_SPEC}@gitlab.example.com/acme/client.git`}}, null, 2),
    })
    repo.git(['tag', `release-${IN_TAG}`], at(-59))
    result = await collectChanges({repo: repo.dir, onset, lookbackMs: minutes(24 * 60), now: at(0)})
    text = JSON.stringify(result)
  })
  afterAll(() => repo.remove())

  it('keeps the commit, with what was redacted named by kind', () => {
    const commit = result.digest.commits[0]
    expect(commit.subject).toBe('Wire the internal client')
    expect(commit.tags).toEqual(['release-[REDACTED:api-key]'])
    expect(commit.files.map((file) => file.path).sort()).toEqual(['package.json', 'services/[REDACTED:aws-key]/handler.ts'])
    expect(commit.dependencyChanges).toEqual([{package: 'internal-client', from: null, to: 'git+https://[REDACTED:api-key]@gitlab.example.com/acme/client.git', file: 'package.json'}])
  })

  it.each([
    ['a tag', IN_TAG],
    ['a file path and the component named after it', IN_PATH],
    ['a dependency spec', IN_SPEC],
  ])('none of %s reaches the digest or the items', (_, secret) => {
    expect(text).not.toContain(secret.slice(4, 16))
  })
})
