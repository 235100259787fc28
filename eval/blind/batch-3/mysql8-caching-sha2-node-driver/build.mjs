import {rng, every, at, writeEvents, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, nodeService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20230620)
const cut = '2023-06-20T14:03:20Z'
const after = (d) => minutesSince(d, cut) >= 0
const pods = ['orders-api-7c9d5f6b4-2kq8s', 'orders-api-7c9d5f6b4-9vx7m', 'orders-api-7c9d5f6b4-h4l2n']
const stack = 'Error: ER_NOT_SUPPORTED_AUTH_MODE: Client does not support authentication protocol requested by server; consider upgrading MySQL client\n    at Handshake.Sequence._packetToError (/app/node_modules/mysql/lib/protocol/sequences/Sequence.js:47:14)\n    at Handshake.ErrorPacket (/app/node_modules/mysql/lib/protocol/sequences/Handshake.js:123:18)\n    at Protocol._parsePacket (/app/node_modules/mysql/lib/protocol/Protocol.js:291:23)\n    at Parser._parsePacket (/app/node_modules/mysql/lib/protocol/Parser.js:433:10)\n    --------------------\n    at Protocol._enqueue (/app/node_modules/mysql/lib/protocol/Protocol.js:144:48)\n    at Protocol.handshake (/app/node_modules/mysql/lib/protocol/Protocol.js:51:23)\n    at PoolConnection.connect (/app/node_modules/mysql/lib/Connection.js:116:18)'
const app = every(r, '2023-06-20T12:30:00Z', '2023-06-20T15:30:00Z', 350, (d) => {
  const hostname = r.pick(pods)
  const url = r.pick(['/api/orders?page=1', '/api/orders/' + r.int(100000, 999999), '/api/orders/' + r.int(100000, 999999) + '/items', '/api/admin/orders?page=' + r.int(1, 40)])
  const base = {time: d.getTime(), pid: 1, hostname}
  if (after(d) && r.chance(0.97)) {
    return [
      JSON.stringify({level: 50, ...base, err: {type: 'Error', message: 'ER_NOT_SUPPORTED_AUTH_MODE: Client does not support authentication protocol requested by server; consider upgrading MySQL client', stack, code: 'ER_NOT_SUPPORTED_AUTH_MODE', errno: 1251, sqlMessage: 'Client does not support authentication protocol requested by server; consider upgrading MySQL client', sqlState: '08004', fatal: true}, msg: 'db pool: new connection failed'}),
      JSON.stringify({level: 30, ...base, time: d.getTime() + 2, req: {method: 'GET', url}, res: {statusCode: 500}, responseTime: r.int(3, 12), msg: 'request errored'}),
    ]
  }
  return JSON.stringify({level: 30, ...base, req: {method: 'GET', url}, res: {statusCode: 200}, responseTime: r.int(9, 120), msg: 'request completed'})
})
writeEvents(out(dir, 'logs/orders-api.jsonl'), app)
const my = []
const myts = (d) => d.toISOString().replace('Z', '000Z')
my.push(at('2023-06-20T14:01:02Z', `${myts(new Date('2023-06-20T14:01:02Z'))} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.33) starting as process 1`))
my.push(at('2023-06-20T14:01:09Z', `${myts(new Date('2023-06-20T14:01:09Z'))} 0 [Warning] [MY-011810] [Server] Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.`))
my.push(at('2023-06-20T14:01:10Z', `${myts(new Date('2023-06-20T14:01:10Z'))} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.33'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`))
my.push(at('2023-06-20T14:02:40Z', `${myts(new Date('2023-06-20T14:02:40Z'))} 8 [Note] [MY-010454] [Server] bootstrap: CREATE USER 'orders'@'%' (default authentication plugin caching_sha2_password); GRANT on orders.* ; import of 41 tables finished`))
writeEvents(out(dir, 'logs/orders-db-error.log'), my)
const values = (tag) => `image:\n  repository: mysql\n  tag: "${tag}"\nauth:\n  database: orders\n  username: orders\n  existingSecret: orders-db-auth\nprimary:\n  persistence:\n    size: 200Gi\n`
const pkg = (pino) => JSON.stringify({name: 'orders-api', version: '2.8.0', main: 'src/server.js', dependencies: {express: '^4.18.2', mysql: '^2.18.1', pino: pino, 'pino-http': '^8.3.3'}}, null, 2) + '\n'
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'orders: API and its MySQL chart', author: people.ana, at: '2022-02-14T10:00:00Z', files: {...nodeService('orders-api'), 'package.json': pkg('^8.14.1'), 'charts/orders-db/values.yaml': values('5.7.42'), 'src/db.js': "const mysql = require('mysql')\nmodule.exports = mysql.createPool({host: 'orders-db', user: 'orders', password: process.env.DB_PASSWORD, database: 'orders', connectionLimit: 20})\n"}},
  {subject: 'Bump pino from 8.14.1 to 8.14.2', author: people.bot, at: '2023-06-20T09:10:00Z', files: {'package.json': pkg('^8.14.2')}},
  {subject: 'orders: paginate the admin order list', author: people.chen, at: '2023-06-20T11:45:00Z', files: {'src/routes/admin-orders.js': "const router = require('express').Router()\nrouter.get('/', (req, res) => res.json({page: Number(req.query.page || 1)}))\nmodule.exports = router\n"}},
  {subject: 'orders-db: upgrade to MySQL 8.0.33 (logical dump and restore)', author: people.dana, at: '2023-06-20T13:20:00Z', body: 'MySQL 5.7 reaches end of life in October. New 8.0 primary, data imported from a logical dump, users recreated by the chart bootstrap.', files: {'charts/orders-db/values.yaml': values('8.0.33')}},
  {subject: 'docs: MySQL 8 upgrade notes', author: people.dana, at: '2023-06-20T13:25:00Z', files: {'docs/mysql8.md': '# MySQL 8\n\nUpgrade by dump and restore; check the slow log afterwards.\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2023-06-20T12:05:00Z', service: 'orders-api', version: '2.8.0', sha: shaOf(repo, 'orders: paginate the admin order list'), kind: 'deploy', description: 'orders-api 2.8.0'},
  {time: '2023-06-20T14:03:00Z', service: 'orders-db', version: '8.0.33', sha: shaOf(repo, 'orders-db: upgrade to MySQL 8.0.33 (logical dump and restore)'), kind: 'deploy', description: 'orders-db: switch the orders-db service to the MySQL 8.0.33 primary'},
])
