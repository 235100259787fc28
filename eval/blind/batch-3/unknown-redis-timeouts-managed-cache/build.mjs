import {rng, every, writeEvents, writeJsonl, writeCsvMetrics, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20230822)
const from = '2023-08-22T14:02:10Z'
const to = '2023-08-22T14:09:40Z'
const bad = (d) => minutesSince(d, from) >= 0 && minutesSince(d, to) < 0
const sts = (d) => `${d.toISOString().replace('T', ' ').replace('Z', '')} +00:00`
const pods = ['web-7f9c6d8b5-2x8kq', 'web-7f9c6d8b5-bb4nz', 'web-7f9c6d8b5-q7w1m', 'web-7f9c6d8b5-zr6td']
const log = every(r, '2023-08-22T13:00:00Z', '2023-08-22T15:00:00Z', 120, (d) => {
  const pod = r.pick(pods)
  const path = r.pick(['/account', '/basket', '/search?q=' + r.pick(['boots', 'lamp', 'desk']), '/product/' + r.int(1000, 9999)])
  if (bad(d) && r.chance(0.6)) {
    const key = `session:${r.hex(24)}`
    return [
      `${sts(d)} [ERR] Session load failed for ${path} on ${pod}`,
      `StackExchange.Redis.RedisTimeoutException: Timeout performing GET (5000ms), next: GET ${key}, inst: 0, qu: 0, qs: ${r.int(2, 14)}, aw: False, bw: Inactive, rs: ReadAsync, ws: Idle, in: 0, in-pipe: 0, out-pipe: 0, last-in: ${r.int(0, 4)}, cur-in: 0, sync-ops: ${r.int(1000, 90000)}, async-ops: ${r.int(100000, 900000)}, serverEndpoint: shop-sessions.redis.cache.windows.net:6380, conn-sec: ${r.int(20000, 90000)}.${r.int(10, 99)}, aoc: 0, mc: 1/1/0, mgr: 10 of 10 available, clientName: ${pod}(SE.Redis-v2.6.122.38350), IOCP: (Busy=0,Free=1000,Min=4,Max=1000), WORKER: (Busy=${r.int(2, 9)},Free=${r.int(32758, 32765)},Min=4,Max=32767), POOL: (Threads=${r.int(9, 14)},QueuedItems=0,CompletedItems=${r.int(1000000, 9000000)},Timers=${r.int(20, 60)}), v: 2.6.122.38350 (Please take a look at this article for some common client-side issues that can cause timeouts: https://stackexchange.github.io/StackExchange.Redis/Timeouts)`,
      '   at StackExchange.Redis.ConnectionMultiplexer.ExecuteSyncImpl[T](Message message, ResultProcessor`1 processor, ServerEndPoint server, T defaultValue)',
      '   at StackExchange.Redis.RedisDatabase.StringGet(RedisKey key, CommandFlags flags)',
      '   at Shop.Web.Sessions.RedisSessionStore.Load(String id) in /src/Shop.Web/Sessions/RedisSessionStore.cs:line 41',
      `${sts(new Date(d.getTime() + 5001))} [INF] HTTP GET ${path} responded 500 in ${5000 + r.int(3, 40)}.${r.int(1000, 9999)} ms`,
    ]
  }
  return `${sts(d)} [INF] HTTP GET ${path} responded 200 in ${r.int(8, 140)}.${r.int(1000, 9999)} ms`
})
writeEvents(out(dir, 'logs/web.log'), log)
writeCsvMetrics(out(dir, 'metrics.csv'), '2023-08-22T13:00:00Z', '2023-08-22T15:00:00Z', 30000, {
  web_requests_per_second: () => 8.3 + r() * 0.6,
  web_cpu_ratio: () => 0.31 + r() * 0.05,
  dotnet_threadpool_queue_length: () => r.int(0, 2),
  dotnet_gc_pause_ratio: () => 0.004 + r() * 0.002,
  redis_client_get_p99_ms: (d) => (bad(d) ? 5000 : 1.4 + r() * 1.2),
})
const csproj = (v) => `<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup><TargetFramework>net7.0</TargetFramework></PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="StackExchange.Redis" Version="${v}" />\n    <PackageReference Include="Serilog.AspNetCore" Version="7.0.0" />\n  </ItemGroup>\n</Project>\n`
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'web: storefront with Redis-backed sessions', author: people.eli, at: '2022-11-07T10:00:00Z', files: {'src/Shop.Web/Shop.Web.csproj': csproj('2.6.111'), 'src/Shop.Web/Sessions/RedisSessionStore.cs': 'public sealed class RedisSessionStore { /* GET session:{id}, 5 s sync timeout */ }\n', 'README.md': '# shop web\n'}},
  {subject: 'Bump StackExchange.Redis from 2.6.111 to 2.6.122', author: people.bot, at: '2023-08-20T03:00:00Z', files: {'src/Shop.Web/Shop.Web.csproj': csproj('2.6.122')}},
  {subject: 'basket: show delivery estimate', author: people.ana, at: '2023-08-22T10:40:00Z', files: {'src/Shop.Web/Basket/DeliveryEstimate.cs': 'public static class DeliveryEstimate { public static int Days(string postcode) => 2; }\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2023-08-21T09:15:00Z', service: 'web', version: '2023.08.21.1', sha: shaOf(repo, 'Bump StackExchange.Redis from 2.6.111 to 2.6.122'), kind: 'deploy', description: 'web 2023.08.21.1'},
  {time: '2023-08-22T11:05:00Z', service: 'web', version: '2023.08.22.1', sha: shaOf(repo, 'basket: show delivery estimate'), kind: 'deploy', description: 'web 2023.08.22.1'},
])
