import {rng, every, writeEvents, writePromRange, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, javaService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20230418)
const lossFrom = '2023-04-18T10:41:00Z'
const lossTo = '2023-04-18T11:24:00Z'
const lossy = (d) => minutesSince(d, lossFrom) >= 0 && minutesSince(d, lossTo) < 0
const k = (d) => `[${d.toISOString().replace('T', ' ').replace('Z', '').replace('.', ',')}]`
const parts = Array.from({length: 12}, (_, i) => `orders-${i}`)
const broker = every(r, '2023-04-18T10:00:00Z', '2023-04-18T12:00:00Z', 6000, (d) => {
  const p = r.pick(parts)
  const m = minutesSince(d, lossFrom)
  if (lossy(d)) {
    const hw = r.int(880000, 990000)
    return r.pick([
      `${k(d)} INFO [Partition ${p} broker=1] Shrinking ISR from 1,2,3 to 1. Leader: (highWatermark: ${hw}, endOffset: ${hw + r.int(50, 400)}). Out of sync replicas: (brokerId: 2, endOffset: ${hw}, lastCaughtUpTimeMs: ${d.getTime() - 31000}) (brokerId: 3, endOffset: ${hw - r.int(0, 80)}, lastCaughtUpTimeMs: ${d.getTime() - 34000}). (kafka.cluster.Partition)`,
      `${k(d)} WARN [ReplicaFetcher replicaId=1, leaderId=${r.pick([2, 3])}, fetcherId=0] Error in response for fetch request (type=FetchRequest, replicaId=1, maxWait=500, minBytes=1, maxBytes=10485760) (kafka.server.ReplicaFetcherThread)\njava.io.IOException: Connection to ${r.pick([2, 3])} was disconnected before the response was read\n\tat org.apache.kafka.clients.NetworkClientUtils.sendAndReceive(NetworkClientUtils.java:99)\n\tat kafka.server.BrokerBlockingSender.sendRequest(BrokerBlockingSender.scala:113)`,
      `${k(d)} ERROR [ReplicaManager broker=1] Error processing append operation on partition ${p} (kafka.server.ReplicaManager)\norg.apache.kafka.common.errors.NotEnoughReplicasException: The size of the current ISR Set(1) is insufficient to satisfy the min.isr requirement of 2 for partition ${p}`,
      `${k(d)} INFO [Controller id=1] Newly added brokers: , deleted brokers: 3, bounced brokers: , all live brokers: 1,2 (kafka.controller.KafkaController)`,
    ])
  }
  if (m > 0 && minutesSince(d, lossTo) < 4) return `${k(d)} INFO [Partition ${p} broker=1] ISR updated to 1,2,3 and version updated to ${r.int(40, 90)} (kafka.cluster.Partition)`
  return r.chance(0.5) ? `${k(d)} INFO [Log partition=${p}, dir=/var/lib/kafka/data] Rolled new log segment at offset ${r.int(800000, 990000)} in ${r.int(1, 9)} ms. (kafka.log.Log)` : `${k(d)} INFO [GroupCoordinator 1]: Member consumer-orders-projector-${r.int(1, 6)} in group orders-projector has ${r.pick(['joined', 'left'])} (kafka.coordinator.group.GroupCoordinator)`
})
broker.push({t: Date.parse('2023-04-18T10:41:22Z'), text: `${k(new Date('2023-04-18T10:41:22Z'))} INFO [Controller id=1] Broker 3 has been removed: ZooKeeper session 0x30001a2b3c4d0005 expired (kafka.controller.KafkaController)`})
writeEvents(out(dir, 'logs/kafka-broker-1.log'), broker)
const prod = every(r, '2023-04-18T10:00:00Z', '2023-04-18T12:00:00Z', 1500, (d) => {
  const base = {'@timestamp': fmt.iso(d), '@version': '1', thread_name: `kafka-producer-network-thread | orders-producer-${r.int(1, 3)}`, HOSTNAME: `orders-${r.hex(6)}`}
  if (lossy(d) && r.chance(0.6)) return JSON.stringify(r.chance(0.6)
    ? {...base, message: `Send failed for order event to ${r.pick(parts)}`, logger_name: 'com.example.orders.events.OrderEventPublisher', level: 'ERROR', level_value: 40000, stack_trace: 'org.apache.kafka.common.errors.NotEnoughReplicasException: Messages are rejected since there are fewer in-sync replicas than required.\n'}
    : {...base, message: `Send failed for order event to ${r.pick(parts)}`, logger_name: 'com.example.orders.events.OrderEventPublisher', level: 'ERROR', level_value: 40000, stack_trace: `org.apache.kafka.common.errors.TimeoutException: Expiring ${r.int(3, 40)} record(s) for ${r.pick(parts)}:120000 ms has passed since batch creation\n`})
  return JSON.stringify({...base, thread_name: `http-nio-8080-exec-${r.int(1, 100)}`, message: `Order ${r.hex(10)} created`, logger_name: 'com.example.orders.OrderController', level: 'INFO', level_value: 20000})
})
writeEvents(out(dir, 'logs/orders-producer.jsonl'), prod)
const loss = (d) => (lossy(d) ? 0.3 + r() * 0.3 : r() * 0.002)
writePromRange(out(dir, 'metrics/az-probes.json'), '2023-04-18T08:00:00Z', '2023-04-18T12:00:00Z', 15000, [
  {metric: {__name__: 'probe_icmp_packet_loss_ratio', src_zone: 'eu-west-1a', dst_zone: 'eu-west-1b', job: 'blackbox-icmp'}, value: loss},
  {metric: {__name__: 'probe_icmp_packet_loss_ratio', src_zone: 'eu-west-1a', dst_zone: 'eu-west-1c', job: 'blackbox-icmp'}, value: loss},
  {metric: {__name__: 'probe_icmp_packet_loss_ratio', src_zone: 'eu-west-1b', dst_zone: 'eu-west-1c', job: 'blackbox-icmp'}, value: () => r() * 0.002},
  {metric: {__name__: 'kafka_server_replicamanager_underreplicatedpartitions', broker: '1', job: 'kafka'}, value: (d) => (lossy(d) ? r.int(7, 12) : 0)},
])
const base = javaService('com.example.orders', 'orders')
const pom = (v) => base['pom.xml'].replace('  </dependencies>', `    <dependency>\n      <groupId>org.apache.kafka</groupId>\n      <artifactId>kafka-clients</artifactId>\n      <version>${v}</version>\n    </dependency>\n  </dependencies>`)
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'orders: publish order events to Kafka (acks=all)', author: people.ana, at: '2022-11-07T10:00:00Z', files: {...base, 'pom.xml': pom('3.4.0'), 'src/main/resources/kafka-producer.properties': 'acks=all\nenable.idempotence=true\ndelivery.timeout.ms=120000\n'}},
  {subject: 'orders: linger.ms 20 for order events', author: people.chen, at: '2023-03-30T10:00:00Z', files: {'src/main/resources/kafka-producer.properties': 'acks=all\nenable.idempotence=true\ndelivery.timeout.ms=120000\nlinger.ms=20\n'}},
  {subject: 'orders: bump kafka-clients from 3.4.0 to 3.4.1', author: people.bot, at: '2023-04-18T05:30:00Z', files: {'pom.xml': pom('3.4.1')}},
  {subject: 'orders: retry order events on NotEnoughReplicas with backoff', author: people.ana, at: '2023-04-18T12:30:00Z', files: {'src/main/java/com/example/orders/events/RetryPolicy.java': 'package com.example.orders.events;\n\npublic class RetryPolicy {\n    static final long BACKOFF_MS = 500;\n}\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2023-04-18T06:00:00Z', service: 'orders', version: '2023.04.18-1', sha: shaOf(repo, 'orders: bump kafka-clients from 3.4.0 to 3.4.1'), kind: 'deploy', description: 'orders 2023.04.18-1'},
])
