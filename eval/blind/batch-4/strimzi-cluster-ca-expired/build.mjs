import {rng, every, writeEvents, writeJson, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
import {event, list} from '../../lib/k8s.mjs'
const dir = process.argv[2]
const r = rng(20220510)
const expiry = new Date('2022-05-10T08:00:00Z').getTime()
const expired = (d) => d.getTime() >= expiry
// Strimzi's log4j pattern: "%d{yyyy-MM-dd HH:mm:ss,SSS} %p %m (%c) [%t]%n"
const s = (d) => d.toISOString().replace('T', ' ').replace('Z', '').replace('.', ',')
const broker = every(r, '2022-05-10T06:00:00Z', '2022-05-10T10:00:00Z', 2500, (d) => {
  if (!expired(d)) return r.chance(0.3) ? `${s(d)} INFO [Log partition=orders-${r.int(0, 11)}, dir=/var/lib/kafka/data/kafka-log0] Rolled new log segment at offset ${r.int(1e7, 9e7)} in ${r.int(1, 9)} ms. (kafka.log.Log) [data-plane-kafka-request-handler-${r.int(0, 7)}]` : null
  const v = r()
  if (v < 0.5) return `${s(d)} INFO [SocketServer listenerType=ZK_BROKER, nodeId=${r.int(0, 2)}] Failed authentication with /10.244.${r.int(1, 9)}.${r.int(2, 250)} (channelId=10.244.1.17:9093-10.244.${r.int(1, 9)}.${r.int(2, 250)}:${r.int(30000, 60000)}-${r.int(1, 400)}) (SSL handshake failed) (org.apache.kafka.common.network.Selector) [data-plane-kafka-network-thread-${r.int(0, 2)}-ListenerName(TLS-9093)-SSL-${r.int(0, 3)}]`
  if (v < 0.8) return [`${s(d)} WARN [ReplicaFetcher replicaId=${r.int(0, 2)}, leaderId=${r.int(0, 2)}, fetcherId=0] Error in response for fetch request (type=FetchRequest, replicaId=1, maxWait=500, minBytes=1) (kafka.server.ReplicaFetcherThread) [ReplicaFetcherThread-0-${r.int(0, 2)}]`, 'java.io.IOException: Connection to 2 was disconnected before the response was read']
  return `${s(d)} INFO [Partition orders-${r.int(0, 11)} broker=${r.int(0, 2)}] Shrinking ISR from 0,1,2 to ${r.int(0, 2)}. Leader: (highWatermark: ${r.int(1e7, 9e7)}, endOffset: ${r.int(1e7, 9e7)}). Out of sync replicas: (brokerId: ${r.int(0, 2)}, endOffset: ${r.int(1e7, 9e7)}). (kafka.cluster.Partition) [data-plane-kafka-request-handler-${r.int(0, 7)}]`
})
const zk = every(r, '2022-05-10T06:00:00Z', '2022-05-10T10:00:00Z', 5000, (d) => {
  if (!expired(d)) return r.chance(0.5) ? `${s(d)} INFO Processing ruok command from /127.0.0.1:${r.int(40000, 60000)} (org.apache.zookeeper.server.NettyServerCnxn) [nioEventLoopGroup-4-${r.int(1, 4)}]` : null
  return [
    `${s(d)} ERROR Unsuccessful handshake with session 0x0 (org.apache.zookeeper.server.NettyServerCnxnFactory) [nioEventLoopGroup-7-${r.int(1, 9)}]`,
    `${s(d)} WARN Exception caught (org.apache.zookeeper.server.NettyServerCnxnFactory) [nioEventLoopGroup-7-${r.int(1, 9)}]`,
    'io.netty.handler.codec.DecoderException: javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed',
    '\tat io.netty.handler.codec.ByteToMessageDecoder.callDecode(ByteToMessageDecoder.java:478)',
    '\tat io.netty.handler.codec.ByteToMessageDecoder.channelRead(ByteToMessageDecoder.java:276)',
    'Caused by: java.security.cert.CertificateExpiredException: NotAfter: Tue May 10 08:00:00 GMT 2022',
    '\tat java.base/sun.security.x509.CertificateValidity.valid(CertificateValidity.java:277)',
  ]
})
// The orders service's producer (Spring Boot default pattern).
const app = every(r, '2022-05-10T06:00:00Z', '2022-05-10T10:00:00Z', 900, (d) => {
  const t = d.toISOString().replace('Z', '+00:00').replace('T', 'T')
  if (!expired(d)) return `${t}  INFO 1 --- [nio-8080-exec-${r.int(1, 9)}] c.e.orders.api.OrderController        : order ${r.int(1e6, 9e6)} accepted, event published to orders`
  if (r.chance(0.5)) return `${t} ERROR 1 --- [ad | producer-1] org.apache.kafka.clients.NetworkClient   : [Producer clientId=orders-producer-1] Connection to node ${r.int(0, 2)} (orders-kafka-kafka-${r.int(0, 2)}.orders-kafka-kafka-brokers.kafka.svc/10.244.${r.int(1, 9)}.${r.int(2, 250)}:9093) failed authentication due to: SSL handshake failed`
  return [
    `${t} ERROR 1 --- [nio-8080-exec-${r.int(1, 9)}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] threw exception`,
    'org.springframework.kafka.KafkaException: Send failed; nested exception is org.apache.kafka.common.errors.SslAuthenticationException: SSL handshake failed',
    'Caused by: org.apache.kafka.common.errors.SslAuthenticationException: SSL handshake failed',
    'Caused by: javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed',
    'Caused by: java.security.cert.CertificateExpiredException: NotAfter: Tue May 10 08:00:00 GMT 2022',
  ]
})
writeEvents(out(dir, 'logs/kafka-brokers.log'), broker)
writeEvents(out(dir, 'logs/zookeeper.log'), zk)
writeEvents(out(dir, 'logs/orders-api.log'), app)
const ns = 'kafka'
const events = []
for (let i = 0; i < 3; i++) {
  events.push(event({namespace: ns, name: `orders-kafka-kafka-${i}`, reason: 'Unhealthy', type: 'Warning', message: 'Readiness probe failed: ', first: `2022-05-10T08:0${1 + i}:10Z`, last: '2022-05-10T09:58:40Z', count: 230 + i * 7, host: `ip-10-0-1-${21 + i}.eu-west-1.compute.internal`, fieldPath: 'spec.containers{kafka}'}))
  events.push(event({namespace: ns, name: `orders-kafka-zookeeper-${i}`, reason: 'Unhealthy', type: 'Warning', message: 'Readiness probe failed: ', first: `2022-05-10T08:0${2 + i}:30Z`, last: '2022-05-10T09:57:00Z', count: 115 + i, host: `ip-10-0-1-${31 + i}.eu-west-1.compute.internal`, fieldPath: 'spec.containers{zookeeper}'}))
}
events.push(event({namespace: ns, kind: 'Deployment', name: 'strimzi-cluster-operator', reason: 'ScalingReplicaSet', message: 'Scaled up replica set strimzi-cluster-operator-7c9d8b5f6 to 1', first: '2022-04-19T10:02:00Z', component: 'deployment-controller'}))
writeJson(out(dir, 'k8s/events.json'), list(events))
const kafkaCr = (retention, ver) => `apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: orders-kafka\n  namespace: kafka\nspec:\n  clusterCa:\n    validityDays: 365\n    renewalDays: 30\n  kafka:\n    version: ${ver}\n    replicas: 3\n    listeners:\n      - name: tls\n        port: 9093\n        type: internal\n        tls: true\n    config:\n      log.retention.hours: ${retention}\n  zookeeper:\n    replicas: 3\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'kafka: orders cluster managed by Strimzi (1-year cluster CA)', author: people.dana, at: '2021-05-09T16:00:00Z', files: {'clusters/orders-kafka.yaml': kafkaCr(72, '2.8.0'), 'operator/values.yaml': 'image:\n  tag: 0.24.0\n', 'README.md': '# platform-kafka\n\nArgo CD syncs this folder.\n'}},
  {subject: 'operator: upgrade Strimzi to 0.28.0', author: people.dana, at: '2022-04-19T09:30:00Z', files: {'operator/values.yaml': 'image:\n  tag: 0.28.0\n'}},
  {subject: 'kafka: move orders cluster to Kafka 3.1.0', author: people.dana, at: '2022-04-26T09:30:00Z', files: {'clusters/orders-kafka.yaml': kafkaCr(72, '3.1.0')}},
  {subject: 'kafka: keep orders events for 7 days', author: people.ben, at: '2022-05-09T15:10:00Z', files: {'clusters/orders-kafka.yaml': kafkaCr(168, '3.1.0')}},
  {subject: 'docs: client TLS truststore how-to', author: people.ana, at: '2022-05-10T07:20:00Z', files: {'docs/clients-tls.md': '# Client TLS\n\nMount the `orders-kafka-cluster-ca-cert` secret as the truststore.\n'}},
])
