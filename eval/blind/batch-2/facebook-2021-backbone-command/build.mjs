import {rng, every, writeEvents, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20211004)
const cmd = '2021-10-04T15:39:00Z'
const bgpBack = '2021-10-04T20:50:00Z'
const dnsBack = '2021-10-04T21:05:00Z'
const down = (d) => minutesSince(d, cmd) >= 0.3 && minutesSince(d, bgpBack) < 0
const routers = ['bb-r1.ash3', 'bb-r2.ash3', 'bb-r1.prn1', 'bb-r2.prn1', 'bb-r1.lla1', 'bb-r1.odn1', 'bb-r1.sin6', 'bb-r2.fra5']
const s5424 = (pri, d, host, app, pid, msgid, msg) => `<${pri}>1 ${fmt.iso(d)} ${host} ${app} ${pid} ${msgid} - ${msg}`
const sys = []
sys.push({t: Date.parse(cmd), text: s5424(189, new Date(cmd), 'bb-mgmt-1.prn1', 'mgd', 5521, 'UI_CMDLINE_READ_LINE', "User 'netops-automation', command 'request backbone capacity-assessment scope all-links'")})
routers.forEach((h, i) => {
  for (let j = 0; j < 6; j++) {
    const d = new Date(Date.parse(cmd) + 4000 + i * 900 + j * 350)
    sys.push({t: d.getTime(), text: s5424(28, d, h, 'rpd', 2231, 'BGP_NEIGHBOR_STATE_CHANGED', `BGP peer 10.${62 + i}.${j}.9 (Internal AS 32934) changed state from Established to Idle (event HoldTime) (instance master)`)})
    sys.push({t: d.getTime() + 40, text: s5424(28, new Date(d.getTime() + 40), h, 'mib2d', 1790, 'SNMP_TRAP_LINK_DOWN', `ifIndex ${600 + j}, ifAdminStatus down(2), ifOperStatus down(2), ifName et-${i % 4}/0/${j}`)})
  }
})
every(r, '2021-10-04T15:00:00Z', '2021-10-04T21:30:00Z', 30000, (d) => {
  const h = r.pick(routers)
  if (down(d)) sys.push({t: d.getTime(), text: s5424(28, d, h, 'rpd', 2231, 'BGP_CONNECT_FAILED', `bgp_connect_start: connect 10.${r.int(62, 70)}.${r.int(0, 5)}.9 (Internal AS 32934): No route to host`)})
  else sys.push({t: d.getTime(), text: s5424(190, d, h, 'sshd', r.int(2000, 9000), '-', `Accepted publickey for netops-automation from 10.0.${r.int(1, 9)}.${r.int(2, 200)} port ${r.int(30000, 60000)} ssh2`)})
  return null
})
const bgpUp = new Date(bgpBack)
routers.forEach((h, i) => sys.push({t: bgpUp.getTime() + i * 2000, text: s5424(29, new Date(bgpUp.getTime() + i * 2000), h, 'rpd', 2231, 'BGP_NEIGHBOR_STATE_CHANGED', `BGP peer 10.${62 + i}.0.9 (Internal AS 32934) changed state from OpenConfirm to Established (event RecvKeepAlive) (instance master)`)}))
writeEvents(out(dir, 'logs/backbone-syslog.log'), sys)
const edges = ['edge-dns-fra1', 'edge-dns-lhr3', 'edge-dns-iad2', 'edge-dns-sin1', 'edge-dns-gru1', 'edge-dns-nrt2']
const dns = every(r, '2021-10-04T15:00:00Z', '2021-10-04T21:30:00Z', 20000, (d) => {
  const h = r.pick(edges)
  if (down(d)) return r.chance(0.5)
    ? `${fmt.iso(d)} ${h} healthd[912]: backbone reachability check failed (0/14 data centers reachable); keeping anycast prefixes withdrawn`
    : `${fmt.iso(d)} ${h} bird[744]: anycast_dns: route 129.134.30.0/23 withdrawn (health check down), 185.89.218.0/23 withdrawn`
  if (minutesSince(d, bgpBack) >= 0) return `${fmt.iso(d)} ${h} healthd[912]: backbone reachability check ok (14/14 data centers reachable); announcing anycast prefixes`
  return `${fmt.iso(d)} ${h} healthd[912]: backbone reachability check ok (14/14 data centers reachable)`
})
edges.forEach((h, i) => dns.push({t: Date.parse(cmd) + 14000 + i * 1500, text: `${fmt.iso(new Date(Date.parse(cmd) + 14000 + i * 1500))} ${h} healthd[912]: backbone reachability check failed (0/14 data centers reachable); withdrawing anycast 129.134.30.0/23, 185.89.218.0/23 from BGP`}))
writeEvents(out(dir, 'logs/edge-dns.log'), dns)
const probes = every(r, '2021-10-04T15:00:00Z', '2021-10-04T21:30:00Z', 8000, (d) => {
  const q = r.pick(['facebook.com', 'www.facebook.com', 'instagram.com', 'graph.facebook.com', 'whatsapp.net'])
  const res = r.pick(['8.8.8.8', '1.1.1.1', '9.9.9.9', 'isp-a-resolver', 'isp-b-resolver'])
  const failing = minutesSince(d, cmd) >= 1.5 && minutesSince(d, dnsBack) < 0
  return JSON.stringify(failing
    ? {time: fmt.iso(d), level: 'error', probe: 'dns', resolver: res, qname: q, rcode: 'SERVFAIL', latency_ms: r.int(2000, 5000), msg: `${q}: SERVFAIL from ${res} (no reachable authoritative server for ${q.split('.').slice(-2).join('.')})`}
    : {time: fmt.iso(d), level: 'info', probe: 'dns', resolver: res, qname: q, rcode: 'NOERROR', answers: r.int(1, 2), latency_ms: r.int(2, 40), msg: 'resolved'})
})
writeEvents(out(dir, 'logs/resolver-probes.jsonl'), probes)
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2021-10-03T18:00:00Z', service: 'edge-dns', version: '', sha: '', kind: 'config', description: 'edge-dns: rotate anycast DNS servers in FRA (hardware refresh)'},
  {time: '2021-10-04T14:10:00Z', service: 'www', version: '2021.10.04.1', sha: '', kind: 'deploy', description: 'www 2021.10.04.1'},
  {time: cmd, service: 'backbone', version: '', sha: '', kind: 'config', description: 'backbone maintenance: capacity assessment command issued to all backbone routers (audit tool approved)'},
])
