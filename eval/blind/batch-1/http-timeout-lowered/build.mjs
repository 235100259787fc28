import {rng, every, writeEvents, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {execFileSync} from 'node:child_process'
import {people, goService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240305)
const deploy = '2024-03-05T14:05:00Z'
const logs = every(r, '2024-03-05T13:20:00Z', '2024-03-05T14:40:00Z', 700, (d) => {
  const lat = Math.round(180 + r() * 900 * r())
  if (minutesSince(d, deploy) >= 0 && lat > 500) return `${fmt.go(d)} [cart] ERROR reserve items cart=${r.hex(8)}: Get "http://inventory.internal:8080/v2/stock?sku=${r.int(10000, 99999)}": context deadline exceeded (Client.Timeout exceeded while awaiting headers) elapsed=${500 + r.int(0, 4)}ms`
  return `${fmt.go(d)} [cart] INFO reserve items cart=${r.hex(8)} ok inventory_latency=${lat}ms`
})
writeEvents(out(dir, 'logs/cart.log'), logs)
const base = goService('example.com/cart')
const cfg = (t) => `inventory:\n  base_url: http://inventory.internal:8080\n  timeout: ${t}\n  max_idle_conns: 64\npricing:\n  base_url: http://pricing.internal:8080\n  timeout: 2s\n`
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'cart: inventory client from config', author: people.ana, at: '2024-01-15T10:00:00Z', files: {...base, 'config/production.yaml': cfg('5s'), 'internal/inventory/client.go': 'package inventory\n\nimport (\n\t"net/http"\n\t"time"\n)\n\nfunc New(timeout time.Duration) *http.Client { return &http.Client{Timeout: timeout} }\n', 'internal/cart/reserve.go': 'package cart\n\nfunc Reserve(items []Item) error { return inv.Reserve(items) }\n'}},
  {subject: 'docs: cart architecture diagram', author: people.ben, at: '2024-03-05T09:00:00Z', files: {'docs/architecture.md': '# Cart\n\ncart -> inventory, pricing\n'}},
  {subject: 'Rename cart.Reserve to ReserveItems', author: people.chen, at: '2024-03-05T11:15:00Z', files: {'internal/cart/reserve.go': 'package cart\n\nfunc ReserveItems(items []Item) error { return inv.Reserve(items) }\n'}},
  {subject: 'config: lower inventory client timeout to 500ms', author: people.dana, at: '2024-03-04T17:30:00Z', committedAt: '2024-03-05T13:58:00Z', committer: people.merge, files: {'config/production.yaml': cfg('500ms')}},
  {subject: 'Add retry with jitter to inventory reserve', author: people.chen, at: '2024-03-05T14:35:00Z', files: {'internal/inventory/retry.go': 'package inventory\n\n// retry reserve up to 3 times with jitter\n'}},
])
const sha = (s) => execFileSync('git', ['log', '--format=%H %s'], {cwd: repo, encoding: 'utf8'}).split('\n').find((l) => l.endsWith(' ' + s)).split(' ')[0]
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-03-05T11:40:00Z', service: 'cart', version: '2024.03.05-1', sha: sha('Rename cart.Reserve to ReserveItems'), kind: 'deploy', description: 'cart 2024.03.05-1'},
  {time: deploy, service: 'cart', version: '2024.03.05-2', sha: sha('config: lower inventory client timeout to 500ms'), kind: 'deploy', description: 'cart 2024.03.05-2'},
])
