import {rng, every, writeEvents, writeCsvMetrics, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20160720)
const onset = '2016-07-20T14:44:00Z'
const fixed = '2016-07-20T15:18:00Z'
const bad = (d) => minutesSince(d, onset) >= 0 && minutesSince(d, fixed) < 0
const hosts = Array.from({length: 11}, (_, i) => `ny-web${String(i + 1).padStart(2, '0')}`)
const web = every(r, '2016-07-20T14:00:00Z', '2016-07-20T15:30:00Z', 300, (d) => {
  const h = r.pick(hosts)
  const path = r.pick(['/', '/questions', '/questions/38484433', '/users/22656', '/tags/javascript'])
  if (bad(d) && path === '/') return `${fmt.javaSpace(d)} [${h} w3wp:${r.int(10, 90)}] WARN Slow request GET / took ${r.int(4200, 29000)}ms (HomePageController.Index, cpu=${r.int(4000, 28000)}ms)`
  if (bad(d) && r.chance(0.3)) return `${fmt.javaSpace(d)} [${h} w3wp:${r.int(10, 90)}] ERROR Request timed out GET ${path} after 30000ms: System.Web.HttpException (0x80004005): Request timed out.`
  return `${fmt.javaSpace(d)} [${h} w3wp:${r.int(10, 90)}] INFO GET ${path} 200 ${r.int(8, 60)}ms`
})
writeEvents(out(dir, 'logs/web.log'), web)
const lb = every(r, '2016-07-20T14:00:00Z', '2016-07-20T15:30:00Z', 2000, (d) => {
  const h = r.pick(hosts)
  if (bad(d) && r.chance(0.6)) return `${fmt.syslog(d)} ny-lb05 haproxy[2211]: Server be_so_web/${h} is DOWN, reason: Layer7 timeout, check duration: 2001ms. ${r.int(0, 3)} active and 0 backup servers left. ${r.int(0, 40)} sessions active, 0 requeued, 0 remaining in queue.`
  if (bad(d) && r.chance(0.2)) return `${fmt.syslog(d)} ny-lb05 haproxy[2211]: backend be_so_web has no server available!`
  return `${fmt.syslog(d)} ny-lb05 haproxy[2211]: ${fmt.clf(d).slice(0, 20)} fe_https be_so_web/${h} 0/0/1/${r.int(8, 60)}/${r.int(9, 70)} 200 ${r.int(900, 60000)} - - ---- ${r.int(800, 1200)}/${r.int(700, 1100)}/0/0/0 0/0 "GET / HTTP/1.1"`
})
writeEvents(out(dir, 'logs/haproxy.log'), lb)
writeCsvMetrics(out(dir, 'metrics/web-cpu.csv'), '2016-07-20T14:00:00Z', '2016-07-20T15:30:00Z', 60000, {
  web_cpu_percent: (d) => (bad(d) ? 96 + r() * 4 : 18 + r() * 10),
  lb_backends_up: (d) => (bad(d) ? r.int(0, 2) : 11),
  http_requests_per_second: (d) => 4200 + r() * 600,
})
const formatter = (impl) => `using System.Text.RegularExpressions;\n\nnamespace StackOverflow.Helpers\n{\n    public static class PostFormatter\n    {\n${impl}\n    }\n}\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'Home page: render question summaries from the cache', author: people.ana, at: '2016-06-10T10:00:00Z', files: {'StackOverflow/Controllers/HomePageController.cs': 'namespace StackOverflow.Controllers\n{\n    public class HomePageController : Controller\n    {\n        public ActionResult Index() => View(QuestionCache.Top(90));\n    }\n}\n', 'StackOverflow/Helpers/PostFormatter.cs': formatter('        public static string Summary(string body) => body.Length > 200 ? body.Substring(0, 200) : body;')}},
  {subject: 'Trim unicode whitespace (incl. ZWNJ) from question summaries', author: people.chen, at: '2016-07-01T13:22:00Z', files: {'StackOverflow/Helpers/PostFormatter.cs': formatter('        static readonly Regex TrimUnicode = new Regex(@"^[\\s\\u200c]+|[\\s\\u200c]+$", RegexOptions.Compiled);\n\n        public static string Summary(string body)\n        {\n            var s = TrimUnicode.Replace(body, "");\n            return s.Length > 200 ? s.Substring(0, 200) : s;\n        }')}},
  {subject: 'docs: outage communication checklist draft', author: people.ben, at: '2016-07-20T12:05:00Z', files: {'docs/outage-checklist.md': '# During an outage\n\n1. Tweet from @StackStatus\n2. Open the incident room\n'}},
  {subject: 'Tweak top-bar spacing on narrow screens', author: people.fay, at: '2016-07-20T13:58:00Z', files: {'StackOverflow/Content/topbar.less': '.topbar { padding: 0 8px; }\n@media (max-width: 640px) { .topbar { padding: 0 4px; } }\n'}},
  {subject: 'Replace whitespace-trim regex with a substring loop', author: people.chen, at: '2016-07-20T15:05:00Z', files: {'StackOverflow/Helpers/PostFormatter.cs': formatter('        public static string Summary(string body)\n        {\n            int a = 0, b = body.Length - 1;\n            while (a <= b && (char.IsWhiteSpace(body[a]) || body[a] == \'\\u200c\')) a++;\n            while (b >= a && (char.IsWhiteSpace(body[b]) || body[b] == \'\\u200c\')) b--;\n            var s = body.Substring(a, b - a + 1);\n            return s.Length > 200 ? s.Substring(0, 200) : s;\n        }')}},
])
