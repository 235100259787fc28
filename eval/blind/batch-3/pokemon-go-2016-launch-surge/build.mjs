import {rng, every, writeEvents, writeJson, writeJsonl, writePromRange, fmt, minutesSince, accessLine, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, goService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20160706)
const launch = '2016-07-06T02:00:00Z'
// Player traffic relative to the launch target (1x): it passes the target within 15 minutes and
// climbs towards 50x; capacity holds about 8x before the front end sheds load.
const load = (d) => {
  const m = minutesSince(d, launch)
  if (m < 0) return 0.05
  return Math.min(50, 0.6 * Math.exp(m / 38))
}
const CAP = 8
const shed = (d) => Math.max(0, 1 - CAP / load(d))
const acc = []
// Access log sampled 1 in 2000 at the front end.
every(r, '2016-07-06T00:30:00Z', '2016-07-06T05:00:00Z', 1000, (d) => {
  const n = Math.max(0, Math.round(load(d) * 0.25 + (r() - 0.5)))
  for (let i = 0; i < n; i++) {
    const t = new Date(d.getTime() + r.int(0, 999))
    const path = r.pick(['/plfe/rpc', '/plfe/rpc', '/plfe/rpc', '/plfe/rpc', '/login/oauth', '/plfe/rpc/getmapobjects'])
    const failed = r() < shed(t)
    acc.push({t: t.getTime(), text: accessLine(r, t, {method: 'POST', path, status: failed ? r.pick([502, 503, 503, 503]) : 200, bytes: failed ? 0 : r.int(400, 6000), ua: 'Niantic App', rt: failed ? r() * 2 : (0.05 + Math.min(load(t), CAP) / CAP * 0.8) * (0.6 + r())})})
  }
  return null
})
writeEvents(out(dir, 'logs/frontend-access-sampled.log'), acc)
const from = '2016-07-06T00:30:00Z'
const to = '2016-07-06T05:00:00Z'
writePromRange(out(dir, 'metrics/requests.json'), from, to, 60000, [
  {metric: {__name__: 'frontend_requests_per_second', job: 'plfe'}, value: (d) => load(d) * 500 * (0.97 + r() * 0.06)},
  {metric: {__name__: 'frontend_error_ratio', job: 'plfe'}, value: (d) => shed(d)},
  {metric: {__name__: 'datastore_write_ops_per_second', job: 'plfe'}, value: (d) => Math.min(load(d), CAP) * 900},
  {metric: {__name__: 'frontend_cpu_utilisation', job: 'plfe'}, value: (d) => Math.min(0.97, 0.08 + Math.min(load(d), CAP) / CAP * 0.9)},
])
writeJson(out(dir, 'alert.json'), {
  receiver: 'launch-war-room', status: 'firing', orgId: 1, version: '1', groupKey: '{}:{alertname="PLFE error ratio"}', truncatedAlerts: 0,
  title: '[FIRING:1] PLFE error ratio (plfe)', state: 'alerting', message: 'Front-end error ratio above 5% for 5m',
  groupLabels: {alertname: 'PLFE error ratio'}, commonLabels: {alertname: 'PLFE error ratio', job: 'plfe', severity: 'page'}, commonAnnotations: {summary: 'Front-end error ratio above 5% for 5m'},
  externalURL: 'https://grafana.internal/',
  alerts: [{status: 'firing', labels: {alertname: 'PLFE error ratio', job: 'plfe', severity: 'page'}, annotations: {summary: 'Front-end error ratio above 5% for 5m'}, startsAt: '2016-07-06T03:45:00Z', endsAt: '0001-01-01T00:00:00Z', generatorURL: 'https://grafana.internal/alerting/grafana/plfe-err/view', fingerprint: '8d1f4e2a90c3b7a1', silenceURL: 'https://grafana.internal/alerting/silence/new', dashboardURL: 'https://grafana.internal/d/plfe', panelURL: 'https://grafana.internal/d/plfe?viewPanel=4', values: {B: 0.071, C: 1}}],
})
const base = goService('example.com/plfe')
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'plfe: front end for the game RPC', author: people.chen, at: '2016-05-02T09:00:00Z', files: base},
  {subject: 'plfe: raise the per-instance RPC concurrency to 512', author: people.eli, at: '2016-07-04T16:00:00Z', files: {'config/plfe.yaml': 'rpc:\n  max_concurrency: 512\n  timeout: 2s\n'}},
  {subject: 'spawns: tune nest density for the Oceania launch', author: people.fay, at: '2016-07-06T01:10:00Z', files: {'config/spawns-oceania.yaml': 'nest_density: 1.15\nrare_weight: 0.02\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2016-07-04T18:00:00Z', service: 'plfe', version: '0.29.1', sha: shaOf(repo, 'plfe: raise the per-instance RPC concurrency to 512'), kind: 'deploy', description: 'plfe 0.29.1 launch build'},
  {time: '2016-07-06T01:20:00Z', service: 'spawns', version: '', sha: shaOf(repo, 'spawns: tune nest density for the Oceania launch'), kind: 'config', description: 'spawns: Oceania nest density 1.15'},
])
