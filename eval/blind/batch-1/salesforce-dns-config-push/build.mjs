import {rng, every, at, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20210511)
const push = '2021-05-11T20:59:00Z'
const ns = ['ns1-ia2', 'ns2-ph2', 'ns3-fra', 'ns4-tyo']
const named = [
  ...every(r, '2021-05-11T20:20:00Z', '2021-05-11T21:30:00Z', 30000, (d) => {
    const h = r.pick(ns)
    if (minutesSince(d, push) < 0) return `${fmt.syslog(d)} ${h} named[${r.int(1000, 2000)}]: client @0x7f${r.hex(8)} ${r.int(1, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}#${r.int(1024, 65000)} (login.example-crm.com): query: login.example-crm.com IN A -E(0)DC (10.8.0.${r.int(2, 9)})`
    return r.chance(0.5) ? `${fmt.syslog(d)} ${h} systemd[1]: named.service: Start request repeated too quickly.` : `${fmt.syslog(d)} ${h} systemd[1]: Failed to start BIND Domain Name Server.`
  }),
  ...ns.flatMap((h, i) => [
    at(new Date(Date.parse(push) + 20000 + i * 3000), `${fmt.syslog(new Date(Date.parse(push) + 20000 + i * 3000))} ${h} named[${3000 + i}]: loading configuration from '/etc/bind/named.conf'`),
    at(new Date(Date.parse(push) + 21000 + i * 3000), `${fmt.syslog(new Date(Date.parse(push) + 21000 + i * 3000))} ${h} named[${3000 + i}]: /etc/bind/zones/hyperforce-au.conf:14: unknown option 'allow-tranfer'`),
    at(new Date(Date.parse(push) + 21500 + i * 3000), `${fmt.syslog(new Date(Date.parse(push) + 21500 + i * 3000))} ${h} named[${3000 + i}]: loading configuration: failure`),
    at(new Date(Date.parse(push) + 21600 + i * 3000), `${fmt.syslog(new Date(Date.parse(push) + 21600 + i * 3000))} ${h} named[${3000 + i}]: exiting (due to fatal error)`),
  ]),
]
writeEvents(out(dir, 'logs/named.log'), named)
const gw = every(r, '2021-05-11T20:20:00Z', '2021-05-11T21:30:00Z', 900, (d) => {
  const m = minutesSince(d, push)
  if (m > 1 && r.chance(Math.min(0.9, 0.2 + m * 0.05))) return r.chance(0.6)
    ? `${fmt.iso(d)} ERROR gateway upstream=login.example-crm.com err="dial tcp: lookup login.example-crm.com: no such host"`
    : `${fmt.iso(d)} ERROR gateway upstream=api.example-crm.com err="lookup api.example-crm.com on 10.8.0.2:53: server misbehaving" (SERVFAIL)`
  return `${fmt.iso(d)} INFO gateway ${r.pick(['POST /services/oauth2/token', 'GET /services/data/v52.0/sobjects', 'GET /lightning/page/home'])} 200 ${r.int(30, 300)}ms`
})
writeEvents(out(dir, 'logs/gateway.log'), gw)
