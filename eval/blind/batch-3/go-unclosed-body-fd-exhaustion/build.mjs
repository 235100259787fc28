import {rng, every, writeEvents, writeJsonl, writePromRange, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, goService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20231114)
const deploy = '2023-11-14T09:32:00Z'
const MAXFD = 65536
// Each forwarded webhook leaks one socket (the status response body is never closed); forwards
// run at ~9/s, so descriptors climb from the deploy until the process limit.
const fds = (d) => {
  const m = minutesSince(d, deploy)
  return m < 0 ? 180 + r.int(0, 30) : Math.min(MAXFD, 180 + m * 60 * 9.2)
}
const exhausted = (d) => fds(d) >= MAXFD
const zap = (d, level, caller, msg, extra = {}) => JSON.stringify({level, ts: d.getTime() / 1000, caller, msg, ...extra})
const out1 = every(r, '2023-11-14T08:00:00Z', '2023-11-14T12:30:00Z', 250, (d) => {
  const partner = r.pick(['acme-erp', 'globex', 'initech', 'umbrella-logistics'])
  if (exhausted(d)) {
    const v = r()
    if (v < 0.45) return zap(d, 'error', 'webhooks/forward.go:71', 'forward failed', {partner, attempt: r.int(1, 3), error: `Post "https://hooks.${partner}.example/v1/events": dial tcp 203.0.113.${r.int(2, 250)}:443: socket: too many open files`})
    if (v < 0.6) return `${fmt.go(d)} http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in ${r.pick(['5ms', '10ms', '20ms', '40ms', '80ms', '160ms', '320ms', '640ms', '1s'])}`
    if (v < 0.7) return zap(d, 'error', 'store/events.go:44', 'enqueue failed', {error: 'dial tcp 10.0.9.14:5432: socket: too many open files'})
    return null
  }
  return zap(d, 'info', 'webhooks/forward.go:88', 'forwarded', {partner, status: 202, duration: `${r.int(30, 400)}ms`})
})
writeEvents(out(dir, 'logs/webhook-relay.log'), out1)
writePromRange(out(dir, 'metrics/process.json'), '2023-11-14T08:00:00Z', '2023-11-14T12:30:00Z', 30000, [
  {metric: {__name__: 'process_open_fds', job: 'webhook-relay', instance: '10.0.7.31:9090'}, value: (d) => fds(d)},
  {metric: {__name__: 'process_max_fds', job: 'webhook-relay', instance: '10.0.7.31:9090'}, value: () => MAXFD},
  {metric: {__name__: 'go_goroutines', job: 'webhook-relay', instance: '10.0.7.31:9090'}, value: (d) => 40 + Math.min(fds(d), MAXFD) / 2},
  {metric: {__name__: 'process_resident_memory_bytes', job: 'webhook-relay', instance: '10.0.7.31:9090'}, value: (d) => 60e6 + Math.min(fds(d), MAXFD) * 9000},
])
const base = goService('example.com/webhook-relay')
const fwd = (check, closed) => `package webhooks\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc (f *Forwarder) Forward(p Partner, ev Event) error {\n${check ? `\tresp, err := f.client.Get(p.StatusURL)\n\tif err != nil {\n\t\treturn err\n\t}\n${closed ? '\tdefer resp.Body.Close()\n' : ''}\tif resp.StatusCode != http.StatusOK {\n\t\treturn fmt.Errorf("partner %s unavailable: %d", p.Name, resp.StatusCode)\n\t}\n` : ''}\treturn f.post(p.URL, ev)\n}\n`
const gomod = (zapv) => `module example.com/webhook-relay\n\ngo 1.21\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.0.10\n\tgo.uber.org/zap ${zapv}\n)\n`
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'webhook-relay: forward partner webhooks', author: people.ben, at: '2023-03-06T10:00:00Z', files: {...base, 'go.mod': gomod('v1.24.0'), 'internal/webhooks/forward.go': fwd(false)}},
  {subject: 'Bump go.uber.org/zap from 1.24.0 to 1.26.0', author: people.bot, at: '2023-11-13T03:00:00Z', files: {'go.mod': gomod('v1.26.0')}},
  {subject: 'webhooks: check partner status before forwarding', author: people.chen, at: '2023-11-14T08:50:00Z', body: 'Skip partners whose status endpoint is not 200, so we stop retrying into dead endpoints.', files: {'internal/webhooks/forward.go': fwd(true, false)}},
  {subject: 'docs: partner onboarding checklist', author: people.ana, at: '2023-11-14T09:05:00Z', files: {'docs/partners.md': '# Partner onboarding\n\n1. status URL\n2. webhook URL\n'}},
  {subject: 'webhooks: close the status response body', author: people.chen, at: '2023-11-14T12:10:00Z', files: {'internal/webhooks/forward.go': fwd(true, true)}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: deploy, service: 'webhook-relay', version: 'v1.19.0', sha: shaOf(repo, 'docs: partner onboarding checklist'), kind: 'deploy', description: 'webhook-relay v1.19.0'},
])
