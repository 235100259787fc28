import {rng, every, writeEvents, writeCsvMetrics, writeJsonl, accessLine, docIp, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20241008)
const full = new Date('2024-10-08T14:22:00Z').getTime()
const isFull = (d) => d.getTime() >= full
const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const p2 = (n) => String(n).padStart(2, '0')
// Apache 2.4 ErrorLog time: [Tue Oct 08 14:22:01.123456 2024]
const at = (d) => `[${DAY[d.getUTCDay()]} ${MON[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000 + r.int(0, 999)).padStart(6, '0')} ${d.getUTCFullYear()}]`
const client = () => `[client ${docIp(r)}:${r.int(30000, 65000)}]`
const pid = () => `[pid ${r.int(1200, 1260)}]`
const err = every(r, '2024-10-08T11:00:00Z', '2024-10-08T16:00:00Z', 700, (d) => {
  if (!isFull(d)) return r.chance(0.01) ? `${at(d)} [php:notice] ${pid()} ${client()} PHP Notice:  Undefined index: utm_source in /var/www/shop/includes/tracking.php on line 19` : null
  const v = r()
  if (v < 0.5) return `${at(d)} [php:warn] ${pid()} ${client()} PHP Warning:  session_start(): open(/var/lib/php/sessions/sess_${r.hex(26)}, O_RDWR) failed: No space left on device (28) in /var/www/shop/includes/session.php on line 14, referer: https://shop.example.com/cart`
  if (v < 0.75) return `${at(d)} [php:warn] ${pid()} ${client()} PHP Warning:  session_write_close(): Failed to write session data using user defined save handler. (session.save_path: /var/lib/php/sessions) in /var/www/shop/includes/session.php on line 31`
  if (v < 0.9) return `${at(d)} [php:warn] ${pid()} ${client()} PHP Warning:  file_put_contents(/var/www/shop/var/cache/fragments/${r.hex(8)}.html): Failed to open stream: No space left on device in /var/www/shop/includes/cache.php on line 52`
  return `${at(d)} [php:error] ${pid()} ${client()} PHP Fatal error:  Uncaught RuntimeException: Cart could not be saved in /var/www/shop/includes/cart.php:88`
})
writeEvents(out(dir, 'logs/error.log'), err)
const acc = every(r, '2024-10-08T11:00:00Z', '2024-10-08T16:00:00Z', 180, (d) => {
  const cartish = r.chance(0.35)
  const path = cartish ? r.pick(['/cart', '/cart/add', '/checkout', '/account/login']) : r.pick(['/', '/category/lamps', '/product/1142', '/product/877', '/static/app.css'])
  const status = isFull(d) && cartish && r.chance(0.7) ? 500 : 200
  return accessLine(r, d, {method: path === '/cart/add' || path === '/account/login' ? 'POST' : 'GET', path, status})
})
writeEvents(out(dir, 'logs/access.log'), acc)
// Session files accumulate since the session GC stopped running on 10-04; inodes follow.
const gcStopped = new Date('2024-10-04T09:00:00Z').getTime()
const inodesPct = (d) => {
  const h = (d.getTime() - gcStopped) / 3600000
  if (h < 0) return 31 + r() * 0.4
  return Math.min(100, 31 + (69 * Math.pow(h / ((full - gcStopped) / 3600000), 1.05)))
}
writeCsvMetrics(out(dir, 'metrics/host.csv'), '2024-10-01T00:00:00Z', '2024-10-08T16:00:00Z', 600000, {
  root_fs_used_pct: (d) => 41 + ((d.getTime() - new Date('2024-10-01T00:00:00Z').getTime()) / 86400000) * 0.3 + r() * 0.2,
  root_fs_inodes_used_pct: inodesPct,
  php_sessions_files: (d) => Math.round((inodesPct(d) - 31) / 69 * 3276000 + 8000),
  apache_busy_workers: (d) => (d.getUTCHours() >= 8 && d.getUTCHours() <= 21 ? 60 : 20) + r.int(0, 15),
  load1: () => 1.2 + r() * 0.8,
})
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'shop: PHP 8.2 storefront', author: people.dana, at: '2022-03-01T10:00:00Z', files: {'includes/session.php': '<?php\nini_set("session.save_path", "/var/lib/php/sessions");\nsession_start();\n', 'includes/cart.php': '<?php\n// cart in the session\n', 'README.md': '# shop\n'}},
  {subject: 'ansible: keep Debian php session GC (phpsessionclean.timer)', author: people.eli, at: '2022-03-02T10:00:00Z', files: {'ansible/roles/php/tasks/main.yml': '- name: session GC timer\n  systemd: name=phpsessionclean.timer enabled=yes state=started\n'}},
  {subject: 'templates: new checkout header with trust badges', author: people.fay, at: '2024-10-08T10:40:00Z', files: {'templates/checkout/header.php': '<header class="checkout">\n  <img src="/static/badges.svg" alt="">\n</header>\n'}},
  {subject: 'tracking: read utm_source defensively', author: people.fay, at: '2024-10-08T15:10:00Z', files: {'includes/tracking.php': '<?php\n$source = $_GET["utm_source"] ?? null;\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-10-08T11:05:00Z', service: 'shop', version: '2024.10.08a', sha: shaOf(repo, 'templates: new checkout header with trust badges'), kind: 'deploy', description: 'shop 2024.10.08a'},
])
