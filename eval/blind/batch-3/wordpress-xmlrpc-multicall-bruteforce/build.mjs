import {rng, every, writeEvents, fmt, minutesSince, accessLine, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20231014)
const start = '2023-10-14T02:12:00Z'
const blocked = '2023-10-14T04:05:00Z'
const attacking = (d) => minutesSince(d, start) >= 0 && minutesSince(d, blocked) < 0
const bots = Array.from({length: 340}, () => `${r.pick(['45.148', '185.220', '193.106', '91.240', '5.188', '103.151'])}.${r.int(1, 254)}.${r.int(1, 254)}`)
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const fpmTime = (d) => `${String(d.getUTCDate()).padStart(2, '0')}-${MON[d.getUTCMonth()]}-${d.getUTCFullYear()} ${d.toISOString().slice(11, 19)}`
const acc = []
const err = []
const fpm = []
let cid = 3120400
// Legitimate readers.
every(r, '2023-10-14T00:30:00Z', '2023-10-14T05:00:00Z', 1500, (d) => {
  const path = r.pick(['/', '/2023/10/autumn-menu/', '/category/recipes/', '/wp-content/themes/bistro/style.css?ver=2.3', '/feed/', '/2023/09/sourdough-starter/'])
  const starved = attacking(d) && !path.startsWith('/wp-content') && r() < 0.55
  if (starved) {
    cid++
    err.push({t: d.getTime(), text: `${fmt.go(d)} [error] 812#812: *${cid} connect() to unix:/run/php/php8.1-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream, client: ${`198.51.100.${r.int(1, 254)}`}, server: bistro.example.org, request: "GET ${path} HTTP/2.0", upstream: "fastcgi://unix:/run/php/php8.1-fpm.sock:", host: "bistro.example.org"`})
  }
  acc.push({t: d.getTime(), text: accessLine(r, d, {path, status: starved ? 502 : 200, bytes: starved ? 552 : r.int(4000, 60000), rt: starved ? 0 : 0.05 + r() * 0.3})})
  return null
})
// The attack: POSTs of system.multicall batches to xmlrpc.php from a rotating pool of addresses.
every(r, start, blocked, 180, (d) => {
  const ip = r.pick(bots)
  acc.push({t: d.getTime(), text: accessLine(r, d, {method: 'POST', path: '/xmlrpc.php', status: r.chance(0.8) ? 200 : 502, bytes: r.int(380, 420), ip, ua: r.pick(['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/117.0.0.0 Safari/537.36', 'Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/118.0']), rt: 1 + r() * 6})})
  return null
})
// After the block: the same addresses get 403 from the location rule.
every(r, blocked, '2023-10-14T05:00:00Z', 400, (d) => {
  acc.push({t: d.getTime(), text: accessLine(r, d, {method: 'POST', path: '/xmlrpc.php', status: 403, bytes: 153, ip: r.pick(bots), rt: 0})})
  return null
})
every(r, start, blocked, 20000, (d) => {
  fpm.push({t: d.getTime(), text: `[${fpmTime(d)}] WARNING: [pool www] server reached pm.max_children setting (20), consider raising it`})
  if (r.chance(0.4)) fpm.push({t: d.getTime() + 3000, text: `[${fpmTime(new Date(d.getTime() + 3000))}] WARNING: [pool www] child ${r.int(20000, 29999)}, script '/var/www/bistro/xmlrpc.php' (request: "POST /xmlrpc.php") executing too slow (5.${r.int(100000, 999999)} sec), logging`})
  return null
})
writeEvents(out(dir, 'logs/access.log'), acc)
writeEvents(out(dir, 'logs/nginx-error.log'), err)
writeEvents(out(dir, 'logs/php8.1-fpm.log'), fpm)
buildRepo(out(dir, 'repo'), [
  {subject: 'bistro: WordPress site (theme, plugins, nginx)', author: people.ana, at: '2022-03-01T10:00:00Z', files: {'nginx/bistro.conf': 'server {\n  server_name bistro.example.org;\n  root /var/www/bistro;\n  location ~ \\.php$ { fastcgi_pass unix:/run/php/php8.1-fpm.sock; include fastcgi_params; }\n}\n', 'php-fpm/www.conf': '[www]\npm = static\npm.max_children = 20\nrequest_slowlog_timeout = 5s\n', 'wp-content/themes/bistro/style.css': '/* Theme Name: Bistro */\nbody { font-family: Georgia, serif; }\n', 'composer.json': '{"require": {"wpackagist-plugin/wordpress-seo": "21.3"}}\n'}},
  {subject: 'Update wordpress-seo from 21.3 to 21.4', author: people.bot, at: '2023-10-13T22:00:00Z', files: {'composer.json': '{"require": {"wpackagist-plugin/wordpress-seo": "21.4"}}\n'}},
  {subject: 'theme: larger recipe cards on the home page', author: people.fay, at: '2023-10-14T01:30:00Z', files: {'wp-content/themes/bistro/style.css': '/* Theme Name: Bistro */\nbody { font-family: Georgia, serif; }\n.recipe-card { min-height: 22rem; }\n'}},
  {subject: 'nginx: deny xmlrpc.php', author: people.dana, at: '2023-10-14T04:02:00Z', files: {'nginx/bistro.conf': 'server {\n  server_name bistro.example.org;\n  root /var/www/bistro;\n  location = /xmlrpc.php { deny all; }\n  location ~ \\.php$ { fastcgi_pass unix:/run/php/php8.1-fpm.sock; include fastcgi_params; }\n}\n'}},
])
