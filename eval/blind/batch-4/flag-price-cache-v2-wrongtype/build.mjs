import {rng, every, writeEvents, writeJsonl, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, goService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240313)
const flagOn = new Date('2024-03-13T14:02:30Z').getTime()
const flagOff = new Date('2024-03-13T14:38:10Z').getTime()
const v2 = (d) => d.getTime() >= flagOn && d.getTime() < flagOff
// log/slog TextHandler with AddSource, UTC times.
const kv = (o) => Object.entries(o).map(([k, v]) => `${k}=${typeof v === 'string' && /[\s"=]/.test(v) ? JSON.stringify(v) : v}`).join(' ')
const slog = (d, level, source, msg, attrs = {}) => `time=${d.toISOString()} level=${level} source=${source} msg=${JSON.stringify(msg)} ${kv(attrs)}`.trim()
const sku = () => `SKU-${r.int(10000, 99999)}`
const ev = every(r, '2024-03-13T12:30:00Z', '2024-03-13T15:30:00Z', 120, (d) => {
  const s = sku()
  if (v2(d) && r.chance(0.55)) {
    // v2 reads and writes price:<sku> as a hash; v1 wrote strings with SET and a 6 h TTL.
    const out = [slog(d, 'ERROR', '/app/internal/pricing/cachev2.go:64', 'price cache read failed', {sku: s, key: `price:${s}`, err: 'WRONGTYPE Operation against a key holding the wrong kind of value'})]
    if (r.chance(0.5)) out.push(slog(new Date(d.getTime() + 2), 'ERROR', '/app/internal/api/prices.go:41', 'request failed', {method: 'GET', path: `/v1/prices/${s}`, status: 500, duration: `${r.int(2, 9)}.${r.int(100, 999)}ms`, request_id: r.hex(16)}))
    else out.push(slog(new Date(d.getTime() + 2), 'INFO', '/app/internal/api/middleware.go:27', 'request', {method: 'GET', path: `/v1/prices/${s}`, status: 200, duration: `${r.int(30, 140)}.${r.int(100, 999)}ms`, source_of_truth: 'postgres'}))
    return out
  }
  if (r.chance(0.02)) return slog(d, 'WARN', '/app/internal/pricing/fx.go:52', 'fx rate stale, using previous', {pair: r.pick(['EURUSD', 'GBPUSD', 'USDJPY']), age: `${r.int(61, 90)}s`})
  return slog(d, 'INFO', '/app/internal/api/middleware.go:27', 'request', {method: 'GET', path: `/v1/prices/${s}`, status: 200, duration: `${r.int(1, 6)}.${r.int(100, 999)}ms`})
})
writeEvents(out(dir, 'logs/pricing-api.log'), ev)

const base = goService('example.com/pricing-api')
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'pricing-api: price lookups with a redis string cache', author: people.ben, at: '2023-10-02T09:00:00Z', files: {...base, 'internal/pricing/cache.go': 'package pricing\n\n// Prices are cached as JSON strings under price:<sku> for 6 hours.\nfunc (c *Cache) Get(ctx context.Context, sku string) (Price, error) {\n\ts, err := c.rdb.Get(ctx, "price:"+sku).Result()\n\t...\n}\n'}},
  {subject: 'pricing: hash-based price cache behind pricing.cache-v2', body: 'Stores each price as a hash (amount, currency, valid_until) so partial updates do not rewrite the JSON. Off by default; enable with the pricing.cache-v2 flag.', author: people.chen, at: '2024-03-11T10:20:00Z', files: {'internal/pricing/cachev2.go': 'package pricing\n\n// Same key space as v1: price:<sku>.\nfunc (c *CacheV2) Get(ctx context.Context, sku string) (Price, error) {\n\tm, err := c.rdb.HGetAll(ctx, "price:"+sku).Result()\n\t...\n}\n', 'internal/pricing/flags.go': 'package pricing\n\nconst FlagCacheV2 = "pricing.cache-v2"\n'}},
  {subject: 'Bump github.com/redis/go-redis/v9 from 9.5.0 to 9.5.1', author: people.bot, at: '2024-03-12T03:30:00Z', files: {'go.mod': 'module example.com/pricing-api\n\ngo 1.22\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.0.12\n\tgithub.com/redis/go-redis/v9 v9.5.1\n)\n'}},
  {subject: 'fx: warn when the rate feed is older than a minute', author: people.fay, at: '2024-03-13T11:15:00Z', files: {'internal/pricing/fx.go': 'package pricing\n\n// Rates older than 60s are logged; they are still used.\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-03-11T15:00:00Z', service: 'pricing-api', version: 'v2.7.0', sha: shaOf(repo, 'pricing: hash-based price cache behind pricing.cache-v2'), kind: 'deploy', description: 'pricing-api v2.7.0'},
  {time: '2024-03-13T11:40:00Z', service: 'pricing-api', version: 'v2.7.1', sha: shaOf(repo, 'fx: warn when the rate feed is older than a minute'), kind: 'deploy', description: 'pricing-api v2.7.1'},
  {time: '2024-03-13T14:02:30Z', service: 'pricing-api', kind: 'feature-flag', description: 'pricing.cache-v2: rollout 0% -> 100% (production)'},
  {time: '2024-03-13T14:38:10Z', service: 'pricing-api', kind: 'feature-flag', description: 'pricing.cache-v2: rollout 100% -> 0% (production)'},
])
