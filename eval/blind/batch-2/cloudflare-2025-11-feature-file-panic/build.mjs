import {rng, every, writeEvents, writeCsvMetrics, writeJsonl, accessLine, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20251118)
const rollout = '2025-11-18T11:05:00Z' // permissions change starts on the first ClickHouse nodes
const fixed = '2025-11-18T14:24:00Z' // known-good file pushed, generation stopped
// The feature file is regenerated every 5 minutes; it is bad when the query ran on a node that
// already had the new grants. The share of such nodes grows through the rollout.
const windowBad = new Map()
const isBad = (d) => {
  const m = minutesSince(d, rollout)
  if (m < 15 || d >= new Date(fixed)) return false
  const w = Math.floor(minutesSince(d, '2025-11-18T00:00:00Z') / 5)
  if (!windowBad.has(w)) {
    const share = Math.min(1, (m - 15) / 110)
    windowBad.set(w, m < 20 ? true : r() < 0.35 + share * 0.65)
  }
  return windowBad.get(w)
}
const fl2 = []
let prev = null
for (let t = new Date('2025-11-18T10:30:00Z').getTime(); t < new Date('2025-11-18T15:00:00Z').getTime(); t += 300000) {
  const d = new Date(t + 4000)
  const bad = isBad(new Date(t + 1000))
  const rows = bad ? 224 : 112
  fl2.push({t: d.getTime(), text: `${fmt.iso(d)}  INFO fl2::modules::bot_management::loader: new feature file received version=${t / 1000} features=${rows} bytes=${bad ? 90112 : 45056}`})
  if (bad && prev !== true) fl2.push({t: d.getTime() + 3, text: `${fmt.iso(new Date(d.getTime() + 3))} ERROR fl2::modules::bot_management::loader: feature file exceeds preallocated limit features=${rows} limit=200`})
  if (!bad && prev === true) fl2.push({t: d.getTime() + 3, text: `${fmt.iso(new Date(d.getTime() + 3))}  INFO fl2::modules::bot_management::loader: feature file within limits, bot scoring active features=${rows}`})
  prev = bad
}
fl2.push(...every(r, '2025-11-18T10:30:00Z', '2025-11-18T15:00:00Z', 2500, (d) => {
  const w = `fl2_worker_thread`
  if (isBad(d) && r.chance(0.6)) return [
    `${fmt.iso(d)} ERROR fl2::worker: request failed status=500 colo=${r.pick(['FRA', 'LHR', 'IAD', 'SIN', 'GRU', 'NRT'])} module=bot_management`,
    `thread '${w}' panicked at crates/bot_management/src/features.rs:${r.pick([212, 212, 219])}:58:`,
    'called `Result::unwrap()` on an `Err` value: FeatureLimitExceeded { found: 224, max: 200 }',
    'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
  ]
  if (r.chance(0.05)) return `${fmt.iso(d)}  WARN fl2::upstream: origin slow colo=${r.pick(['FRA', 'LHR', 'IAD'])} elapsed_ms=${r.int(900, 2500)}`
  return `${fmt.iso(d)}  INFO fl2::worker: served colo=${r.pick(['FRA', 'LHR', 'IAD', 'SIN', 'GRU', 'NRT'])} status=${r.pick([200, 200, 200, 304, 206])} cache=${r.pick(['HIT', 'MISS', 'DYNAMIC'])} elapsed_ms=${r.int(2, 60)}`
}))
writeEvents(out(dir, 'logs/fl2-proxy.log'), fl2)
const edge = every(r, '2025-11-18T10:30:00Z', '2025-11-18T15:00:00Z', 900, (d) => {
  const bad = isBad(d) && r.chance(0.85)
  return accessLine(r, d, {method: r.chance(0.8) ? 'GET' : 'POST', path: r.pick(['/', '/api/v1/chat', '/static/app.js', '/login', '/api/feed?page=2', '/cdn-cgi/challenge-platform/h/b']), status: bad ? 500 : r.pick([200, 200, 200, 304]), rt: bad ? 0.002 : r() * 0.3})
})
writeEvents(out(dir, 'logs/edge-access.log'), edge)
writeCsvMetrics(out(dir, 'metrics/edge.csv'), '2025-11-17T15:00:00Z', '2025-11-18T15:00:00Z', 60000, {
  edge_requests_per_second: (d) => 4.1e7 * (1 + 0.15 * Math.sin(d.getTime() / 86400000 * 2 * Math.PI)) + r() * 5e5,
  edge_http_5xx_ratio: (d) => (isBad(d) ? 0.55 + r() * 0.2 : 0.001 + r() * 0.001),
  bot_management_feature_count: (d) => (isBad(d) ? 224 : 112),
  fl2_worker_panics_per_second: (d) => (isBad(d) ? 180000 + r() * 20000 : 0),
})
const gen = (filter) => `import clickhouse_connect\n\nQUERY = """\nSELECT name, type\nFROM system.columns\nWHERE table = 'http_requests_features'\n${filter}ORDER BY name\n"""\n\n\ndef feature_rows(client):\n    return client.query(QUERY).result_rows\n`
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'feature-gen: build the bot features file from system.columns', author: people.ana, at: '2025-03-04T10:00:00Z', files: {'feature_gen/query.py': gen(''), 'feature_gen/__init__.py': '', 'README.md': '# feature-gen\n\nBuilds the bot-management feature file every 5 minutes and publishes it to the edge.\n', 'requirements.txt': 'clickhouse-connect==0.7.19\n'}},
  {subject: 'feature-gen: log how many rows the query returned', author: people.chen, at: '2025-11-10T14:20:00Z', files: {'feature_gen/publish.py': 'import logging\n\nlog = logging.getLogger(__name__)\n\n\ndef publish(rows):\n    log.info("publishing feature file rows=%d", len(rows))\n'}},
  {subject: 'docs: how the edge loads the features file', author: people.ben, at: '2025-11-17T09:30:00Z', files: {'docs/loading.md': '# Loading\n\nThe proxy reloads the file when a new version arrives.\n'}},
  {subject: 'feature-gen: filter system.columns by database', author: people.ana, at: '2025-11-18T16:40:00Z', files: {'feature_gen/query.py': gen("  AND database = 'default'\n")}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2025-11-17T16:20:00Z', service: 'fl2-proxy', version: '2025.11.17-3', sha: '', kind: 'deploy', description: 'fl2-proxy 2025.11.17-3: HTTP/3 connection pool tuning'},
  {time: '2025-11-18T10:40:00Z', service: 'dashboard', version: '2025.11.18-1', sha: '', kind: 'deploy', description: 'dashboard: new account switcher'},
  {time: rollout, service: 'clickhouse', version: '', sha: '', kind: 'config', description: 'ClickHouse: explicit per-user grants for distributed query accounts (r0 tables become visible), gradual rollout'},
  {time: fixed, service: 'bot-management', version: '', sha: '', kind: 'config', description: 'bot-management: stop feature file propagation and push the last known-good file'},
])
void repo
