import {rng, every, writeEvents, writePromRange, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, goService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20210104)
const onset = '2021-01-04T14:45:00Z'
const loss = (d) => { const m = minutesSince(d, onset); return m < 0 ? 0.001 : Math.min(0.6, 0.05 + m * 0.02 + (r() - 0.5) * 0.1) }
const ups = ['channels-svc:7000', 'flannel-edge:443', 'vitess-gw-3:15991', 'search-api:8080', 'files-svc:9000', 'presence:7400']
const logs = every(r, '2021-01-04T14:00:00Z', '2021-01-04T15:30:00Z', 600, (d) => {
  const up = r.pick(ups)
  if (r() < loss(d)) return r.chance(0.8)
    ? `${fmt.go(d)} ERROR rpc to ${up} failed: context deadline exceeded (Client.Timeout exceeded while awaiting headers) after 2.0s`
    : `${fmt.go(d)} ERROR rpc to ${up} failed: read tcp 10.${r.int(1, 9)}.${r.int(0, 255)}.${r.int(2, 250)}:${r.int(30000, 60000)}->${up.split(':')[0]}: read: connection reset by peer`
  return `${fmt.go(d)} INFO rpc to ${up} ok in ${r.int(2, 40)}ms`
})
writeEvents(out(dir, 'logs/webapp.log'), logs)
writePromRange(out(dir, 'metrics/network.json'), '2021-01-04T14:00:00Z', '2021-01-04T15:30:00Z', 60000, [
  {metric: {__name__: 'aws_transitgateway_packet_drop_count_blackhole_sum', transit_gateway: 'tgw-0a1b2c3d'}, value: (d) => (minutesSince(d, onset) >= 0 ? 2e5 * loss(d) * 10 : r.int(0, 3))},
  {metric: {__name__: 'webapp_upstream_timeout_ratio', service: 'webapp'}, value: (d) => loss(d)},
  {metric: {__name__: 'webapp_requests_per_second', service: 'webapp'}, value: (d) => 41000 + Math.max(0, minutesSince(d, '2021-01-04T14:00:00Z')) * 120 + r() * 800},
  {metric: {__name__: 'node_netstat_Tcp_RetransSegs_rate', tier: 'webapp'}, value: (d) => (minutesSince(d, onset) >= 0 ? 900 + 9000 * loss(d) : 40 + r() * 20)},
])
buildRepo(out(dir, 'repo'), [
  {subject: 'webapp: rpc client with 2s timeout', author: people.ana, at: '2020-11-10T10:00:00Z', files: {...goService('example.com/webapp'), 'internal/rpc/client.go': 'package rpc\n\nimport "time"\n\nconst DefaultTimeout = 2 * time.Second\n'}},
  {subject: 'Holiday code freeze: lift freeze notice', author: people.ben, at: '2021-01-04T09:00:00Z', files: {'docs/freeze.md': '# Code freeze\n\nThe holiday freeze ended on 2021-01-04.\n'}},
  {subject: 'Emoji picker: lazy-load skin tones', author: people.fay, at: '2021-01-04T13:20:00Z', files: {'web/emoji/picker.js': "export const loadSkinTones = () => import('./skin-tones.js')\n"}},
])
