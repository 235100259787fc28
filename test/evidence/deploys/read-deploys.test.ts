import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {UserError} from '../../../src/errors/errors.js'
import {EvidenceItemSchema} from '../../../src/incident/evidence-item.js'
import {DeploysDigestSchema, isCommitSha} from '../../../src/evidence/deploys/deploy-event.js'
import {parseDeploys, readDeploys} from '../../../src/evidence/deploys/read-deploys.js'

const lines = [
  {time: '2026-11-20T11:40:00Z', service: 'checkout-api', version: 'v1.4.0', sha: 'A1B2C3D4E5F6', kind: 'deploy', description: 'Refund retries'},
  {time: '2026-11-20T11:50:00+01:00', service: 'checkout-api', kind: 'feature-flag', description: 'new-refund-flow enabled for 100%'},
  'not json at all',
  {time: '2026-11-20T11:55:00Z', service: 'checkout-api', kind: 'rollback'},
  {service: 'checkout-api', kind: 'deploy'},
  {time: 1795176000, service: 'payments', version: 7, kind: 'config', description: 'set DB_PASSWORD=hunter2-very-secret'},
]
const text = lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n\n'

describe('parseDeploys', () => {
  const {digest, items, limitations} = parseDeploys('deploys.jsonl', text)

  it('reads valid lines into time-ordered events with normalised times', () => {
    expect(DeploysDigestSchema.parse(JSON.parse(JSON.stringify(digest)))).toEqual(digest)
    expect(digest.events.map((e) => [e.line, e.time, e.kind])).toEqual([
      [2, '2026-11-20T10:50:00.000Z', 'feature-flag'],
      [1, '2026-11-20T11:40:00.000Z', 'deploy'],
      [6, '2026-11-20T12:00:00.000Z', 'config'],
    ])
    expect(digest.events[1]).toMatchObject({service: 'checkout-api', version: 'v1.4.0', sha: 'a1b2c3d4e5f6'})
    expect(digest.events[2].version).toBe('7')
  })

  it('reads an empty sha, as config and flag systems write it, as no sha rather than a bad line', () => {
    const push = {time: '2026-11-20T12:05:00Z', service: 'edge', version: '', sha: '', kind: 'config', description: 'edge: drop legacy TLS ciphers (global push)'}
    const read = parseDeploys('deploys.jsonl', JSON.stringify(push) + '\n')
    expect(read.digest.skippedLines).toBe(0)
    expect(read.digest.events[0]).toMatchObject({kind: 'config', sha: null, version: null})
    expect(parseDeploys('deploys.jsonl', JSON.stringify({...push, sha: '  '}) + '\n').digest.events[0]).toMatchObject({sha: null, version: null})
    // A sha field holding a release name is that release's version, not a bad line.
    expect(parseDeploys('deploys.jsonl', JSON.stringify({...push, sha: 'not-a-sha'}) + '\n').digest.events[0]).toMatchObject({sha: null, version: 'not-a-sha'})
  })

  it('turns bad lines into one limitation with their line numbers', () => {
    expect(digest.skippedLines).toBe(3)
    expect(limitations).toHaveLength(1)
    expect(limitations[0]).toContain('line 3: not JSON')
    expect(limitations[0]).toContain('line 4: kind')
    expect(limitations[0]).toContain('line 5: time')
  })

  it('gives each event a citable, redacted item', () => {
    for (const item of items) EvidenceItemSchema.parse(item)
    expect(items.map((i) => i.id)).toEqual(['ev-deploy-2', 'ev-deploy-1', 'ev-deploy-6'])
    expect(items[1]).toMatchObject({
      source: 'deploys',
      kind: 'deploy',
      at: '2026-11-20T11:40:00.000Z',
      summary: 'deploy checkout-api v1.4.0 (a1b2c3d): Refund retries',
      ref: {file: 'deploys.jsonl', line: 1, sha: 'a1b2c3d4e5f6'},
    })
    expect(JSON.stringify({digest, items})).not.toContain('hunter2')
  })

  it('says when nothing could be read', () => {
    expect(parseDeploys('empty.jsonl', '\n').limitations).toEqual(['empty.jsonl holds no readable deploy events.'])
  })
})

describe('parseDeploys with releases named otherwise than by a sha', () => {
  // Shapes of real feeds: a GitHub deployment's ref, a Heroku release number, an Argo CD image, a CI build.
  const feed = [
    {time: '2026-03-02T09:40:00Z', service: 'api', sha: 'v2.3.1', kind: 'deploy'},
    {time: '2026-03-02T09:41:00Z', service: 'api', version: 456, kind: 'deploy'},
    {time: '2026-03-02T09:42:00Z', service: 'api', image: 'ghcr.io/acme/api:2024.03.1', kind: 'deploy'},
    {time: '2026-03-02T09:43:00Z', service: 'api', sha: 1287, kind: 'deploy'},
    {time: '2026-03-02T09:44:00Z', service: 'api', version: 'release-42', sha: 'release-42', kind: 'deploy'},
    {time: '2026-03-02T09:45:00Z', service: 'api', tag: 'v2.3.2', sha: 'build-77', kind: 'deploy'},
    {time: '2026-03-02T09:46:00Z', service: 'api', version: 'v2.3.3', sha: '9fceb02', kind: 'deploy'},
  ]
  const {digest, items, limitations} = parseDeploys('feed.jsonl', feed.map((l) => JSON.stringify(l)).join('\n'))

  it('reads every line as a deploy, the non-sha name as its version', () => {
    expect(limitations).toEqual([])
    expect(digest.events.map((e) => [e.version, e.sha])).toEqual([
      ['v2.3.1', null],
      ['456', null],
      ['ghcr.io/acme/api:2024.03.1', null],
      ['1287', null],
      ['release-42', null],
      ['v2.3.2 (build-77)', null],
      ['v2.3.3', '9fceb02'],
    ])
  })

  it('cites each by its version', () => {
    expect(items.map((i) => i.summary)).toEqual([
      'deploy api v2.3.1',
      'deploy api 456',
      'deploy api ghcr.io/acme/api:2024.03.1',
      'deploy api 1287',
      'deploy api release-42',
      'deploy api v2.3.2 (build-77)',
      'deploy api v2.3.3 (9fceb02)',
    ])
  })
})

describe('isCommitSha', () => {
  it('takes hex of 4+ digits as a sha, short all-digit values as build numbers', () => {
    expect(['9fceb02', 'a1b2', 'A1B2C3D4E5F6', '1234567', 'e87f647cd9d03b711e6e60f139e37a0e60faa615'].map(isCommitSha)).toEqual([true, true, true, true, true])
    expect(['1287', '456', 'v2.3.1', 'release-42', 'abc', 'ghcr.io/acme/api:2024.03.1'].map(isCommitSha)).toEqual([false, false, false, false, false, false])
  })
})

describe('readDeploys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ir-deploys-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('reads a file and rejects a missing one as a user error', async () => {
    const path = join(dir, 'deploys.jsonl')
    writeFileSync(path, text)
    expect((await readDeploys(path)).items).toHaveLength(3)
    await expect(readDeploys(join(dir, 'missing.jsonl'))).rejects.toThrow(UserError)
  })
})
