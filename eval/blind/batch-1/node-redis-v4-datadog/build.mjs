import {rng, every, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, nodeService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20211213)
const deploy = '2021-12-13T14:22:00Z'
const row = (d, status, message, attrs) => JSON.stringify({id: `AQAAAX${r.hex(18)}`, content: {timestamp: fmt.iso(d), tags: ['env:prod', 'service:session-api', 'source:nodejs', 'kube_namespace:auth'], host: `session-api-${r.hex(5)}`, service: 'session-api', status, message, attributes: {...attrs, timestamp: d.getTime()}}, type: 'log'})
const logs = every(r, '2021-12-13T13:40:00Z', '2021-12-13T14:50:00Z', 900, (d) => {
  if (minutesSince(d, deploy) >= 0 && r.chance(0.75)) return row(d, 'error', 'ClientClosedError: The client is closed', {error: {kind: 'ClientClosedError', message: 'The client is closed', stack: 'ClientClosedError: The client is closed\n    at Commander._RedisClient_sendCommand (/usr/src/app/node_modules/@redis/client/dist/lib/client/index.js:490:31)\n    at Commander.commandsExecutor (/usr/src/app/node_modules/@redis/client/dist/lib/client/index.js:188:154)\n    at Commander.BaseClass.<computed> [as get] (/usr/src/app/node_modules/@redis/client/dist/lib/commander.js:8:29)\n    at loadSession (/usr/src/app/src/session.js:14:28)'}, http: {url: '/api/session', status_code: 500}})
  return row(d, 'info', `GET /api/session 200 ${r.int(2, 15)}ms`, {http: {url: '/api/session', status_code: 200}, duration: r.int(2, 15) * 1e6})
})
writeEvents(out(dir, 'logs/datadog-export.jsonl'), logs)
const base = nodeService('session-api')
const pkg = (v) => JSON.stringify({...JSON.parse(base['package.json']), dependencies: {express: '^4.18.2', redis: v}}, null, 2) + '\n'
buildRepo(out(dir, 'repo'), [
  {subject: 'session-api: sessions in redis', author: people.ben, at: '2021-06-01T10:00:00Z', files: {...base, 'package.json': pkg('3.1.2'), 'src/session.js': "const redis = require('redis')\nconst {promisify} = require('util')\nconst client = redis.createClient({host: process.env.REDIS_HOST, port: 6379})\nconst get = promisify(client.get).bind(client)\n\nmodule.exports.loadSession = async (sid) => JSON.parse((await get('sess:' + sid)) || 'null')\n"}},
  {subject: 'Login page: clearer error copy', author: people.fay, at: '2021-12-13T11:30:00Z', files: {'src/views/login-error.txt': 'We could not sign you in. Check your email and password.\n'}},
  {subject: 'Bump redis from 3.1.2 to 4.0.1', author: people.bot, at: '2021-12-13T14:05:00Z', body: 'Bumps redis from 3.1.2 to 4.0.1.', files: {'package.json': pkg('4.0.1')}},
  {subject: 'tests: session fixtures for expired cookies', author: people.chen, at: '2021-12-13T13:00:00Z', files: {'test/fixtures/expired-cookie.json': '{"sid": "s:expired", "maxAge": -1}\n'}},
])
