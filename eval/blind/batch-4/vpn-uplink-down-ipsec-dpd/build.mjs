import {rng, every, at, writeEvents, writeCsvMetrics, writeJsonl, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, goService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240312)
const linkDown = new Date('2024-03-12T02:13:31Z').getTime()
const linkUp = new Date('2024-03-12T03:01:12Z').getTime()
const tunnelsUp = linkUp + 9000
const cut = (d) => d.getTime() >= linkDown + 2000 && d.getTime() < tunnelsUp
// RFC 5424 syslog from the on-prem VPN gateway (rsyslog RSYSLOG_SyslogProtocol23Format).
const s5424 = (t, pri, app, procid, msg) => `<${pri}>1 ${new Date(t).toISOString()} vpn-gw-1 ${app} ${procid} - - ${msg}`
const gw = []
for (const e of every(r, '2024-03-12T01:00:00Z', '2024-03-12T04:00:00Z', 10000, (d) => d)) {
  if (cut(new Date(e.t))) continue
  if (r.chance(0.3)) gw.push(at(e.t, s5424(e.t, 30, 'charon', 1411, `${String(r.int(1, 16)).padStart(2, '0')}[IKE] <aws-tun${r.int(1, 2)}|${r.int(3, 4)}> sending DPD request`)))
}
gw.push(at(linkDown, s5424(linkDown, 6, 'kernel', '-', '[8812331.402118] igb 0000:03:00.0 eno1: igb: eno1 NIC Link is Down')))
gw.push(at(linkDown + 40, s5424(linkDown + 40, 5, 'systemd-networkd', 611, 'eno1: Lost carrier')))
for (const [i, tun] of [[0, 'aws-tun1|3'], [1, 'aws-tun2|4']]) {
  const base = linkDown + 4000 + i * 1300
  gw.push(at(base, s5424(base, 30, 'charon', 1411, `12[IKE] <${tun}> sending DPD request`)))
  let delay = 4000
  let t = base
  for (let k = 1; k <= 5; k++) { t += delay; delay = Math.round(delay * 1.8); gw.push(at(t, s5424(t, 30, 'charon', 1411, `12[IKE] <${tun}> retransmit ${k} of request with message ID ${40 + i}`))) }
  t += delay
  gw.push(at(t, s5424(t, 28, 'charon', 1411, `12[IKE] <${tun}> giving up after 5 retransmits`)))
  gw.push(at(t + 2, s5424(t + 2, 30, 'charon', 1411, `12[IKE] <${tun}> restarting CHILD_SA ${tun.split('|')[0]}`)))
  for (let k = t + 20000; k < linkUp; k += 120000) gw.push(at(k, s5424(k, 28, 'charon', 1411, `09[IKE] <${tun.split('|')[0]}|${5 + i}> giving up after 5 retransmits`)))
}
gw.push(at(linkUp, s5424(linkUp, 6, 'kernel', '-', '[8815192.013377] igb 0000:03:00.0 eno1: igb: eno1 NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX/TX')))
gw.push(at(linkUp + 30, s5424(linkUp + 30, 5, 'systemd-networkd', 611, 'eno1: Gained carrier')))
gw.push(at(tunnelsUp - 1000, s5424(tunnelsUp - 1000, 30, 'charon', 1411, '05[IKE] <aws-tun1|7> IKE_SA aws-tun1[7] established between 192.0.2.10[192.0.2.10]...198.51.100.40[198.51.100.40]')))
gw.push(at(tunnelsUp, s5424(tunnelsUp, 30, 'charon', 1411, '05[IKE] <aws-tun2|8> IKE_SA aws-tun2[8] established between 192.0.2.10[192.0.2.10]...198.51.100.41[198.51.100.41]')))
writeEvents(out(dir, 'logs/vpn-gw-1.log'), gw)
// logrus TextFormatter from the order-sync service in the VPC (calls the on-prem ERP over the VPN).
const lr = (d, level, msg, f) => `time="${d.toISOString().replace(/\.\d{3}Z$/, 'Z')}" level=${level} msg="${msg}" ${Object.entries(f).map(([k, v]) => `${k}=${typeof v === 'string' && /[\s":]/.test(v) ? JSON.stringify(v) : v}`).join(' ')}`
const app = every(r, '2024-03-12T01:00:00Z', '2024-03-12T04:00:00Z', 1200, (d) => {
  const order = r.int(3e6, 4e6)
  if (cut(d)) return lr(d, 'error', 'push to ERP failed', {order, attempt: r.int(1, 5), error: r.chance(0.7) ? 'Post "https://erp.corp.example:8443/api/v2/orders": dial tcp 10.60.4.21:8443: i/o timeout' : 'Post "https://erp.corp.example:8443/api/v2/orders": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'})
  return lr(d, 'info', 'pushed to ERP', {order, status: 201, took: `${r.int(40, 180)}ms`})
})
writeEvents(out(dir, 'logs/order-sync.log'), app)
writeCsvMetrics(out(dir, 'metrics/vpn.csv'), '2024-03-12T00:00:00Z', '2024-03-12T04:00:00Z', 60000, {
  'vpn-0a1b2c3d.tunnel1.TunnelState': (d) => d.getTime() >= linkDown + 60000 && d.getTime() < tunnelsUp ? 0 : 1,
  'vpn-0a1b2c3d.tunnel2.TunnelState': (d) => d.getTime() >= linkDown + 60000 && d.getTime() < tunnelsUp ? 0 : 1,
  'vpn-0a1b2c3d.TunnelDataIn_bytes': (d) => cut(d) ? 0 : 180000 + r.int(-20000, 20000),
  'order_sync.backlog': (d) => cut(d) ? Math.round((d.getTime() - linkDown) / 1200) : r.int(0, 4),
})
const tf = (dpd) => `resource "aws_vpn_connection" "onprem" {\n  vpn_gateway_id      = aws_vpn_gateway.main.id\n  customer_gateway_id = aws_customer_gateway.dc1.id\n  type                = "ipsec.1"\n  tunnel1_dpd_timeout_seconds = ${dpd}\n  tunnel2_dpd_timeout_seconds = ${dpd}\n  tunnel1_dpd_timeout_action  = "restart"\n  tunnel2_dpd_timeout_action  = "restart"\n}\n`
const base = goService('example.com/order-sync')
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'order-sync: push orders to the on-prem ERP over the VPN', author: people.ben, at: '2023-06-05T09:00:00Z', files: {...base, 'infra/vpn.tf': tf(30)}},
  {subject: 'vpn: restart tunnels on DPD timeout, 45 s', author: people.dana, at: '2024-02-06T14:00:00Z', files: {'infra/vpn.tf': tf(45)}},
  {subject: 'erp client: retry 5 times with backoff', author: people.ben, at: '2024-03-11T13:00:00Z', files: {'internal/erp/client.go': 'package erp\n\n// Retries 5 times: 0.5s, 1s, 2s, 4s, 8s.\n'}},
  {subject: 'Bump golang.org/x/net from 0.21.0 to 0.22.0', author: people.bot, at: '2024-03-11T20:00:00Z', files: {'go.mod': 'module example.com/order-sync\n\ngo 1.22\n\nrequire golang.org/x/net v0.22.0\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-03-11T16:00:00Z', service: 'order-sync', version: '1.33.0', sha: shaOf(repo, 'erp client: retry 5 times with backoff'), kind: 'deploy', description: 'order-sync 1.33.0'},
  {time: '2024-03-12T00:30:00Z', service: 'order-sync', version: '1.33.1', sha: shaOf(repo, 'Bump golang.org/x/net from 0.21.0 to 0.22.0'), kind: 'deploy', description: 'order-sync 1.33.1'},
])
