import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {createEvidenceTools} from '../../src/agents/evidence-tools.js'
import {executeToolCall} from '../../src/agents/anthropic/execute-tool-call.js'
import {loadEvidence} from '../../src/evidence/evidence-files.js'
import {readIncident} from '../../src/incident/store.js'
import {runCli, tempDir} from '../e2e/cli-harness.js'
import {startFakeAnthropicServer, type FakeReply, type MessagesRequestBody} from '../fakes/fake-anthropic-server.js'
import {buildLeakScenario, readTree} from './leak-scenario.js'
import {leakedKinds, plantedSecrets, type PlantedSecret} from './planted-secrets.js'

/**
 * Issue L's leak test: every planted secret kind, in every kind of evidence and in text people
 * type, through the built CLI; the kinds that come out again are listed by destination. Goal: none.
 */
const SECRETS = plantedSecrets(20261112)
const ONE_LINE = SECRETS.filter((s) => !s.multiline)

/** The `--health` URL's password and token are secrets too. */
const HEALTH_PASSWORD = 'Hq7-monitor-Zt4wPx9'
const HEALTH_TOKEN = 'c0ffee5ecret9d8e7f6a5b4c3d2e1f0a'
const HEALTH: PlantedSecret = {kind: 'health-url-credentials', text: '', value: HEALTH_PASSWORD, fragments: [HEALTH_PASSWORD, HEALTH_TOKEN]}
const ALL = [...SECRETS, HEALTH]

type Leaks = Record<string, string[]>

function byDestination(outputs: Record<string, string>): Leaks {
  return Object.fromEntries(Object.entries(outputs).map(([where, text]) => [where, leakedKinds(ALL, text)]))
}

async function healthServer(): Promise<{url: string; close: () => Promise<void>}> {
  const server = createServer((_req, res) => {
    res.writeHead(503, {'content-type': 'application/json'})
    res.end(JSON.stringify({status: 'degraded', db: 'timeout'}))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://monitor:${HEALTH_PASSWORD}@127.0.0.1:${port}/healthz?api_key=${HEALTH_TOKEN}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('no planted secret leaves the tool (issue L, item 1)', () => {
  it(`plants ${ALL.length} kinds of secrets and finds none in the folder, the JSON, the terminal or typed-text records (offline)`, async () => {
    expect(ALL.length).toBeGreaterThanOrEqual(46)
    const work = await tempDir('leak')
    const scenario = await buildLeakScenario(join(work, 'evidence'), SECRETS)
    const health = await healthServer()
    const outDir = join(work, 'out')
    const run = await runCli([...scenario.args, '--health', health.url, '--json', '--out-dir', outDir, '--provider', 'offline', '--postmortem'], {cwd: work})
    await health.close()
    expect(run.code, run.stderr).toBe(0)
    const id = JSON.parse(run.stdout).id as string
    const pipelineFiles = await readTree(join(outDir, id))

    const typed = ONE_LINE.map((s) => s.text).join('\n')
    const lifecycle = [
      await runCli(['note', typed, '--id', id, '--out-dir', outDir], {cwd: work}),
      await runCli(['note', typed, '--kind', 'decision', '--id', id, '--out-dir', outDir, '--json'], {cwd: work}),
      await runCli(['mitigate', '--action', typed, '--id', id, '--out-dir', outDir], {cwd: work}),
      await runCli(['resolve', '--resolution', typed, '--id', id, '--out-dir', outDir, '--no-notify'], {cwd: work}),
      await runCli(['show', '--id', id, '--out-dir', outDir], {cwd: work}),
      await runCli(['postmortem', '--id', id, '--out-dir', outDir], {cwd: work}),
    ]
    for (const result of lifecycle) expect(result.code, result.stderr).toBe(0)
    const files = await readTree(join(outDir, id))
    expect(files.map((f) => f.path)).toContain('postmortem.html')

    // The tools a specialist calls answer from the same evidence: their output is a destination too.
    const incident = await readIncident(join(outDir, id))
    const bundle = (await loadEvidence(join(outDir, id)))!
    const tools = createEvidenceTools(bundle, incident.inputs)
    const diffs = await Promise.all(scenario.shas.map((sha) => executeToolCall(tools, 'show_commit_diff', {sha}, 4000, {})))
    const searches = await Promise.all(['error', 'key', 'token', 'password', 'BEGIN', 'secret', '.'].map((pattern) => executeToolCall(tools, 'search_logs', {pattern, limit: 200}, 12_000, {})))
    const metrics = await Promise.all(scenario.series.slice(0, 10).map((series) => executeToolCall(tools, 'read_metric', {series}, 4000, {})))
    expect(diffs.every((d) => !d.isError && d.content.includes('config/'))).toBe(true)

    const leaks = byDestination({
      pipelineFolder: pipelineFiles.map((f) => f.text).join('\n'),
      folder: files.map((f) => f.text).join('\n'),
      documents: files.filter((f) => /\.(md|html)$/.test(f.path)).map((f) => f.text).join('\n'),
      json: run.stdout,
      terminal: [run.stderr, ...lifecycle.flatMap((r) => [r.stdout, r.stderr])].join('\n'),
      showCommitDiff: diffs.map((d) => d.content).join('\n'),
      searchLogs: searches.map((d) => d.content).join('\n'),
      readMetric: metrics.map((d) => d.content).join('\n'),
    })
    console.info(`leak test (offline): ${JSON.stringify(Object.fromEntries(Object.entries(leaks).map(([k, v]) => [k, v.length])))} of ${ALL.length} kinds`)
    expect(leaks).toEqual({pipelineFolder: [], folder: [], documents: [], json: [], terminal: [], showCommitDiff: [], searchLogs: [], readMetric: []})
  }, 240_000)

  it('sends none of them to Claude, in the digests or in any tool answer', async () => {
    const work = await tempDir('leak-claude')
    const scenario = await buildLeakScenario(join(work, 'evidence'), SECRETS)
    const server = await startFakeAnthropicServer({fallbackReply: (body) => investigate(body, scenario.shas)})
    const run = await runCli([...scenario.args, '--json', '--out-dir', join(work, 'out')], {
      cwd: work,
      env: {ANTHROPIC_API_KEY: server.apiKey, ANTHROPIC_BASE_URL: server.baseURL},
    })
    await server.close()
    expect(run.code, run.stderr).toBe(0)
    const json = JSON.parse(run.stdout)
    expect(json.investigation.provider).toBe('anthropic')
    expect(server.requests.length).toBeGreaterThanOrEqual(4)
    const diffResults = server.requests.flatMap((r) => toolResults(r.body, 'show_commit_diff'))
    expect(diffResults.length).toBeGreaterThanOrEqual(scenario.shas.length)
    const leaks = byDestination({
      claude: server.requests.map((r) => r.rawBody).join('\n'),
      showCommitDiff: diffResults.join('\n'),
      folder: (await readTree(json.outputDir)).map((f) => f.text).join('\n'),
      json: run.stdout,
    })
    console.info(`leak test (claude): ${JSON.stringify(Object.fromEntries(Object.entries(leaks).map(([k, v]) => [k, v.length])))} of ${ALL.length} kinds`)
    expect(leaks).toEqual({claude: [], showCommitDiff: [], folder: [], json: []})
  }, 240_000)
})

/**
 * The fake model digs with every tool (every planted commit's diff, broad log searches, the metrics
 * by the names it can know from the digest), then answers.
 */
function investigate(body: MessagesRequestBody, shas: string[]): FakeReply {
  const usage = {input_tokens: 2000, output_tokens: 200}
  if (body.tools?.some((tool) => tool.name === 'submit_narrative')) {
    const input = {executiveSummary: 'Checkout failed after a configuration rollout.', wentWell: ['The onset was found in the logs.'], wentWrong: ['Credentials were logged.'], lessons: ['Keep secrets out of logs.']}
    return {kind: 'message', content: [{type: 'tool_use', id: 'toolu_n', name: 'submit_narrative', input}], usage, stopReason: 'tool_use'}
  }
  const turn = (body.messages ?? []).filter((m) => m.role === 'assistant').length
  const uses = (calls: Array<[string, unknown]>) => ({kind: 'message' as const, content: calls.map(([name, input], i) => ({type: 'tool_use' as const, id: `toolu_${turn}_${i}`, name, input})), usage})
  if (turn === 0) return uses(shas.map((sha) => ['show_commit_diff', {sha}]))
  if (turn === 1) return uses([['search_logs', {pattern: 'error', limit: 200}], ['search_logs', {pattern: 'BEGIN|token|key|password|secret', limit: 200}], ['list_evidence', {}], ['read_metric', {series: 'db_pool_waiting'}], ['read_metric', {series: 'pg_stat_activity_count'}], ['read_metric', {series: 'http_5xx_rate'}]])
  return {kind: 'message', content: [{type: 'tool_use', id: 'toolu_s', name: 'submit_findings', input: {summary: 'Nothing conclusive.', findings: []}}], usage, stopReason: 'tool_use'}
}

function toolResults(body: MessagesRequestBody | null, tool: string): string[] {
  const messages = body?.messages ?? []
  const ids = new Set<string>()
  for (const m of messages) if (m.role === 'assistant' && Array.isArray(m.content)) for (const block of m.content as Array<{type: string; id?: string; name?: string}>) if (block.type === 'tool_use' && block.name === tool && block.id) ids.add(block.id)
  const out: string[] = []
  for (const m of messages) {
    if (m.role !== 'user' || !Array.isArray(m.content)) continue
    for (const block of m.content as Array<{type: string; tool_use_id?: string; content?: unknown}>) {
      if (block.type === 'tool_result' && block.tool_use_id && ids.has(block.tool_use_id)) out.push(typeof block.content === 'string' ? block.content : JSON.stringify(block.content))
    }
  }
  return out
}
