import {rng, every, writeEvents, writeJsonl, accessLine, fmt, minutesSince, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20190624)
const leak = '2019-06-24T10:34:00Z'
const fixed = '2019-06-24T12:40:00Z'
const leaking = (d) => minutesSince(d, leak) >= 0 && minutesSince(d, fixed) < 0
const vantages = [
  {name: 'nyc-isp-1', asn: 701, via701: true}, {name: 'bos-isp-2', asn: 701, via701: true}, {name: 'dc-enterprise-3', asn: 22394, via701: true},
  {name: 'chi-isp-4', asn: 7922, via701: false}, {name: 'sfo-cloud-5', asn: 16509, via701: false}, {name: 'lon-isp-6', asn: 2856, via701: false},
  {name: 'fra-isp-7', asn: 3320, via701: false}, {name: 'atl-isp-8', asn: 7018, via701: r.chance(0.3)},
]
const probes = every(r, '2019-06-24T09:30:00Z', '2019-06-24T13:30:00Z', 3000, (d) => {
  const v = r.pick(vantages)
  const hurt = leaking(d) && v.via701 && r.chance(0.85)
  if (hurt) {
    const loss = r.int(40, 90)
    return JSON.stringify({time: fmt.iso(d), level: 'error', probe: 'https-get', vantage: v.name, vantage_asn: v.asn, target: 'https://app.example.com/healthz', result: r.chance(0.6) ? 'timeout' : 'slow', loss_pct: loss, rtt_ms: r.int(900, 4000), msg: `https://app.example.com/healthz ${r.chance(0.6) ? 'timed out after 10s' : 'took ' + r.int(4, 9) + 's'} from ${v.name} (AS${v.asn}), ${loss}% packet loss on path`})
  }
  return JSON.stringify({time: fmt.iso(d), level: 'info', probe: 'https-get', vantage: v.name, vantage_asn: v.asn, target: 'https://app.example.com/healthz', result: 'ok', loss_pct: 0, rtt_ms: r.int(8, 90), msg: 'ok'})
})
writeEvents(out(dir, 'logs/synthetic-probes.jsonl'), probes)
const prefixes = ['104.20.0.0/21', '104.20.8.0/21', '104.16.80.0/21', '104.18.32.0/21', '172.64.144.0/21']
const bgp = []
prefixes.forEach((p, i) => bgp.push({t: Date.parse(leak) + 20000 + i * 9000, text: `${fmt.iso(new Date(Date.parse(leak) + 20000 + i * 9000))} [warn] bgp-monitor: new more-specific ${p} of monitored 104.16.0.0/12 seen by ${r.int(180, 420)} peers, origin AS13335, AS path 701 396531 33154 3356 13335 (possible route leak)`}))
prefixes.forEach((p, i) => bgp.push({t: Date.parse(fixed) + i * 12000, text: `${fmt.iso(new Date(Date.parse(fixed) + i * 12000))} [info] bgp-monitor: ${p} withdrawn by all peers; 104.16.0.0/12 visible with expected paths`}))
every(r, '2019-06-24T09:30:00Z', '2019-06-24T13:30:00Z', 600000, (d) => { bgp.push({t: d.getTime(), text: `${fmt.iso(d)} [info] bgp-monitor: heartbeat, 14 monitored prefixes, ${r.int(980, 1020)} peers, no alerts open`}); return null })
writeEvents(out(dir, 'logs/bgp-monitor.log'), bgp)
const acc = every(r, '2019-06-24T09:30:00Z', '2019-06-24T13:30:00Z', 150, (d) => {
  if (leaking(d) && r.chance(0.16)) return null
  return accessLine(r, d, {path: r.pick(['/', '/app', '/api/v1/boards', '/api/v1/notifications', '/static/app.js']), status: r.pick([200, 200, 304]), rt: r() * 0.2})
})
writeEvents(out(dir, 'logs/edge-access.log'), acc)
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2019-06-21T15:00:00Z', service: 'app-frontend', version: '2019.06.21-2', sha: 'c7d1e90b2a4f6835e1c9d0b7a3f25e8c4d6b1a09', kind: 'deploy', description: 'app-frontend 2019.06.21-2'},
  {time: '2019-06-24T09:10:00Z', service: 'marketing-site', version: '2019.06.24-1', sha: '5a0e3c9f1b7d4e2a8c6f0b3d9e1a7c5f2b8d4e60', kind: 'deploy', description: 'marketing-site: summer campaign pages'},
])
