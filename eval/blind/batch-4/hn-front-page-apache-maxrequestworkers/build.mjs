import {rng, every, writeEvents, fmt, docIp, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20220412)
const hn = new Date('2022-04-12T13:05:00Z').getTime()
// Visitors per second: ~0.05 normally; the HN link brings ~6/s at the peak, decaying over hours.
const rate = (d) => {
  const m = (d.getTime() - hn) / 60000
  if (m < 0) return 0.05
  return 0.05 + 6 * Math.min(1, m / 12) * Math.exp(-Math.max(0, m - 12) / 120)
}
// Uncached WordPress pages take ~25-60 s under load, so 150 prefork workers are all busy above ~2 req/s.
const saturated = (d) => rate(d) > 2
const UAS = ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/100.0.4896.75 Safari/537.36', 'Mozilla/5.0 (X11; Linux x86_64; rv:99.0) Gecko/20100101 Firefox/99.0', 'Mozilla/5.0 (iPhone; CPU iPhone OS 15_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.4 Mobile/15E148 Safari/604.1']
const post = '/2022/04/backyard-approach-lighting-adelaide-airport/'
const line = (d, path, status, bytes, ref) => `${docIp(r)} - - [${fmt.clf(d)}] "GET ${path} HTTP/1.1" ${status} ${bytes} "${ref}" "${r.pick(UAS)}"`
const access = []
for (let t = new Date('2022-04-12T09:00:00Z').getTime(); t < new Date('2022-04-12T19:00:00Z').getTime();) {
  const d = new Date(t)
  const fromHn = t >= hn && r.chance(0.9)
  const path = fromHn || r.chance(0.3) ? post : r.pick(['/', '/feed/', '/2021/11/tram-depot-open-day/', '/wp-content/uploads/2022/04/approach-lights-1.jpg'])
  const ref = fromHn ? r.pick(['https://news.ycombinator.com/', 'https://news.ycombinator.com/item?id=31003817', 'https://news.ycombinator.com/news']) : r.pick(['-', 'https://www.google.com/', '-'])
  const busy = saturated(d) && r.chance(0.6)
  access.push({t, text: line(d, path, busy ? 503 : 200, busy ? 299 : r.int(18000, 90000), ref)})
  if (!busy && path === post && r.chance(0.7)) for (const img of ['approach-lights-1.jpg', 'approach-lights-2.jpg']) access.push({t: t + r.int(50, 400), text: line(new Date(t + 200), `/wp-content/uploads/2022/04/${img}`, 200, r.int(300000, 900000), `https://wongm.example.org${post}`)})
  t += Math.max(5, Math.round(-Math.log(1 - r()) * 1000 / rate(d)))
}
writeEvents(out(dir, 'logs/access.log'), access)
const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const p2 = (n) => String(n).padStart(2, '0')
const et = (d) => `[${DAY[d.getUTCDay()]} ${MON[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000 + r.int(0, 999)).padStart(6, '0')} ${d.getUTCFullYear()}]`
const err = every(r, '2022-04-12T09:00:00Z', '2022-04-12T19:00:00Z', 30000, (d) => {
  if (saturated(d)) return r.chance(0.5) ? `${et(d)} [mpm_prefork:error] [pid 811] AH00161: server reached MaxRequestWorkers setting, consider raising the MaxRequestWorkers setting` : `${et(d)} [php7:error] [pid ${r.int(9000, 9999)}] [client ${docIp(r)}:${r.int(30000, 65000)}] PHP Fatal error:  Maximum execution time of 30 seconds exceeded in /var/www/html/wp-includes/class-wpdb.php on line 2056, referer: https://news.ycombinator.com/`
  return r.chance(0.05) ? `${et(d)} [core:notice] [pid 811] AH00094: Command line: '/usr/sbin/apache2'` : null
})
writeEvents(out(dir, 'logs/error.log'), err)
buildRepo(out(dir, 'repo'), [
  {subject: 'site: WordPress theme and server config', author: people.eli, at: '2019-06-01T10:00:00Z', files: {'apache/mpm_prefork.conf': '<IfModule mpm_prefork_module>\n    StartServers 5\n    MinSpareServers 5\n    MaxSpareServers 10\n    MaxRequestWorkers 150\n    MaxConnectionsPerChild 0\n</IfModule>\n', 'theme/style.css': 'body { font-family: Georgia, serif; }\n', 'README.md': '# blog\n'}},
  {subject: 'theme: lazy-load images below the fold', author: people.eli, at: '2022-03-28T20:00:00Z', files: {'theme/functions.php': '<?php\nadd_filter("wp_lazy_loading_enabled", "__return_true");\n'}},
  {subject: 'post: backyard approach lighting at Adelaide Airport', author: people.eli, at: '2022-04-12T07:30:00Z', files: {'content/2022/04/backyard-approach-lighting.md': '---\ntitle: Backyard approach lighting at Adelaide Airport\n---\n\nPhotos of the runway 23 approach lights, which sit in suburban back yards.\n'}},
  {subject: 'apache: MaxRequestWorkers 60 and KeepAliveTimeout 2 for the 2 GB VPS', author: people.eli, at: '2022-04-12T15:40:00Z', files: {'apache/mpm_prefork.conf': '<IfModule mpm_prefork_module>\n    StartServers 5\n    MinSpareServers 5\n    MaxSpareServers 10\n    MaxRequestWorkers 60\n    MaxConnectionsPerChild 500\n</IfModule>\n'}},
])
