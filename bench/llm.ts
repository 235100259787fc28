/**
 * Investigation wall time with the Claude provider, concurrent (p-limit 3) vs sequential, against
 * the local fake Messages API with a fixed per-call latency; and the size of each specialist's
 * first request. Run: npx tsx bench/llm.ts [--bundle EVIDENCE_BUNDLE.json | --digest FILE] [--latency MS] [--rounds N] [--repeat N]
 */
import {readFile} from 'node:fs/promises'
import {cpus} from 'node:os'
import {parseArgs} from 'node:util'

import pLimit from 'p-limit'

import {createAnthropicProvider} from '../src/agents/anthropic/anthropic-provider.js'
import {digestFor} from '../src/agents/digest-for.js'
import type {EvidenceTools, SpecialistInput} from '../src/agents/specialist-input.js'
import {EvidenceBundleSchema} from '../src/evidence/evidence-bundle.js'
import type {EvidenceItem} from '../src/incident/evidence-item.js'
import type {SpecialistId} from '../src/incident/vocabulary.js'
import {
  message,
  startFakeAnthropicServer,
  submitFindings,
  systemText,
  toolUse,
  type FakeReply,
  type MessagesRequestBody,
} from '../test/fakes/fake-anthropic-server.js'
import {evidenceBundle, INCIDENT} from '../test/agents/anthropic/specialist-fixture.js'

const {values: args} = parseArgs({
  options: {
    digest: {type: 'string'},
    bundle: {type: 'string'},
    latency: {type: 'string', default: '300'},
    rounds: {type: 'string', default: '2'},
    repeat: {type: 'string', default: '3'},
  },
})
const latencyMs = Number(args.latency)
const toolRounds = Number(args.rounds)
const repeats = Math.max(1, Number(args.repeat))
const SPECIALISTS: SpecialistId[] = ['root-cause-analyst', 'database', 'performance']

/** Token estimate used throughout: characters / 4 (Claude's tokenizer averages ~3.5–4 chars per token on English and JSON). */
const tokensOf = (chars: number) => Math.ceil(chars / 4)

/**
 * Where the digests come from: a saved evidence bundle (`--bundle`, digested per specialist
 * exactly as the investigation phase does), one digest text for all (`--digest`), or a synthesised one.
 */
const bundle = args.bundle ? EvidenceBundleSchema.parse(JSON.parse(await readFile(args.bundle, 'utf8'))) : null
const fixedDigest = bundle ? '' : args.digest ? await readFile(args.digest, 'utf8') : synthesiseDigest()
const digestOf = (specialist: SpecialistId): string => (bundle ? digestFor(specialist, bundle) : fixedDigest)
const digestSource = args.bundle ? `bundle ${args.bundle}` : (args.digest ?? 'synthesised')

const evidence: EvidenceItem[] = bundle?.items ?? idsIn(fixedDigest).map((id) => ({id, source: 'logs', kind: 'template', summary: id, at: null, ref: {}, data: {}}))
const citable = evidence[0]?.id ?? 'ev-logs-1'
if (evidence.length === 0) evidence.push({id: citable, source: 'logs', kind: 'template', summary: citable, at: null, ref: {}, data: {}})

// Each specialist calls a tool `toolRounds` times, then answers: toolRounds + 1 requests each.
const server = await startFakeAnthropicServer({
  latencyMs,
  fallbackReply: (body: MessagesRequestBody): FakeReply => {
    const turns = (body.messages ?? []).filter((m) => m.role === 'assistant').length
    if (turns < toolRounds) return message([toolUse('search_logs', {pattern: 'timeout', limit: 20})])
    return submitFindings('Pool exhaustion after the pool-size change.', [
      {
        hypothesis: 'The connection pool is exhausted under normal load.',
        category: 'resource-exhaustion',
        component: 'checkout-api',
        change: null,
        onset: '2025-03-14T14:02:00Z',
        confidence: 0.7,
        evidenceIds: [citable],
      },
    ])
  },
})

const tools: EvidenceTools = {
  searchLogs: async () => Array.from({length: 20}, (_, i) => `2025-03-14T14:02:${String(i).padStart(2, '0')}Z ERROR pool timeout after 5000ms`).join('\n'),
  commitDiff: async () => '',
  metricSlice: async () => '',
  listEvidence: async () => '',
}
let fallbacks = 0
const provider = createAnthropicProvider({
  apiKey: server.apiKey,
  baseURL: server.baseURL,
  maxRetries: 0,
  fallback: async (input, reason) => {
    fallbacks++
    console.error(`fallback for ${input.specialist}: ${reason}`)
    return {schemaVersion: 1, specialist: input.specialist, provider: 'offline', summary: '', findings: [], observations: [], limitations: [], fallback: null, droppedFindings: 0, usage: null}
  },
})
const inputFor = (specialist: SpecialistId): SpecialistInput => ({
  incident: INCIDENT,
  specialist,
  scope: `The ${specialist} specialist: its role and scope in one paragraph, as the roster writes it.`,
  digest: digestOf(specialist),
  evidence,
  bundle: evidenceBundle(evidence),
  tools,
})

// Warm up: module caches, and three pooled connections, so neither measured mode pays for them.
await Promise.all(SPECIALISTS.map((s) => provider.runSpecialist(inputFor(s))))

const limit = pLimit(3)
const timeRun = async (run: () => Promise<unknown>): Promise<number> => {
  const started = performance.now()
  await run()
  return (performance.now() - started) / 1000
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

// Alternate the two modes so background load on a shared machine hits both alike; report medians.
const concurrentRuns: number[] = []
const sequentialRuns: number[] = []
for (let i = 0; i < repeats; i++) {
  concurrentRuns.push(await timeRun(() => Promise.all(SPECIALISTS.map((s) => limit(() => provider.runSpecialist(inputFor(s)))))))
  sequentialRuns.push(
    await timeRun(async () => {
      for (const s of SPECIALISTS) await provider.runSpecialist(inputFor(s))
    }),
  )
}
const concurrentS = median(concurrentRuns)
const sequentialS = median(sequentialRuns)

/**
 * What the model reads: system text, tool definitions and the first user message, unescaped
 * (the HTTP body's JSON escaping of the digest would inflate a chars/4 estimate).
 */
const firstRequestChars = SPECIALISTS.map((s) => {
  // Every run sends the same first request; the warm-up's is as good as any.
  const body = server.requests.find((r) => r.body && systemText(r.body).includes(`## Your role: ${s}`))?.body
  if (!body) return 0
  const userText = (body.messages ?? []).map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('')
  return systemText(body).length + JSON.stringify(body.tools ?? []).length + userText.length
})

await server.close()

const ratio = concurrentS / sequentialS
const maxFirst = Math.max(...firstRequestChars.map(tokensOf))
console.log(`machine: ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`)
console.log(`fake Messages API latency ${latencyMs} ms per call; ${toolRounds} tool rounds + 1 answer per specialist; ${SPECIALISTS.length} specialists`)
console.log(`digests from: ${digestSource}`)
SPECIALISTS.forEach((s, i) => {
  const digestChars = digestOf(s).length
  console.log(`first request ${s}: digest ${digestChars} chars ≈ ${tokensOf(digestChars)} tokens; whole ${firstRequestChars[i]} chars ≈ ${tokensOf(firstRequestChars[i])} tokens (chars/4 of system + tools + first message)`)
})
console.log(`runs (s): concurrent ${concurrentRuns.map((x) => x.toFixed(2)).join(' ')}; sequential ${sequentialRuns.map((x) => x.toFixed(2)).join(' ')} (medians below)`)
console.log(`fallbacks: ${fallbacks}`)
console.log(`llm: concurrent ${concurrentS.toFixed(2)} s, sequential ${sequentialS.toFixed(2)} s, ratio ${ratio.toFixed(2)}, first request ${maxFirst} tokens max`)

function idsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/"(ev-[a-z0-9][a-z0-9._-]*)"/g)].map((m) => m[1]))]
}

/**
 * A digest shaped like the collectors' (templates with counts, changes with kinds and files,
 * metric change-points, DB diagnostics) and sized like a bounded one for a large incident.
 */
function synthesiseDigest(): string {
  const templates = Array.from({length: 40}, (_, i) => ({
    id: `ev-logs-${i + 1}`,
    template: `${['ERROR', 'WARN', 'INFO'][i % 3]} <*> ${['pool timeout after <*>ms', 'upstream 503 from payments', 'GET /checkout/<*> <*>', 'retrying order <*> attempt <*>', 'slow query <*>ms on orders'][i % 5]} (${i})`,
    count: 50_000 - i * 1100,
    firstSeen: '2025-03-14T13:40:00Z',
    onsetShift: i < 5 ? 'new after 14:02' : 'steady',
    samples: [`2025-03-14T14:02:${String(i % 60).padStart(2, '0')}Z checkout-api pod-${i % 7} request_id=${(i * 7919).toString(16)}`],
  }))
  const changes = Array.from({length: 12}, (_, i) => ({
    id: `ev-git-${(0xa1b2c30 + i).toString(16)}`,
    kind: ['code-change', 'config-change', 'dependency-upgrade', 'database-migration'][i % 4],
    subject: `change ${i}: adjust checkout ${['pool', 'retries', 'timeouts', 'schema'][i % 4]}`,
    at: `2025-03-14T1${i % 4}:${String((i * 7) % 60).padStart(2, '0')}:00Z`,
    files: [`src/checkout/${['db', 'client', 'config', 'migrations'][i % 4]}.ts`, 'package.json'],
    stat: {insertions: 10 + i, deletions: i},
  }))
  const metrics = Array.from({length: 6}, (_, i) => ({
    id: `ev-metric-series-${i}`,
    series: ['http_5xx_rate', 'p99_latency_ms', 'db_connections', 'cpu', 'rps', 'queue_depth'][i],
    changePoint: '2025-03-14T14:02:00Z',
    before: 10 * (i + 1),
    after: 60 * (i + 1),
  }))
  const postgres = {id: 'ev-postgres-activity', activeConnections: 98, maxConnections: 100, waiting: 41, longestQueryMs: 31_000}
  return JSON.stringify({window: {from: '2025-03-14T13:32:00Z', to: '2025-03-14T14:50:00Z'}, templates, changes, metrics, postgres})
}
