import {execFileSync} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {startFakeAnthropicServer} from '../fakes/fake-anthropic-server.js'
import {buildExampleRepo, exampleArgs, runCli, tempDir} from './cli-harness.js'

const SECRETS = ['AKIAQ3EXAMPLE7KD2MZX', 'sk_live_', 'Sup3r-S3cret-pw', 'maria.schmidt@example.org']

describe('the pipeline with Claude specialists (local fake Messages API)', () => {
  it('runs three Claude specialists, records their cost and the narrative\'s, and sends no secret', async () => {
    const work = await tempDir('claude')
    const repo = buildExampleRepo(work)
    const sha = execFileSync('git', ['-C', repo, 'log', '--format=%H', '--grep', 'make orders.currency NOT NULL'], {encoding: 'utf8'}).trim()
    const server = await startFakeAnthropicServer({
      fallbackReply: (body) => {
        const usage = {input_tokens: 1200, output_tokens: 300}
        if (body.tools?.some((tool) => tool.name === 'submit_narrative')) {
          const input = {executiveSummary: 'Checkout failed after a schema migration made orders.currency NOT NULL.', wentWell: ['The onset was found in the logs.'], wentWrong: ['Nothing checked the migration against the running code.'], lessons: ['Schema and code ship apart.']}
          return {kind: 'message', content: [{type: 'tool_use', id: 'toolu_n', name: 'submit_narrative', input}], usage, stopReason: 'tool_use'}
        }
        const finding = {
          hypothesis: 'The NOT NULL migration on orders.currency broke inserts from the legacy checkout path.',
          category: 'database-migration',
          component: 'orders',
          change: {sha, subject: 'migrations: make orders.currency NOT NULL', kind: 'database-migration'},
          onset: '2026-11-12T14:02:00Z',
          confidence: 0.8,
          evidenceIds: ['ev-logs-1', `ev-git-${sha.slice(0, 7)}`],
        }
        return {kind: 'message', content: [{type: 'tool_use', id: 'toolu_f', name: 'submit_findings', input: {summary: 'Migration broke inserts.', findings: [finding]}}], usage, stopReason: 'tool_use'}
      },
    })
    const result = await runCli([...exampleArgs(repo), '--severity', 'p0', '--symptoms', 'high-error-rate,database-issues', '--non-interactive', '--json', '--out-dir', join(work, 'out')], {
      cwd: work,
      env: {ANTHROPIC_API_KEY: server.apiKey, ANTHROPIC_BASE_URL: server.baseURL},
    })
    await server.close()
    expect(result.code, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout)
    expect(json.investigation.provider).toBe('anthropic')
    expect(json.investigation.fallbacks).toEqual([])
    expect(json.rca.rootCause).toMatchObject({category: 'database-migration', change: {sha}})
    // three specialists answering in one round each, and the postmortem narrative: four replies of 1200 + 300 tokens
    expect(json.investigation.usage.total).toMatchObject({inputTokens: 4 * 1200, outputTokens: 4 * 300})
    expect(json.investigation.usage.total.costUsd).toBeCloseTo((4 * 1200 * 2 + 4 * 300 * 10) / 1e6, 9)
    const incident = JSON.parse(await readFile(join(json.outputDir, 'incident.json'), 'utf8'))
    expect(Object.keys(incident.usage.perSpecialist)).toEqual(['root-cause-analyst', 'backend-reliability', 'database', 'postmortem-narrative'])
    expect(await readFile(join(json.outputDir, 'postmortem.md'), 'utf8')).toContain('Prose drafted by Claude')

    expect(server.requests.length).toBeGreaterThanOrEqual(4)
    for (const request of server.requests) for (const secret of SECRETS) expect(request.rawBody).not.toContain(secret)
  }, 120_000)
})
