import {rng, every, writeEvents, writeJsonl, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, nodeService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20180612)
const deploy = '2018-06-12T14:05:00Z'
const after = (d) => minutesSince(d, deploy) >= 1
const alb = every(r, '2018-06-12T13:00:00Z', '2018-06-12T16:30:00Z', 120, (d) => {
  const path = r.pick(['/v1/orders?page=' + r.int(1, 9), '/v1/orders/' + r.int(1e5, 9e5), '/v1/customers/me', '/healthz'])
  const method = r.chance(0.2) ? 'POST' : 'GET'
  const target = `10.0.${r.int(1, 3)}.${r.pick([41, 52, 77, 103, 118, 160])}:3000`
  const bad = after(d) && r.chance(0.004)
  const t = d.toISOString().replace('Z', `${String(r.int(0, 999)).padStart(3, '0')}Z`)
  const created = new Date(d.getTime() - r.int(0, 3)).toISOString().replace('Z', '000Z')
  const times = bad ? `0.000 0.00${r.int(0, 2)} -1` : `0.000 ${(r() * 0.08).toFixed(3)} 0.000`
  const codes = bad ? '502 -' : `${method === 'POST' ? 201 : 200} ${method === 'POST' ? 201 : 200}`
  const sent = bad ? 272 : r.int(300, 9000)
  return `https ${t} app/orders-api-prod/50dc6c495c0c9188 ${r.pick(['203.0.113', '198.51.100', '192.0.2'])}.${r.int(1, 254)}:${r.int(1024, 65535)} ${target} ${times} ${codes} ${r.int(200, 900)} ${sent} "${method} https://api.example.com:443${path} HTTP/1.1" "${r.pick(['okhttp/3.10.0', 'ExampleApp/5.2 (iPhone; iOS 11.4)', 'python-requests/2.19.0'])}" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/orders-api-prod/73e2d6bc24d8a067 "Root=1-${Math.floor(d.getTime() / 1000).toString(16)}-${r.hex(24)}" "api.example.com" "arn:aws:acm:us-east-1:123456789012:certificate/3f1c2b4a-9d8e-4f7a-b6c5-1e2d3c4b5a69" 0 ${created}`
})
writeEvents(out(dir, 'logs/alb-access.log'), alb)
const tasks = ['orders-api-3f9c', 'orders-api-7b2e', 'orders-api-a41d']
const newTasks = ['orders-api-c08e', 'orders-api-d5a1', 'orders-api-e6f3']
const app = every(r, '2018-06-12T13:00:00Z', '2018-06-12T16:30:00Z', 400, (d) => {
  const host = after(d) ? r.pick(newTasks) : r.pick(tasks)
  const status = r.chance(0.2) ? 201 : 200
  return JSON.stringify({level: 30, time: d.getTime(), pid: 1, hostname: host, req: {id: r.int(1, 99999), method: status === 201 ? 'POST' : 'GET', url: r.pick(['/v1/orders?page=2', '/v1/orders/482113', '/v1/customers/me'])}, res: {statusCode: status}, responseTime: r.int(2, 80), msg: 'request completed'})
})
for (const [i, h] of newTasks.entries()) {
  const d = new Date(new Date(deploy).getTime() + 20000 + i * 45000)
  app.push({t: d.getTime(), text: JSON.stringify({level: 30, time: d.getTime(), pid: 1, hostname: h, node: 'v8.11.3', port: 3000, msg: 'server listening'})})
}
for (const [i, h] of tasks.entries()) {
  const d = new Date(new Date(deploy).getTime() + 40000 + i * 45000)
  app.push({t: d.getTime(), text: JSON.stringify({level: 30, time: d.getTime(), pid: 1, hostname: h, signal: 'SIGTERM', msg: 'shutting down'})})
}
writeEvents(out(dir, 'logs/api.log'), app)
const base = nodeService('orders-api')
const docker = (img) => `FROM ${img}\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm ci --production\nCOPY . .\nEXPOSE 3000\nCMD ["node", "src/server.js"]\n`
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'orders-api: service on ECS behind the ALB', author: people.ben, at: '2017-11-02T10:00:00Z', files: {...base, Dockerfile: docker('node:6.14-alpine')}},
  {subject: 'orders: validate customer id on GET', author: people.ana, at: '2018-06-11T14:00:00Z', files: {'src/routes/validate.js': "module.exports = (id) => /^[0-9]+$/.test(id)\n"}},
  {subject: 'README: local setup with docker compose', author: people.fay, at: '2018-06-12T11:00:00Z', files: {'README.md': '# orders-api\n\n`docker compose up` starts the API and a local Postgres.\n'}},
  {subject: 'api: add pagination to /v1/orders', author: people.dana, at: '2018-06-12T12:50:00Z', files: {'src/routes/orders.js': "const router = require('express').Router()\n\nrouter.get('/', async (req, res) => {\n  const page = Math.max(1, Number(req.query.page) || 1)\n  res.json({page, items: []})\n})\n\nmodule.exports = router\n"}},
  {subject: 'Dockerfile: move to node:8.11-alpine', author: people.eli, at: '2018-06-12T13:20:00Z', body: 'Node 6 leaves active LTS in April; async/await everywhere.', files: {Dockerfile: docker('node:8.11-alpine')}},
  {subject: 'server: keep idle connections longer than the ALB idle timeout', author: people.eli, at: '2018-06-12T16:40:00Z', files: {'src/server.js': base['src/server.js'].replace("app.listen(process.env.PORT || 3000, () => console.log('listening on', process.env.PORT || 3000))", "const server = app.listen(process.env.PORT || 3000)\nserver.keepAliveTimeout = 65000\nserver.headersTimeout = 66000")}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2018-06-11T16:00:00Z', service: 'orders-api', version: '2018.06.11-1', sha: shaOf(repo, 'orders: validate customer id on GET'), kind: 'deploy', description: 'orders-api 2018.06.11-1'},
  {time: deploy, service: 'orders-api', version: '2018.06.12-2', sha: shaOf(repo, 'Dockerfile: move to node:8.11-alpine'), kind: 'deploy', description: 'orders-api 2018.06.12-2'},
])
