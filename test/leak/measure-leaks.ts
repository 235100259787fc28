import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'

import {createEvidenceTools} from '../../src/agents/evidence-tools.js'
import {executeToolCall} from '../../src/agents/anthropic/execute-tool-call.js'
import {loadEvidence} from '../../src/evidence/evidence-files.js'
import {readIncident} from '../../src/incident/store.js'
import {runCli, type CliResult} from '../e2e/cli-harness.js'
import {startFakeAnthropicServer, type FakeReply, type MessagesRequestBody} from '../fakes/fake-anthropic-server.js'
import {buildLeakScenario, readTree, TYPED_PLACES, type LeakScenario} from './leak-scenario.js'
import {LeakFinder, type PlantedSecret} from './planted-secrets.js'

/**
 * Issue L's leak measurement: secrets of every planted kind in every place evidence and people
 * put them, through the built CLI offline and with Claude (a local fake API); every output is a
 * place checked: each file of the incident folder (after the pipeline and again after the
 * lifecycle commands), the `--json` output, every command's terminal output (runs refused for a
 * broken input too), every request body
 * sent to Claude, and the answers of the tools a specialist calls (`show_commit_diff`,
 * `search_logs`, `read_metric`, `list_evidence`). Used by test/leak and `npm run bench:leaks`.
 */
export interface LeakRun {
  planted: PlantedSecret[]
  /** What was checked: a name (`offline folder: postmortem.md`) and its text. */
  outputs: Array<{name: string; text: string}>
}

export interface Leak {
  secret: PlantedSecret
  output: string
}

/** The `--health` URL's password and token are secrets too. */
const HEALTH_PASSWORD = 'Hq7-monitor-Zt4wPx9'
const HEALTH_TOKEN = 'c0ffee5ecret9d8e7f6a5b4c3d2e1f0a'
const HEALTH: PlantedSecret = {kind: 'url-credentials', place: '--health url', text: '', value: HEALTH_PASSWORD, fragments: [HEALTH_PASSWORD, HEALTH_TOKEN]}

function expectExit(result: CliResult, what: string, codes = [0]): CliResult {
  if (result.code === null || !codes.includes(result.code)) throw new Error(`${what} exited ${result.code}: ${result.stderr.slice(0, 2000)}`)
  return result
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

const tree = async (label: string, dir: string) => (await readTree(dir)).map((file) => ({name: `${label}: ${file.path}`, text: file.text}))

/** The offline pipeline with every input, then every command people type text into, then the tools. */
export async function offlineLeakRun(work: string, seed: number): Promise<LeakRun> {
  const scenario = await buildLeakScenario(join(work, 'evidence'), seed)
  const health = await healthServer()
  const outDir = join(work, 'out')
  const run = await runCli([...scenario.args, '--health', health.url, '--json', '--out-dir', outDir, '--provider', 'offline', '--postmortem'], {cwd: work}).finally(() => health.close())
  expectExit(run, 'the pipeline')
  const id = JSON.parse(run.stdout).id as string
  const folder = join(outDir, id)
  const outputs = [{name: 'offline --json output', text: run.stdout}, {name: 'offline pipeline terminal', text: run.stderr}, ...(await tree('offline folder after the pipeline', folder))]

  const typed = (place: (typeof TYPED_PLACES)[number]) => scenario.typed[place].map((secret) => secret.text).join('\n')
  const commands: Array<[string, string[]]> = [
    ['note', ['note', typed('note'), '--id', id, '--out-dir', outDir]],
    ['note --kind decision --json', ['note', typed('decision'), '--kind', 'decision', '--id', id, '--out-dir', outDir, '--json']],
    ['mitigate', ['mitigate', '--action', typed('mitigate --action'), '--id', id, '--out-dir', outDir]],
    ['resolve', ['resolve', '--resolution', typed('resolve --resolution'), '--id', id, '--out-dir', outDir, '--no-notify']],
    ['show', ['show', '--id', id, '--out-dir', outDir]],
    ['show --json', ['show', '--id', id, '--out-dir', outDir, '--json']],
    ['postmortem', ['postmortem', '--id', id, '--out-dir', outDir]],
    ['lint --json', ['lint', '--id', id, '--out-dir', outDir, '--json']],
    ['list --json', ['list', '--out-dir', outDir, '--json']],
  ]
  for (const [name, argv] of commands) {
    // lint exits 1 when it finds something to fix: what it prints is checked either way.
    const result = expectExit(await runCli(argv, {cwd: work}), name, name.startsWith('lint') ? [0, 1] : [0])
    outputs.push({name: `offline \`${name}\` stdout`, text: result.stdout}, {name: `offline \`${name}\` stderr`, text: result.stderr})
  }
  for (const {name, cwd, args} of scenario.refused) {
    // Refused before any incident is made: what it prints is what is checked.
    const result = expectExit(await runCli([...args, '--out-dir', join(work, 'refused'), '--provider', 'offline'], {cwd}), name, [1, 2])
    outputs.push({name: `offline refused (${name}) stdout`, text: result.stdout}, {name: `offline refused (${name}) stderr`, text: result.stderr})
  }
  const files = await tree('offline folder after the lifecycle', folder)
  if (!files.some((file) => file.name.endsWith('postmortem.html'))) throw new Error('no postmortem.html was written')
  outputs.push(...files, ...(await toolAnswers(folder, scenario)))
  return {planted: [...scenario.planted, ...TYPED_PLACES.flatMap((place) => scenario.typed[place]), HEALTH], outputs}
}

/** The tools a specialist calls answer from the same evidence: each answer is an output too. */
async function toolAnswers(folder: string, scenario: LeakScenario): Promise<LeakRun['outputs']> {
  const incident = await readIncident(folder)
  const bundle = await loadEvidence(folder)
  if (!bundle) throw new Error('the incident has no evidence bundle')
  const tools = createEvidenceTools(bundle, incident.inputs)
  const call = async (tool: string, input: Record<string, unknown>, max: number) => {
    const answer = await executeToolCall(tools, tool, input, max, {})
    if (answer.isError) throw new Error(`${tool} ${JSON.stringify(input).slice(0, 80)} failed: ${answer.content}`)
    return {name: `tool ${tool} ${JSON.stringify(input).slice(0, 60)}`, text: answer.content}
  }
  const out: LeakRun['outputs'] = []
  for (const sha of scenario.shas) out.push(await call('show_commit_diff', {sha}, 4000))
  if (!out.every((answer) => answer.text.includes('config/'))) throw new Error('show_commit_diff did not show the commits')
  for (const pattern of ['error', 'key', 'token', 'password', 'BEGIN', 'secret', 'Cookie', 'https?://', '.']) out.push(await call('search_logs', {pattern, limit: 200}, 12_000))
  // By the names the digest gives (redacted), and by the names in the files (what a guess could be).
  const names = [...(bundle.metrics?.series.map((series) => series.name) ?? []), ...scenario.series.slice(0, 10)]
  for (const series of names) out.push(await call('read_metric', {series}, 4000))
  out.push(await call('list_evidence', {}, 12_000))
  return out
}

/** The pipeline on Claude: a fake model that digs with every tool; its requests are the outputs. */
export async function claudeLeakRun(work: string, seed: number): Promise<LeakRun> {
  const scenario = await buildLeakScenario(join(work, 'evidence'), seed)
  const server = await startFakeAnthropicServer({fallbackReply: (body) => investigate(body, scenario.shas)})
  const run = await runCli([...scenario.args, '--json', '--postmortem', '--out-dir', join(work, 'out')], {
    cwd: work,
    env: {ANTHROPIC_API_KEY: server.apiKey, ANTHROPIC_BASE_URL: server.baseURL},
  }).finally(() => server.close())
  expectExit(run, 'the pipeline on Claude')
  const json = JSON.parse(run.stdout)
  if (json.investigation.provider !== 'anthropic') throw new Error(`the investigation ran on ${json.investigation.provider}, not Claude`)
  const diffAnswers = server.requests.flatMap((request) => toolResults(request.body, 'show_commit_diff'))
  if (diffAnswers.length < scenario.shas.length) throw new Error(`the fake model saw ${diffAnswers.length} commit diffs of ${scenario.shas.length}`)
  return {
    planted: scenario.planted,
    outputs: [
      ...server.requests.map((request, i) => ({name: `claude request ${i + 1}`, text: request.rawBody})),
      ...diffAnswers.map((text, i) => ({name: `claude show_commit_diff answer ${i + 1}`, text})),
      {name: 'claude --json output', text: run.stdout},
      {name: 'claude pipeline terminal', text: run.stderr},
      ...(await tree('claude folder', json.outputDir)),
    ],
  }
}

/** Every (secret, output) pair where some fragment of the secret occurs in the output. */
export function findLeaks(planted: readonly PlantedSecret[], outputs: LeakRun['outputs']): Leak[] {
  const finder = new LeakFinder(planted)
  return outputs.flatMap((output) => [...finder.find(output.text)].map((secret) => ({secret, output: output.name})))
}

/** The figure the closing note quotes. */
export function leakFigure(runs: readonly LeakRun[], leaks: readonly Leak[]): string {
  const planted = new Set(runs.flatMap((run) => run.planted.map((secret) => secret.value)))
  const leaked = new Set(leaks.map((leak) => leak.secret.value))
  const places = runs.reduce((sum, run) => sum + run.outputs.length, 0)
  return `leaks: ${leaked.size} of ${planted.size} planted secrets reached any output (${places} places checked)`
}

/** One line per leaked secret: its kind, where it was planted, and where it came out. */
export function describeLeaks(leaks: readonly Leak[]): string[] {
  const bySecret = new Map<PlantedSecret, string[]>()
  for (const {secret, output} of leaks) bySecret.set(secret, [...(bySecret.get(secret) ?? []), output])
  return [...bySecret].map(([secret, outputs]) => `${secret.kind} planted in ${secret.place ?? 'evidence'} → ${outputs.slice(0, 4).join('; ')}${outputs.length > 4 ? ` (+${outputs.length - 4} more)` : ''}`)
}

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
  if (turn === 1) return uses([['search_logs', {pattern: 'error', limit: 200}], ['search_logs', {pattern: 'BEGIN|token|key|password|secret|Cookie', limit: 200}], ['list_evidence', {}], ['read_metric', {series: 'db_pool_waiting'}], ['read_metric', {series: 'pg_stat_activity_count'}], ['read_metric', {series: 'http_5xx_rate'}]])
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
