import {rng, every, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, nodeService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20161021)
const onset = '2016-10-21T11:10:00Z'
// Untimed stdout: what `kubectl logs notifier-7d9f...` prints by default.
const stdout = every(r, '2016-10-21T10:40:00Z', '2016-10-21T11:40:00Z', 3000, (d) => {
  if (minutesSince(d, onset) < 0) return r.chance(0.5) ? `sent email notification id=${r.hex(10)} to=${r.hex(6)}@example.org vendor=mailvendor` : `posted chat notification id=${r.hex(10)} channel=#orders vendor=chatvendor`
  const k = r()
  if (k < 0.4) return [`Error: getaddrinfo ENOTFOUND api.mailvendor.example`, '    at GetAddrInfoReqWrap.onlookup [as oncomplete] (dns.js:67:26) {', '  errno: -3008,', "  code: 'ENOTFOUND',", "  syscall: 'getaddrinfo',", "  hostname: 'api.mailvendor.example'", '}']
  if (k < 0.7) return `Error: getaddrinfo EAI_AGAIN hooks.chatvendor.example`
  if (k < 0.8) return `notification ${r.hex(10)} queued for retry (attempt ${r.int(1, 5)})`
  return `loaded ${r.int(1, 40)} pending notifications from postgres in ${r.int(3, 20)}ms`
})
writeEvents(out(dir, 'logs/notifier-stdout.log'), stdout)
const sender = every(r, '2016-10-21T10:40:00Z', '2016-10-21T11:40:00Z', 9000, (d) => JSON.stringify(minutesSince(d, onset) < 0
  ? {time: fmt.iso(d), level: 'info', msg: 'batch sent', vendor: r.pick(['mailvendor', 'chatvendor']), count: r.int(5, 40)}
  : {time: fmt.iso(d), level: 'error', msg: 'batch failed', vendor: r.pick(['mailvendor', 'chatvendor']), err: 'getaddrinfo ENOTFOUND', count: r.int(5, 40)}))
writeEvents(out(dir, 'logs/sender.jsonl'), sender)
const base = nodeService('notifier')
buildRepo(out(dir, 'repo'), [
  {subject: 'Notifier: send email and chat notifications', author: people.ben, at: '2016-09-01T10:00:00Z', files: {...base, 'src/vendors/mail.js': "const https = require('https')\nmodule.exports.send = (msg) => https.request({host: 'api.mailvendor.example', path: '/v3/mail/send', method: 'POST'}).end(JSON.stringify(msg))\n", 'src/vendors/chat.js': "const https = require('https')\nmodule.exports.post = (msg) => https.request({host: 'hooks.chatvendor.example', path: '/services/T000/B000', method: 'POST'}).end(JSON.stringify(msg))\n"}},
  {subject: 'Order-shipped email: add tracking link', author: people.fay, at: '2016-10-21T09:20:00Z', files: {'templates/order-shipped.html': '<p>Your order has shipped. <a href="{{trackingUrl}}">Track it</a>.</p>\n'}},
  {subject: 'eslint: enforce no-var', author: people.chen, at: '2016-10-20T16:00:00Z', files: {'.eslintrc.json': '{"rules": {"no-var": "error"}}\n'}},
])
