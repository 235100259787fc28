/**
 * Live log stores against their equivalent file: the same incident (refunds failing with a
 * TypeError after a deploy carrying the partial-refunds commit and a decoy) read once from a
 * JSON-lines file and once from a local Loki and a local Elasticsearch each holding 100 million
 * lines' worth of it (aggregates computed from a seeded generator, only returned lines rendered).
 * Both runs use the built CLI with the same repository and deploy file; the root causes must
 * agree. Prints the wall time of the live run, the answer bytes pulled and the queries made,
 * with the load average (the machine is shared).
 *
 *   npm run bench:sources -- [--lines 100000000] [--file-lines-per-minute 1000]
 */
import {spawn} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {CHECKOUT_ONSET, checkoutStore} from '../test/fakes/checkout-store.js'
import {startFakeElasticsearch} from '../test/fakes/fake-elasticsearch.js'
import {startFakeLoki} from '../test/fakes/fake-loki.js'
import {writeDeploys} from '../test/scenarios/fixtures/builders/deploy-writer.js'
import {createGitRepo} from '../test/scenarios/fixtures/builders/git-repo.js'
import {nodeServiceSkeleton, refundTs} from '../test/scenarios/fixtures/builders/service-skeleton.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const BIN = path.join(here, '..', 'bin', 'run.js')
const {values: args} = parseArgs({options: {lines: {type: 'string', default: '100000000'}, 'file-lines-per-minute': {type: 'string', default: '1000'}}})

const STORE_MINUTES = 240
const CULPRIT = 'payments: support partial refunds'
const DECOY = 'search: boost exact title matches'
const iso = (ms: number) => new Date(ms).toISOString()

interface RunOutcome {
  wallS: number
  json: {outputDir: string; rca: {rootCause: {category: string; change: {sha: string; subject: string} | null; onset: string | null}}}
}

async function runCli(cliArgs: string[], cwd: string): Promise<RunOutcome> {
  const started = performance.now()
  const {code, stdout, stderr} = await new Promise<{code: number | null; stdout: string; stderr: string}>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...cliArgs], {cwd, env: {PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1'}})
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (err += chunk))
    child.on('error', reject)
    child.on('close', (exit) => resolve({code: exit, stdout: out, stderr: err}))
  })
  const wallS = (performance.now() - started) / 1000
  if (code !== 0) throw new Error(`incident-response exited ${code}:\n${stderr}\n${stdout.slice(0, 2000)}`)
  return {wallS, json: JSON.parse(stdout)}
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'ir-bench-sources-'))
  try {
    const repo = path.join(work, 'repo')
    const shas = await createGitRepo(repo, [
      {at: iso(CHECKOUT_ONSET - 2 * 86_400_000), subject: 'Import shop backend', files: nodeServiceSkeleton('checkout-api')},
      {
        at: iso(CHECKOUT_ONSET - 20 * 60_000),
        subject: CULPRIT,
        files: {
          'src/payments/refund.ts': refundTs(true),
          'src/payments/types.ts': 'export interface OrderLine { id: string; quantity: number; price: {amount: number} }\nexport interface Order { chargeId: string; totalCents: number; lines: OrderLine[] }\nexport interface RefundRequest { lineIds: string[] }\n',
        },
      },
      {at: iso(CHECKOUT_ONSET - 12 * 60_000), subject: DECOY, files: {'src/search/query.ts': "export const buildQuery = (term: string) => ({match: {title: term}})\n"}},
    ])
    const deploys = await writeDeploys(path.join(work, 'deploys.jsonl'), [
      {time: iso(CHECKOUT_ONSET - 8 * 60_000), service: 'checkout-api', version: '3.9.0', sha: shas[DECOY], kind: 'deploy', description: 'Deploy 3.9.0 (partial refunds, search boost)'},
    ])
    const declared = iso(CHECKOUT_ONSET + 10 * 60_000)
    const common = ['--severity', 'p1', '--symptoms', 'high-error-rate', '--service', 'checkout-api', '--repo', repo, '--deploys', deploys, '--started-at', declared, '--non-interactive', '--json']

    // The equivalent file: the same store at a rate a file holds.
    const small = checkoutStore(Number(args['file-lines-per-minute']))
    const lines: string[] = []
    for (const entry of small.scan({start: small.spec.from, end: small.spec.to})) lines.push(small.jsonLine(entry))
    const logFile = path.join(work, 'app.log')
    await writeFile(logFile, lines.join('\n') + '\n')
    const fromFile = await runCli([...common, '--logs', logFile, '--out-dir', path.join(work, 'out-file')], work)

    const big = checkoutStore(Math.round(Number(args.lines) / STORE_MINUTES))
    const [loki, es] = await Promise.all([startFakeLoki(big), startFakeElasticsearch(big)])
    try {
      const live = await runCli([...common, '--loki', loki.url, '--loki-selector', '{service_name="checkout-api"}', '--elasticsearch', es.url, '--elasticsearch-index', 'logs-*', '--out-dir', path.join(work, 'out-live')], work)
      const manifests = await Promise.all(
        ['loki', 'elasticsearch'].map(async (source) => JSON.parse(await readFile(path.join(live.json.outputDir, 'evidence/sources', source, 'manifest.json'), 'utf8')) as {stats: {bytes: number; queries: number}}),
      )
      const bytes = manifests.reduce((sum, m) => sum + m.stats.bytes, 0)
      const queries = manifests.reduce((sum, m) => sum + m.stats.queries, 0)
      const logs = JSON.parse(await readFile(path.join(live.json.outputDir, 'evidence/logs.json'), 'utf8')) as {totals: {lines: number}}
      const describe = (run: RunOutcome) => {
        const cause = run.json.rca.rootCause
        return `${cause.category}${cause.change ? ` "${cause.change.subject}" (${cause.change.sha.slice(0, 7)})` : ''}, onset ${cause.onset ?? 'unknown'}`
      }
      const same =
        fromFile.json.rca.rootCause.category === live.json.rca.rootCause.category && fromFile.json.rca.rootCause.change?.sha === live.json.rca.rootCause.change?.sha
      const load = os.loadavg().map((n) => n.toFixed(2)).join(', ')
      console.log(`sources: wall ${live.wallS.toFixed(2)} s, bytes pulled ${(bytes / 1024 / 1024).toFixed(2)} MB, queries ${queries}`)
      console.log(
        `  held: Loki and Elasticsearch ${(Number(args.lines) / 1e6).toFixed(0)} M lines each over ${STORE_MINUTES} min; ${(logs.totals.lines / 1e6).toFixed(1)} M counted in the incident window by the two together; the fakes sent ${((loki.bytesSent + es.bytesSent) / 1024 / 1024).toFixed(2)} MB`,
      )
      console.log(`  root cause from the live stores: ${describe(live)}`)
      console.log(`  root cause from the equivalent file (${lines.length.toLocaleString('en-US')} lines, wall ${fromFile.wallS.toFixed(2)} s): ${describe(fromFile)}`)
      console.log(`  same root cause: ${same ? 'yes' : 'NO'}`)
      console.log(`  load average: ${load} (${os.cpus().length} cores)`)
      if (!same) process.exitCode = 1
    } finally {
      await Promise.all([loki.close(), es.close()])
    }
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}

await main()
