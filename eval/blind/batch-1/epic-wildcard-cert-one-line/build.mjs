import {rng, every, at, writeEvents, fmt, accessLine, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, goService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20210406)
const onset = '2021-04-06T12:00:01Z'
const gw = [
  ...every(r, '2021-04-06T11:00:00Z', '2021-04-06T12:40:00Z', 1500, (d) => {
    if (minutesSince(d, onset) <= 0) return `${fmt.go(d)} login ok account=${r.hex(8)} provider=epic latency=${r.int(40, 180)}ms`
    return r.chance(0.9)
      ? `${fmt.go(d)} token exchange failed account=${r.hex(8)}: upstream identity call failed, returning 503`
      : `${fmt.go(d)} login ok account=${r.hex(8)} provider=cached-session latency=${r.int(5, 20)}ms`
  }),
  at('2021-04-06T12:00:01.200Z', `${fmt.go(new Date(onset))} identity client: Post "https://identity.svc.internal.example.net/oauth/token": x509: certificate has expired or is not yet valid: current time 2021-04-06T12:00:01Z is after 2021-04-06T12:00:00Z (further identical errors suppressed for 1h)`),
]
writeEvents(out(dir, 'logs/account-gateway.log'), gw)
const acc = every(r, '2021-04-06T11:00:00Z', '2021-04-06T12:40:00Z', 400, (d) => {
  const bad = minutesSince(d, onset) > 0
  const path = r.pick(['/account/api/oauth/token', '/account/api/public/account', '/launcher/api/public/assets', '/fortnite/api/game/v2/profile'])
  return accessLine(r, d, {method: path.includes('oauth') ? 'POST' : 'GET', path, status: bad && r.chance(0.85) ? 503 : 200})
})
writeEvents(out(dir, 'logs/access.log'), acc)
const base = goService('example.net/account-gateway')
buildRepo(out(dir, 'repo'), [
  {subject: 'account-gateway: initial service', author: people.ana, at: '2021-03-01T10:00:00Z', files: {...base, 'internal/identity/client.go': 'package identity\n\nimport (\n\t"net/http"\n\t"time"\n)\n\nvar Client = &http.Client{Timeout: 5 * time.Second}\n\nconst TokenURL = "https://identity.svc.internal.example.net/oauth/token"\n', 'internal/api/login.go': 'package api\n\nimport "net/http"\n\nfunc login(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(http.StatusOK)\n}\n'}},
  {subject: 'docs: on-call notes for launcher login', author: people.ben, at: '2021-04-06T09:30:00Z', files: {'docs/oncall-login.md': '# Login on-call\n\nCheck the identity dashboards first.\n'}},
  {subject: 'Log structured fields in the login handler', author: people.chen, at: '2021-04-05T15:00:00Z', committedAt: '2021-04-06T11:20:00Z', committer: people.merge, files: {'internal/api/login.go': 'package api\n\nimport (\n\t"log"\n\t"net/http"\n)\n\nfunc login(w http.ResponseWriter, r *http.Request) {\n\tlog.Printf("login request remote=%s", r.RemoteAddr)\n\tw.WriteHeader(http.StatusOK)\n}\n'}},
  {subject: 'Export login latency histogram', author: people.dana, at: '2021-04-06T12:25:00Z', files: {'internal/api/metrics.go': 'package api\n\n// loginLatency is exported to Prometheus.\nvar loginLatency = newHistogram("login_latency_seconds")\n'}},
])
