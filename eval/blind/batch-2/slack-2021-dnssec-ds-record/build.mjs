import {rng, every, writeEvents, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20210930)
const ds = '2021-09-30T14:58:00Z'
const withdrawn = '2021-09-30T17:22:00Z'
// Share of validating, NSEC-synthesising resolvers that have cached the bad denial.
const poisoned = (d) => {
  const m = minutesSince(d, ds)
  if (m < 14) return 0
  const ramp = Math.min(1, (m - 14) / 40)
  const decay = minutesSince(d, withdrawn) > 0 ? Math.max(0.35, 1 - minutesSince(d, withdrawn) / 400) : 1
  return ramp * decay
}
const resolvers = [
  {name: 'isp-a-dns1', asn: 7922, validating: true}, {name: 'isp-b-dns2', asn: 701, validating: true},
  {name: 'isp-c-dns1', asn: 3320, validating: true}, {name: 'public-dns-x', asn: 15169, validating: true},
  {name: 'isp-d-dns1', asn: 2856, validating: false}, {name: 'isp-e-dns3', asn: 7018, validating: false},
  {name: 'isp-f-dns1', asn: 12322, validating: false},
]
const names = ['app.slack.com', 'edgeapi.slack.com', 'wss-primary.slack.com', 'files.slack.com', 'slack.com']
const probes = every(r, '2021-09-30T14:00:00Z', '2021-09-30T19:00:00Z', 4000, (d) => {
  const res = r.pick(resolvers)
  const qname = r.pick(names)
  const qtype = r.chance(0.8) ? 'A' : 'AAAA'
  const wildcard = qname !== 'slack.com'
  const fails = res.validating && wildcard && r() < poisoned(d) * 0.7
  if (fails) return JSON.stringify({time: fmt.iso(d), level: 'error', probe: 'dns-resolve', resolver: res.name, resolver_asn: res.asn, qname, qtype, rcode: r.chance(0.8) ? 'NOERROR' : 'SERVFAIL', answers: 0, ad: r.chance(0.5), latency_ms: r.int(8, 90), msg: `no ${qtype} record for ${qname} via ${res.name}`})
  return JSON.stringify({time: fmt.iso(d), level: 'info', probe: 'dns-resolve', resolver: res.name, resolver_asn: res.asn, qname, qtype, rcode: 'NOERROR', answers: r.int(1, 4), ad: res.validating && minutesSince(d, ds) > 5 && minutesSince(d, withdrawn) < 0, latency_ms: r.int(3, 60), msg: 'resolved'})
})
writeEvents(out(dir, 'logs/dns-probes.jsonl'), probes)
const lab = every(r, '2021-09-30T14:00:00Z', '2021-09-30T19:00:00Z', 20000, (d) => {
  const p = poisoned(d)
  const name = r.pick(names.slice(0, 4))
  if (p > 0 && r() < p) return r.chance(0.6)
    ? `${fmt.syslog(d)} resolver-lab-1 unbound[812]: [812:0] info: validated NODATA <${name}. A IN> synthesized from cached NSEC *.slack.com. -> \\000.*.slack.com. (types: CNAME RRSIG NSEC)`
    : `${fmt.syslog(d)} resolver-lab-1 unbound[812]: [812:0] info: resolving ${name}. AAAA IN: NSEC proves no AAAA and no A at the wildcard *.slack.com.; caching denial for 3600s`
  if (minutesSince(d, ds) > 0 && minutesSince(d, withdrawn) < 0 && r.chance(0.15)) return `${fmt.syslog(d)} resolver-lab-1 unbound[812]: [812:0] info: validation success <slack.com. DNSKEY IN> with DS from com.`
  return `${fmt.syslog(d)} resolver-lab-1 unbound[812]: [812:0] info: server stats for thread 0: ${r.int(800, 1500)} queries, ${r.int(600, 1200)} answers from cache, ${r.int(100, 300)} recursions, 0 prefetch, 0 rejected by ip ratelimiting`
})
writeEvents(out(dir, 'logs/resolver-lab.log'), lab)
const isps = ['isp-a', 'isp-b', 'isp-c', 'isp-d', 'isp-e', 'isp-f', 'corp-vpn']
const client = every(r, '2021-09-30T14:00:00Z', '2021-09-30T19:00:00Z', 700, (d) => {
  const isp = r.pick(isps)
  const validating = ['isp-a', 'isp-b', 'isp-c'].includes(isp)
  const host = r.pick(['app.slack.com', 'edgeapi.slack.com', 'wss-primary.slack.com'])
  if (validating && r() < poisoned(d) * 0.6) return JSON.stringify({ts: fmt.epochMs(d), level: 'error', event: 'connect_failed', host, error: 'net::ERR_NAME_NOT_RESOLVED', isp, client: r.pick(['desktop/4.19.2', 'desktop/4.20.0', 'web/chrome-94']), team: `T${r.hex(8).toUpperCase()}`})
  return JSON.stringify({ts: fmt.epochMs(d), level: 'info', event: 'connected', host, connect_ms: r.int(40, 400), isp, client: r.pick(['desktop/4.19.2', 'desktop/4.20.0', 'web/chrome-94']), team: `T${r.hex(8).toUpperCase()}`})
})
writeEvents(out(dir, 'logs/client-connect.jsonl'), client)
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2021-09-29T18:30:00Z', service: 'dns', version: '', sha: '', kind: 'config', description: 'slack.com: enable DNSSEC signing in Route 53 (KSK in KMS), DS not yet published'},
  {time: '2021-09-30T13:00:00Z', service: 'desktop', version: '4.20.0', sha: '', kind: 'deploy', description: 'desktop 4.20.0 staged rollout to 10%'},
  {time: '2021-09-30T14:40:00Z', service: 'edge', version: '', sha: '', kind: 'config', description: 'edge: rotate TLS certificate for slack-edge.com'},
  {time: ds, service: 'dns', version: '', sha: '', kind: 'config', description: 'slack.com: publish DS record at the .com registry (DNSSEC validation goes live)'},
  {time: withdrawn, service: 'dns', version: '', sha: '', kind: 'config', description: 'slack.com: withdraw DS record (roll back DNSSEC validation)'},
])
