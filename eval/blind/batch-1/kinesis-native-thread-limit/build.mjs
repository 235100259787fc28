import {rng, every, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, javaService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20201125)
const onset = '2020-11-25T13:15:00Z'
const logs = every(r, '2020-11-25T12:30:00Z', '2020-11-25T14:00:00Z', 900, (d) => {
  const th = `pool-${r.int(1, 9)}-thread-${r.int(1, 4000)}`
  if (minutesSince(d, onset) < 0) return `${fmt.javaSpace(d)} INFO  [${th}] c.e.stream.frontend.ShardMapCache - shard map refreshed: ${r.int(30000, 31000)} shards from ${r.int(5800, 6100)} peers in ${r.int(300, 900)}ms`
  if (r.chance(0.35)) return [
    `${fmt.javaSpace(d)} ERROR [peer-gossip-${r.int(1, 6000)}] c.e.stream.frontend.PeerGossip - failed to open peer channel to fe-${r.int(1, 6000)}.frontend.internal`,
    'java.lang.OutOfMemoryError: unable to create new native thread',
    '\tat java.base/java.lang.Thread.start0(Native Method)',
    '\tat java.base/java.lang.Thread.start(Thread.java:802)',
    '\tat java.base/java.util.concurrent.ThreadPoolExecutor.addWorker(ThreadPoolExecutor.java:945)',
    '\tat java.base/java.util.concurrent.ThreadPoolExecutor.execute(ThreadPoolExecutor.java:1353)',
    '\tat com.example.stream.frontend.PeerGossip.connect(PeerGossip.java:118)',
    '\tat com.example.stream.frontend.PeerGossip.refreshPeers(PeerGossip.java:77)',
  ]
  if (r.chance(0.5)) return `${fmt.javaSpace(d)} ERROR [${th}] c.e.stream.frontend.ShardMapCache - shard map construction incomplete (${r.int(1000, 9000)} peers unreachable); serving stale map`
  return `${fmt.javaSpace(d)} WARN  [${th}] c.e.stream.frontend.RequestRouter - PutRecords rejected: no route for shard shardId-0000000${r.int(10000, 99999)} (503 ServiceUnavailable)`
})
writeEvents(out(dir, 'logs/frontend.log'), logs)
const base = javaService('com.example.stream.frontend', 'stream-frontend')
const p = 'src/main/java/com/example/stream/frontend'
buildRepo(out(dir, 'repo'), [
  {subject: 'Front-end: peer gossip for shard map', author: people.ana, at: '2020-06-01T10:00:00Z', files: {...base, [`${p}/PeerGossip.java`]: 'package com.example.stream.frontend;\n\nimport java.util.concurrent.*;\n\npublic class PeerGossip {\n    // one thread per peer keeps each peer channel independent\n    private final ExecutorService pool = Executors.newCachedThreadPool();\n\n    void connect(String peer) { pool.execute(() -> talk(peer)); }\n    void talk(String peer) {}\n}\n', [`${p}/ShardMapCache.java`]: 'package com.example.stream.frontend;\n\npublic class ShardMapCache {\n    int maxEntries = 50000;\n}\n'}},
  {subject: 'docs: capacity planning notes for the front-end fleet', author: people.ben, at: '2020-11-24T17:00:00Z', files: {'docs/capacity.md': '# Front-end capacity\n\nAdd hosts in batches of 50; watch CPU and memory.\n'}},
  {subject: 'Metrics reporter: log in key=value format', author: people.chen, at: '2020-11-25T10:40:00Z', files: {[`${p}/MetricsReporter.java`]: 'package com.example.stream.frontend;\n\npublic class MetricsReporter {\n    String format(String k, double v) { return k + "=" + v; }\n}\n'}},
  {subject: 'ShardMapCache: raise max entries to 80k', author: people.dana, at: '2020-11-25T14:30:00Z', files: {[`${p}/ShardMapCache.java`]: 'package com.example.stream.frontend;\n\npublic class ShardMapCache {\n    int maxEntries = 80000;\n}\n'}},
])
