import {rng, every, writeEvents, accessLine, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, nodeService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20241002)
const a = '2024-10-02T13:07:00Z', b = '2024-10-02T13:11:00Z'
const lb = every(r, '2024-10-02T12:30:00Z', '2024-10-02T13:30:00Z', 300, (d) => {
  const bad = minutesSince(d, a) >= 0 && minutesSince(d, b) < 0 && r.chance(0.15)
  return accessLine(r, d, {path: r.pick(['/', '/products/1123', '/cart', '/api/search?q=lamp', '/static/app.js']), status: bad ? 502 : 200, rt: bad ? 0.001 : r() * 0.2})
})
writeEvents(out(dir, 'logs/alb-access.log'), lb)
const app = every(r, '2024-10-02T12:30:00Z', '2024-10-02T13:30:00Z', 350, (d) => JSON.stringify({time: fmt.iso(d), level: 'info', msg: 'request completed', method: 'GET', path: r.pick(['/', '/products/1123', '/cart', '/api/search']), status: 200, duration_ms: r.int(5, 120)}))
writeEvents(out(dir, 'logs/app.log'), app)
buildRepo(out(dir, 'repo'), [
  {subject: 'storefront: initial app', author: people.ana, at: '2024-06-01T10:00:00Z', files: nodeService('storefront')},
  {subject: 'docs: describe the cache headers', author: people.ben, at: '2024-10-02T08:45:00Z', files: {'docs/caching.md': '# Caching\n\nStatic assets: max-age=31536000, immutable.\n'}},
  {subject: 'tests: share the express app factory', author: people.chen, at: '2024-10-02T10:15:00Z', files: {'test/helpers/app.js': "module.exports = () => require('../../src/app')\n"}},
])
