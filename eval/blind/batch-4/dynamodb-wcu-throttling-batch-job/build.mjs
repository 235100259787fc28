import {rng, every, at, writeEvents, writeCsvMetrics, writeJsonl, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, javaService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240613)
const jobStart = new Date('2024-06-13T02:00:00Z').getTime()
const jobEnd = new Date('2024-06-13T03:12:00Z').getTime()
const job = (d) => d.getTime() >= jobStart + 90000 && d.getTime() < jobEnd
// Log4j2 JsonLayout (compact=true, eventEol=true).
let tid = 40
const ev = (d, level, thread, logger, message, thrown) => JSON.stringify({
  instant: {epochSecond: Math.floor(d.getTime() / 1000), nanoOfSecond: (d.getTime() % 1000) * 1000000 + r.int(0, 999999)},
  thread, level, loggerName: logger, message, ...(thrown ? {thrown} : {}), endOfBatch: false,
  loggerFqcn: 'org.apache.logging.slf4j.Log4jLogger', threadId: tid++ % 200 + 20, threadPriority: 5,
})
const reqId = () => r.hex(32).toUpperCase().replace(/(.{8})(.{4})(.{4})(.{4})/, '$1$2$3$4')
const throttled = () => ({
  commonElementCount: 0,
  localizedMessage: `The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API. (Service: DynamoDb, Status Code: 400, Request ID: ${reqId()})`,
  message: 'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API. (Service: DynamoDb, Status Code: 400, Request ID: …)',
  name: 'software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException',
  extendedStackTrace: [
    {class: 'software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException$BuilderImpl', method: 'build', file: 'ProvisionedThroughputExceededException.java', line: 147, exact: false, location: 'dynamodb-2.25.60.jar', version: '?'},
    {class: 'software.amazon.awssdk.core.internal.http.pipeline.stages.RetryableStage', method: 'execute', file: 'RetryableStage.java', line: 73, exact: false, location: 'sdk-core-2.25.60.jar', version: '?'},
    {class: 'software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClient', method: 'updateItem', file: 'DefaultDynamoDbClient.java', line: 6321, exact: false, location: 'dynamodb-2.25.60.jar', version: '?'},
    {class: 'com.example.loyalty.store.AccountStore', method: 'addPoints', file: 'AccountStore.java', line: 88, exact: true, location: 'app.jar', version: '?'},
  ],
})
const api = every(r, '2024-06-13T00:30:00Z', '2024-06-13T04:00:00Z', 220, (d) => {
  const thread = `http-nio-8080-exec-${r.int(1, 200)}`
  if (job(d) && r.chance(0.42)) {
    return [
      ev(d, 'WARN', thread, 'software.amazon.awssdk.core.internal.retry.RetryPolicyAdapter', `Request attempt ${r.int(1, 3)} failure: ProvisionedThroughputExceededException, retrying after ${r.int(25, 400)} ms`),
      ...(r.chance(0.55) ? [ev(new Date(d.getTime() + r.int(300, 900)), 'ERROR', thread, 'com.example.loyalty.api.PointsController', `POST /v1/accounts/${r.int(1e6, 9e6)}/points failed: 503 SERVICE_UNAVAILABLE`, throttled())] : []),
    ]
  }
  return ev(d, 'INFO', thread, 'com.example.loyalty.api.AccessLog', `POST /v1/accounts/${r.int(1e6, 9e6)}/points 200 ${r.int(6, 35)}ms`)
})
const batch = [
  at(jobStart, ev(new Date(jobStart), 'INFO', 'scheduling-1', 'com.example.loyalty.batch.TierRecomputeJob', 'Monthly tier recompute started: 38112004 accounts, segments=64, writes to table loyalty-accounts')),
  ...every(r, jobStart + 60000, jobEnd, 60000, (d) => ev(d, 'INFO', 'scheduling-1', 'com.example.loyalty.batch.TierRecomputeJob', `progress ${Math.round((d.getTime() - jobStart) / (jobEnd - jobStart) * 100)}% (${r.int(7000, 9000)} items/s, unprocessed retries ${r.int(200, 4000)})`)),
  at(jobEnd, ev(new Date(jobEnd), 'INFO', 'scheduling-1', 'com.example.loyalty.batch.TierRecomputeJob', 'Monthly tier recompute finished in 72m0s')),
]
writeEvents(out(dir, 'logs/loyalty-service.json'), api, batch)
const inJob = (d) => d.getTime() >= jobStart + 60000 && d.getTime() < jobEnd
writeCsvMetrics(out(dir, 'metrics/dynamodb.csv'), '2024-06-12T22:00:00Z', '2024-06-13T05:00:00Z', 60000, {
  'loyalty-accounts.ProvisionedWriteCapacityUnits': () => 6000,
  'loyalty-accounts.ConsumedWriteCapacityUnits': (d) => inJob(d) ? 5950 + r.int(0, 120) : 1400 + r.int(-120, 160),
  'loyalty-accounts.WriteThrottleEvents': (d) => inJob(d) ? r.int(9000, 16000) : r.int(0, 2),
  'loyalty-accounts.ConsumedReadCapacityUnits': () => 2100 + r.int(-200, 200),
  'loyalty-api.requests_per_second': () => 270 + r.int(-25, 25),
  'loyalty-api.http_5xx_per_second': (d) => inJob(d) ? 50 + r.int(0, 20) : r.int(0, 1),
})
const base = javaService('com.example.loyalty', 'loyalty-service')
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'loyalty-service: points API on DynamoDB', author: people.ben, at: '2023-05-02T09:00:00Z', files: {...base, 'src/main/java/com/example/loyalty/batch/TierRecomputeJob.java': 'package com.example.loyalty.batch;\n\n// Runs at 02:00 UTC on the 13th: recompute tiers for every account.\n@Scheduled(cron = "0 0 2 13 * *", zone = "UTC")\npublic class TierRecomputeJob {}\n'}},
  {subject: 'Bump software.amazon.awssdk:bom from 2.25.40 to 2.25.60', author: people.bot, at: '2024-06-11T04:00:00Z', files: {'pom.xml': base['pom.xml'].replace('</dependencies>', '  <dependency>\n      <groupId>software.amazon.awssdk</groupId>\n      <artifactId>dynamodb</artifactId>\n      <version>2.25.60</version>\n    </dependency>\n  </dependencies>')}},
  {subject: 'points: reject negative adjustments without a reason code', author: people.fay, at: '2024-06-12T15:30:00Z', files: {'src/main/java/com/example/loyalty/api/PointsController.java': 'package com.example.loyalty.api;\n\n// 422 when amount < 0 and reasonCode is missing.\npublic class PointsController {}\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-06-12T17:00:00Z', service: 'loyalty-service', image: 'loyalty-service:1.42.0', sha: shaOf(repo, 'points: reject negative adjustments without a reason code'), kind: 'deploy', description: 'loyalty-service 1.42.0'},
])
