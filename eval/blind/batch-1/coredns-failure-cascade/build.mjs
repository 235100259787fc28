import {rng, every, writeEvents, accessLine, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, nodeService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240903)
const dns = '2024-09-03T08:02:14Z'
const pool = '2024-09-03T08:02:54Z'
const api = every(r, '2024-09-03T07:30:00Z', '2024-09-03T08:35:00Z', 500, (d) => {
  const row = (level, msg, extra = {}) => JSON.stringify({ts: d.getTime(), level, msg, service: 'feed-api', ...extra})
  if (minutesSince(d, dns) >= 0 && minutesSince(d, pool) < 0) return r.chance(0.5) ? row('error', 'redis connection error', {err: 'getaddrinfo EAI_AGAIN redis-master.cache.svc.cluster.local', code: 'EAI_AGAIN'}) : row('info', 'GET /feed 200', {duration_ms: r.int(200, 900)})
  if (minutesSince(d, pool) >= 0) {
    const k = r()
    if (k < 0.1) return row('error', 'redis connection error', {err: 'getaddrinfo EAI_AGAIN redis-master.cache.svc.cluster.local', code: 'EAI_AGAIN'})
    if (k < 0.75) return row('error', 'connection pool exhausted: ResourceRequest timed out', {pool: 'redis', size: 50, pending: r.int(300, 2000), acquire_timeout_ms: 2000})
    return row('warn', 'GET /feed 504', {duration_ms: r.int(2000, 30000)})
  }
  return row('info', 'GET /feed 200', {duration_ms: r.int(5, 60)})
})
writeEvents(out(dir, 'logs/api.jsonl'), api)
const edge = every(r, '2024-09-03T07:30:00Z', '2024-09-03T08:35:00Z', 300, (d) => accessLine(r, d, {path: r.pick(['/feed', '/feed?page=2', '/me']), status: minutesSince(d, pool) >= 0 && r.chance(0.7) ? 504 : 200}))
writeEvents(out(dir, 'logs/edge-access.log'), edge)
const base = nodeService('feed-api')
const cache = (n) => `const genericPool = require('generic-pool')\nconst redis = require('redis')\n\nmodule.exports = genericPool.createPool({\n  create: () => redis.createClient({url: 'redis://redis-master.cache.svc.cluster.local:6379'}).connect(),\n  destroy: (c) => c.quit(),\n}, {max: ${n}, acquireTimeoutMillis: 2000})\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'feed-api: redis-backed feed cache', author: people.ben, at: '2024-05-01T10:00:00Z', files: {...base, 'src/cache.js': cache(30)}},
  {subject: 'Raise redis pool size to 50', author: people.dana, at: '2024-08-12T10:00:00Z', files: {'src/cache.js': cache(50)}},
  {subject: 'docs: feed ranking notes', author: people.ana, at: '2024-09-03T07:10:00Z', files: {'docs/ranking.md': '# Feed ranking\n\nrecency * affinity\n'}},
  {subject: 'Feed card: show reading time', author: people.fay, at: '2024-09-02T16:30:00Z', files: {'web/feed-card.js': 'export const readingTime = (words) => Math.ceil(words / 200)\n'}},
])
