import {rng, every, writeEvents, writeJsonl, accessLine, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, nodeService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240416)
const slow = (d) => minutesSince(d, '2024-04-16T10:35:00Z') >= 0 && minutesSince(d, '2024-04-16T10:44:00Z') < 0
const acc = every(r, '2024-04-16T09:30:00Z', '2024-04-16T11:30:00Z', 250, (d) => {
  const path = r.pick(['/api/checkout/quote', '/api/checkout/confirm', '/api/cart', '/api/checkout/shipping-options'])
  const base = 0.05 + r() * 0.15 + (r.chance(0.05) ? r() * 0.2 : 0)
  return accessLine(r, d, {method: path.endsWith('cart') ? 'GET' : 'POST', path, status: 200, rt: slow(d) ? base * 2.6 : base})
})
writeEvents(out(dir, 'logs/checkout-access.log'), acc)
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'monorepo: checkout-api and web-frontend', author: people.ana, at: '2023-12-01T10:00:00Z', files: {...Object.fromEntries(Object.entries(nodeService('checkout-api')).map(([k, v]) => [`services/checkout-api/${k}`, v])), 'web-frontend/src/footer.html': '<footer><a href="/help">Help</a></footer>\n', 'README.md': '# shop monorepo\n'}},
  {subject: 'checkout-api: log the quote id on confirm', author: people.chen, at: '2024-04-15T15:00:00Z', files: {'services/checkout-api/src/routes/confirm.js': "module.exports = (req, res) => { req.log.info({quote: req.body.quoteId}, 'confirm'); res.json({ok: true}) }\n"}},
  {subject: 'frontend: update footer links (careers, press)', author: people.fay, at: '2024-04-16T10:20:00Z', files: {'web-frontend/src/footer.html': '<footer><a href="/help">Help</a> <a href="/careers">Careers</a> <a href="/press">Press</a></footer>\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-04-15T15:30:00Z', service: 'checkout-api', version: '2024.04.15-1', sha: shaOf(repo, 'checkout-api: log the quote id on confirm'), kind: 'deploy', description: 'checkout-api 2024.04.15-1'},
  {time: '2024-04-16T10:28:00Z', service: 'web-frontend', version: '2024.04.16-2', sha: shaOf(repo, 'frontend: update footer links (careers, press)'), kind: 'deploy', description: 'web-frontend 2024.04.16-2'},
])
