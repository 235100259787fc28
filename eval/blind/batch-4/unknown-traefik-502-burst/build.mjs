import {rng, every, writeEvents, writeJsonl, docIp, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, nodeService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20250127)
const from = new Date('2025-01-27T16:31:20Z').getTime()
const to = new Date('2025-01-27T16:34:05Z').getTime()
const burst = (d) => d.getTime() >= from && d.getTime() < to
const backends = ['10.42.1.17:3000', '10.42.2.23:3000', '10.42.3.9:3000']
// Traefik v3 access log, format json (default fields).
const tr = every(r, '2025-01-27T15:30:00Z', '2025-01-27T17:30:00Z', 400, (d) => {
  const path = r.pick(['/api/catalog', '/api/catalog/items/' + r.int(1, 5000), '/api/cart', '/api/search?q=' + r.pick(['desk', 'lamp', 'chair'])])
  const fail = burst(d) && r.chance(0.05)
  const originDur = fail ? r.int(200000, 3000000) : r.int(2e6, 60e6)
  const srv = r.pick(backends)
  return JSON.stringify({
    ClientAddr: `${docIp(r)}:${r.int(30000, 65000)}`, ClientHost: docIp(r), ClientPort: String(r.int(30000, 65000)), ClientUsername: '-',
    DownstreamContentSize: fail ? 11 : r.int(200, 9000), DownstreamStatus: fail ? 502 : 200, Duration: originDur + r.int(50000, 300000),
    OriginContentSize: fail ? 0 : r.int(200, 9000), OriginDuration: originDur, OriginStatus: fail ? 0 : 200, Overhead: r.int(50000, 300000),
    RequestAddr: 'shop.example.com', RequestContentSize: 0, RequestCount: r.int(1e6, 2e6), RequestHost: 'shop.example.com', RequestMethod: 'GET', RequestPath: path,
    RequestPort: '-', RequestProtocol: 'HTTP/2.0', RequestScheme: 'https', RetryAttempts: 0, RouterName: 'catalog-api@kubernetescrd', ServiceAddr: srv,
    ServiceName: 'catalog-api@kubernetescrd', ServiceURL: `http://${srv}`, StartLocal: d.toISOString(), StartUTC: d.toISOString(), entryPointName: 'websecure',
    level: 'info', msg: '', time: new Date(d.getTime() + 20).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  })
})
writeEvents(out(dir, 'logs/traefik-access.json'), tr)
// winston JSON (format.timestamp + format.json) from the catalog-api pods: nothing but routine lines.
const w = every(r, '2025-01-27T15:30:00Z', '2025-01-27T17:30:00Z', 4000, (d) => JSON.stringify({level: 'info', message: r.pick(['catalog cache refreshed', 'served request batch', 'db pool stats']), service: 'catalog-api', pod: `catalog-api-6d9f7c8b5-${r.pick(['k2x9p', 'm7q4z', 'v8c3n'])}`, items: r.int(1000, 5000), pool_idle: r.int(3, 10), timestamp: d.toISOString()}))
writeEvents(out(dir, 'logs/catalog-api.jsonl'), w)
const base = nodeService('catalog-api')
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'catalog-api: express service behind traefik', author: people.ben, at: '2024-08-01T10:00:00Z', files: base},
  {subject: 'Bump undici from 6.21.0 to 6.21.1', author: people.bot, at: '2025-01-24T05:00:00Z', files: {'package.json': JSON.stringify({name: 'catalog-api', version: '1.0.0', dependencies: {express: '^4.21.2', pg: '^8.13.1', undici: '^6.21.1'}}, null, 2) + '\n'}},
  {subject: 'catalog: return 404 for archived items instead of 410', author: people.fay, at: '2025-01-27T14:10:00Z', files: {'src/routes/items.js': "// archived items are hidden: 404\n"}},
  {subject: 'docs: catalog cache TTLs', author: people.ana, at: '2025-01-27T16:55:00Z', files: {'docs/cache.md': '# Cache\n\nItems 60 s, categories 10 min.\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2025-01-27T14:40:00Z', service: 'catalog-api', version: '3.8.0', sha: shaOf(repo, 'catalog: return 404 for archived items instead of 410'), kind: 'deploy', description: 'catalog-api 3.8.0'},
  {time: '2025-01-27T16:16:00Z', service: 'recommendations', version: '0.44.2', kind: 'deploy', description: 'recommendations 0.44.2'},
])
