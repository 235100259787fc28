import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import {createIncidentFolder, readTimeline, writeIncident} from '../../src/incident/store.js'
import {addNote} from '../../src/lifecycle/record-event.js'
import {parseDeploys} from '../../src/evidence/deploys/read-deploys.js'
import {commitDiff} from '../../src/evidence/git/commit-diff.js'
import {diffConfig} from '../../src/evidence/git/config-changes.js'
import {analyzeLogs} from '../../src/evidence/logs/analyze-logs.js'
import {searchLogLines} from '../../src/evidence/logs/search-log-lines.js'
import {analyseMetrics} from '../../src/evidence/metrics/collect-metrics.js'
import {parsePrometheusRange} from '../../src/evidence/metrics/prometheus-json-source.js'
import {TempRepo} from '../evidence/git/temp-repo.js'
import {incident} from '../phases/fixtures.js'

/**
 * Each boundary where evidence leaves a reader redacts whole values before anything is cut, split
 * or used to build an id (issue L, item 1). Every case here leaked before.
 */
const now = () => new Date('2026-11-13T00:00:00Z')
const PEM_BODY = ['MIIEowIBAAKCAQEAq8Zk3mNvQ2pW7xT1yB9cL4dF6gH0jK2lM5nP8rS1tU3vW6xY', 'Zz9Aa8Bb7Cc6Dd5Ee4Ff3Gg2Hh1Ii0Jj9Kk8Ll7Mm6Nn5Oo4Pp3Qq2Rr1Ss0Tt9Uu8']

async function logFile(name: string, lines: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ir-boundary-'))
  const path = join(dir, name)
  await writeFile(path, lines.join('\n') + '\n')
  return path
}

describe('redaction at the boundaries (issue L, item 1)', () => {
  const repo = new TempRepo()
  afterAll(() => repo.remove())

  it('a private key pasted into a plain log: no line of its body becomes a template or a sample', async () => {
    const path = await logFile('worker.log', [
      '2026-11-12T14:00:00Z INFO started',
      '2026-11-12T14:01:00Z ERROR could not parse key material:',
      '-----BEGIN RSA PRIVATE KEY-----',
      ...PEM_BODY,
      '-----END RSA PRIVATE KEY-----',
      '2026-11-12T14:01:01Z WARN falling back to defaults',
    ])
    const {digest, items} = await analyzeLogs([path], {now})
    const text = JSON.stringify({digest, items})
    for (const line of PEM_BODY) expect(text).not.toContain(line.slice(0, 20))
    expect(text).toContain('[REDACTED:private-key]')
    expect(digest.files[0].skipped).toContainEqual({reason: 'private key material (dropped, not read)', count: PEM_BODY.length + 1})
    const hits = await searchLogLines([path], {pattern: '.', limit: 50}, {now})
    expect(hits.join('\n')).not.toContain(PEM_BODY[0].slice(0, 20))
  })

  it('a sample is redacted before it is cut: an email across the 500-character cut leaves nothing of itself', async () => {
    const email = 'ilse.vandenberg@example.org'
    const message = `${'x'.repeat(426)} customer ${email} declined` // the address starts 490 characters into the line
    const path = await logFile('app.jsonl', [JSON.stringify({time: '2026-11-12T14:00:00Z', level: 'error', msg: message})])
    const {digest} = await analyzeLogs([path], {now})
    const samples = digest.templates.flatMap((t) => t.samples)
    expect(samples.length).toBeGreaterThan(0)
    for (const sample of samples) expect(sample).not.toMatch(/ilse|vandenb/)
  })

  it('a key after an escaped newline inside a JSON string is still a key', async () => {
    const path = await logFile('app.jsonl', [JSON.stringify({time: '2026-11-12T14:00:00Z', level: 'error', msg: 'config dump:\npassword=Qx7vB2nMw9'})])
    const {digest} = await analyzeLogs([path], {now})
    expect(JSON.stringify(digest)).not.toContain('Qx7vB2nMw9')
  })

  it('a commit diff is redacted before it is capped: a key across the cap leaves no fragment', async () => {
    const key = 'AKIAQ3EXAMPLE7KD2MZX'
    const sha = repo.commit('add credentials', new Date('2026-11-12T10:00:00Z'), {'config/aws.env': `${'# padding line\n'.repeat(40)}AWS_ACCESS_KEY_ID=${key}\n`})
    const full = await commitDiff(repo.dir, sha, 100_000)
    const at = full.indexOf('AWS_ACCESS_KEY_ID=') + 'AWS_ACCESS_KEY_ID='.length + 8
    const cut = await commitDiff(repo.dir, sha, at)
    expect(cut).toMatch(/\[diff truncated at \d+ characters\]$/)
    expect(cut).not.toContain(key.slice(0, 8))
  })

  it('metric names and labels, and the evidence ids built from them, carry no password', () => {
    const password = 'Pq9-wZr4-Lm2x'
    const {series} = parsePrometheusRange({
      status: 'success',
      data: {resultType: 'matrix', result: [{metric: {__name__: 'pg_up', dsn: `postgres://appuser:${password}@db:5432/orders`}, values: [[1_700_000_000, '1'], [1_700_000_060, '0']]}]},
    })
    const {digest, items} = analyseMetrics([{source: 'prom.json', series: series[0]}], ['prom.json'], null)
    expect(JSON.stringify({digest, items})).not.toContain(password)
    expect(JSON.stringify({digest, items}).toLowerCase()).not.toContain(password.toLowerCase())
    expect(digest.series[0].evidenceId).not.toContain('pq9')
  })

  it('deploy events: service, version and description are redacted', () => {
    const token = 'glpat-Xy7_kP2mQ9rT4vW8zA1b'
    const {digest, items} = parseDeploys('deploys.jsonl', JSON.stringify({time: '2026-11-12T13:00:00Z', kind: 'deploy', service: 'api', version: `2.1 (${token})`, description: `rolled out with ${token}`}))
    expect(JSON.stringify({digest, items})).not.toContain('Xy7_kP2m')
  })

  it('a configuration change under a secret-named key keeps the key and masks the value', () => {
    const changes = diffConfig('config/db.env', 'PGPASSWORD=old_Zx1Yw2\nPORT=5432\n', 'PGPASSWORD=new_Vu3Ts4 psql\nPORT=6432\n')
    expect(changes).toEqual([
      {file: 'config/db.env', key: 'PGPASSWORD', from: '[REDACTED:password]', to: '[REDACTED:password]'},
      {file: 'config/db.env', key: 'PORT', from: '5432', to: '6432'},
    ])
  })

  it('text people type is stored redacted', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'ir-typed-'))
    const {id, dir} = await createIncidentFolder(outDir, new Date('2026-11-12T14:00:00Z'))
    await writeIncident(dir, incident({id}))
    await addNote({outDir, id, text: 'rotated; the old one was postgres://app:Zk8pQ2mN7vX4@db/orders', kind: 'note'}, {now})
    expect((await readTimeline(dir)).map((e) => e.text).join('\n')).not.toContain('Zk8pQ2mN7vX4')
    expect(await readFile(join(dir, 'timeline.jsonl'), 'utf8')).not.toContain('Zk8pQ2mN7vX4')
  })
})
