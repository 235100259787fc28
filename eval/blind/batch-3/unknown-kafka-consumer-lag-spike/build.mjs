import {rng, every, writeEvents, writeJsonl, writePromRange, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, javaService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240312)
const slowFrom = '2024-03-12T02:14:00Z'
const slowTo = '2024-03-12T02:56:00Z'
const slow = (d) => minutesSince(d, slowFrom) >= 0 && minutesSince(d, slowTo) < 0
// Producers write ~1200 records/s all night; the indexer normally drains 1600/s. While its batches take
// four times longer it drains ~450/s, so lag builds, then drains once batches are fast again.
const IN = 1200
const rate = (d) => (slow(d) ? 450 : 1600)
let lag = 300
const lagAt = new Map()
for (let t = new Date('2024-03-12T01:00:00Z').getTime(); t <= new Date('2024-03-12T04:30:00Z').getTime(); t += 15000) {
  lag = Math.max(250 + r.int(0, 200), lag + (IN - rate(new Date(t))) * 15)
  lagAt.set(t, lag)
}
const lagOf = (d) => lagAt.get(Math.floor(d.getTime() / 15000) * 15000) ?? 300
writePromRange(out(dir, 'metrics/kafka.json'), '2024-03-12T01:00:00Z', '2024-03-12T04:30:00Z', 15000, [
  {metric: {__name__: 'kafka_consumergroup_lag_sum', consumergroup: 'invoice-indexer', topic: 'invoices.v2'}, value: (d) => lagOf(d)},
  {metric: {__name__: 'kafka_topic_messages_in_per_second', topic: 'invoices.v2'}, value: () => IN * (0.97 + r() * 0.06)},
  {metric: {__name__: 'invoice_indexer_records_consumed_per_second', consumergroup: 'invoice-indexer'}, value: (d) => Math.min(rate(d), lagOf(d) > 1000 ? rate(d) : IN) * (0.97 + r() * 0.06)},
  {metric: {__name__: 'jvm_gc_pause_seconds_sum_rate', app: 'invoice-indexer'}, value: () => 0.01 + r() * 0.004},
  {metric: {__name__: 'container_cpu_usage_ratio', app: 'invoice-indexer'}, value: (d) => (slow(d) ? 0.18 : 0.55) + r() * 0.05},
])
const pods = ['invoice-indexer-0', 'invoice-indexer-1', 'invoice-indexer-2']
const logs = every(r, '2024-03-12T01:00:00Z', '2024-03-12T04:30:00Z', 900, (d) => {
  const pod = r.pick(pods)
  const took = slow(d) ? r.int(1700, 2600) : r.int(380, 640)
  return `ts=${fmt.iso(d)} level=info logger=c.e.indexer.BatchLoop pod=${pod} msg="batch committed" partition=${r.int(0, 11)} records=500 took_ms=${took} commit=ok`
})
logs.push({t: new Date('2024-03-12T04:20:00Z').getTime(), text: `ts=2024-03-12T04:20:00.000Z level=info logger=c.e.indexer.LagReporter pod=invoice-indexer-0 msg="lag below threshold" lag=410`})
writeEvents(out(dir, 'logs/invoice-indexer.logfmt'), logs)
const base = javaService('com.example.indexer', 'invoice-indexer')
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'invoice-indexer: Kafka consumer indexing invoices', author: people.chen, at: '2023-10-02T10:00:00Z', files: {...base, 'src/main/resources/application.yml': 'spring:\n  kafka:\n    consumer:\n      group-id: invoice-indexer\n      max-poll-records: 500\n'}},
  {subject: 'web: new footer links', author: people.fay, at: '2024-03-11T16:30:00Z', files: {'web/src/footer.tsx': 'export const Footer = () => null\n'}},
  {subject: 'indexer: log the partition in the batch line', author: people.ben, at: '2024-03-08T11:00:00Z', files: {'src/main/java/com/example/indexer/BatchLoop.java': '// logs partition, records, took_ms\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-03-08T13:00:00Z', service: 'invoice-indexer', version: '1.18.2', sha: shaOf(repo, 'indexer: log the partition in the batch line'), kind: 'deploy', description: 'invoice-indexer 1.18.2'},
  {time: '2024-03-12T02:05:00Z', service: 'web', version: '2024.03.12.0', sha: shaOf(repo, 'web: new footer links'), kind: 'deploy', description: 'web 2024.03.12.0 (nightly train)'},
])
