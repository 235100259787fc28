import {rng, every, writeEvents, writePromRange, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20211028)
const rollout = '2021-10-27T21:00:00Z'
const collapse = '2021-10-28T20:37:00Z'
const streaming = (d) => minutesSince(d, rollout) >= 0
const sick = (d) => minutesSince(d, collapse) >= 0
// Peak load in the afternoon/evening UTC; the drift after the rollout is slow until the collapse.
const load = (d) => 1 + 0.6 * Math.max(0, Math.sin(((d.getUTCHours() + d.getUTCMinutes() / 60) - 12) / 24 * 2 * Math.PI))
const hc = (d) => d.toISOString().replace(/\.(\d{3})Z$/, '.$1Z')
const servers = ['consul-01', 'consul-02', 'consul-03', 'consul-04', 'consul-05']
const logs = every(r, '2021-10-28T19:30:00Z', '2021-10-28T23:00:00Z', 3000, (d) => {
  const s = r.pick(servers)
  if (sick(d)) return `${hc(d)} [${s}] ` + r.pick([
    `[WARN]  agent.server.raft: failed to contact quorum of nodes, stepping down`,
    `[WARN]  agent.server.raft: heartbeat timeout reached, starting election: last-leader=10.10.1.${r.int(11, 15)}:8300`,
    `[INFO]  agent.server.raft: entering candidate state: node="Node at 10.10.1.${r.int(11, 15)}:8300 [Candidate]" term=${4200 + Math.round(minutesSince(d, collapse))}`,
    `[ERROR] agent.http: Request error: method=PUT url=/v1/kv/traefik/backends/game-join-${r.int(1, 900)} from=10.20.${r.int(1, 60)}.${r.int(2, 250)}:${r.int(30000, 60000)} error="rpc error making call: i/o deadline reached"`,
    `[WARN]  agent.rpc: stream subscription failed: topic=ServiceHealth key=game-join error="rpc error: code = Unavailable desc = transport is closing"`,
    `[ERROR] agent.server.memberlist.lan: memberlist: Push/Pull with ${r.pick(servers)} failed: dial tcp 10.10.1.${r.int(11, 15)}:8301: i/o timeout`,
    `[WARN]  agent.server.raft: appendEntries rejected, sending older logs: peer="{Voter ${r.pick(servers)} 10.10.1.${r.int(11, 15)}:8300}" next=${r.int(88000000, 89000000)}`,
  ])
  return `${hc(d)} [${s}] ` + r.pick([
    `[INFO]  agent.server.fsm: snapshot created: duration=${r.int(200, 900)}ms`,
    `[DEBUG] agent.http: Request finished: method=GET url=/v1/health/service/game-join?index=${r.int(1e7, 9e7)}&stale= from=10.20.${r.int(1, 60)}.${r.int(2, 250)}:${r.int(30000, 60000)} latency=${r.int(40, 400)}ms`,
    `[INFO]  agent.server.raft: compacting logs: from=${r.int(80000000, 88000000)} to=${r.int(88000000, 89000000)}`,
  ])
})
logs.push({t: Date.parse(rollout) + 60000, text: `${hc(new Date(Date.parse(rollout) + 60000))} [consul-01] [INFO]  agent.rpc: streaming subscriptions opened by 1,412 clients (topic=ServiceHealth)`})
writeEvents(out(dir, 'logs/consul-servers.log'), logs)
const join = every(r, '2021-10-28T19:30:00Z', '2021-10-28T23:00:00Z', 2000, (d) => {
  if (sick(d) && r.chance(0.8)) return `${fmt.iso(d)} ERROR game-join: place ${r.int(1e8, 9e8)} join failed: no healthy instances of matchmaker found in Consul (query took ${r.int(5000, 30000)}ms: Unexpected response code: 500 (rpc error making call: i/o deadline reached))`
  return `${fmt.iso(d)} INFO  game-join: player ${r.int(1e8, 9e9)} joined place ${r.int(1e8, 9e8)} in ${r.int(80, 600)}ms`
})
writeEvents(out(dir, 'logs/game-join.log'), join)
const kv = (d) => (sick(d) ? 1800 + r() * 900 : (45 + (streaming(d) ? minutesSince(d, rollout) * 0.12 : 0)) * load(d) + r() * 10)
writePromRange(out(dir, 'metrics/consul.json'), '2021-10-27T12:00:00Z', '2021-10-28T23:00:00Z', 60000, [
  {metric: {__name__: 'consul_kvs_apply', quantile: '0.5', job: 'consul-servers'}, value: kv},
  {metric: {__name__: 'consul_raft_commitTime', quantile: '0.99', job: 'consul-servers'}, value: (d) => kv(d) * 1.6},
  {metric: {__name__: 'consul_rpc_streaming_subscriptions', job: 'consul-servers'}, value: (d) => (streaming(d) ? 1412 * 40 * load(d) + r() * 500 : 0)},
  {metric: {__name__: 'process_cpu_seconds_total:rate1m', instance: 'consul-01', job: 'consul-servers'}, value: (d) => (sick(d) ? 63 + r() * 1 : (18 + (streaming(d) ? 9 : 0)) * load(d) + r() * 2)},
  {metric: {__name__: 'consul_raft_state_leader:changes1m', job: 'consul-servers'}, value: (d) => (sick(d) ? r.int(0, 3) : 0)},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2021-10-27T15:30:00Z', service: 'games', version: '2021.10.27-4', sha: '', kind: 'deploy', description: 'games platform release 2021.10.27-4'},
  {time: rollout, service: 'traefik', version: '', sha: '', kind: 'config', description: 'traefik routing tier: enable Consul streaming backend (use_streaming_backend=true) and add 50% more routing nodes'},
  {time: '2021-10-28T10:00:00Z', service: 'consul', version: '', sha: '', kind: 'config', description: 'consul: snapshot agent interval 30m (was 1h)'},
  {time: '2021-10-28T18:00:00Z', service: 'games', version: '2021.10.28-2', sha: '', kind: 'deploy', description: 'games platform release 2021.10.28-2'},
])
