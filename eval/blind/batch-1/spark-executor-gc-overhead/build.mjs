import {rng, every, at, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240410)
const stage7 = '2024-04-10T02:41:00Z'
const logs = [
  ...every(r, '2024-04-10T02:00:00Z', '2024-04-10T03:20:00Z', 2000, (d) => {
    const m = minutesSince(d, stage7)
    if (m < 0) return `${fmt.spark(d)} INFO TaskSetManager: Finished task ${r.int(0, 399)}.0 in stage ${r.int(2, 6)}.0 (TID ${r.int(1000, 9000)}) in ${r.int(800, 9000)} ms on ip-10-1-${r.int(1, 9)}-${r.int(2, 250)}.ec2.internal (executor ${r.int(1, 40)}) (${r.int(1, 400)}/400)`
    const k = r()
    if (k < 0.15) return [`${fmt.spark(d)} ERROR Executor: Exception in task ${r.int(0, 399)}.${r.int(0, 3)} in stage 7.${r.int(0, 3)} (TID ${r.int(9000, 9999)})`, 'java.lang.OutOfMemoryError: GC overhead limit exceeded', '\tat java.util.Arrays.copyOf(Arrays.java:3236)', '\tat org.apache.spark.util.collection.ExternalAppendOnlyMap.insertAll(ExternalAppendOnlyMap.scala:167)', '\tat org.apache.spark.Aggregator.combineValuesByKey(Aggregator.scala:41)']
    if (k < 0.3) return `${fmt.spark(d)} WARN YarnAllocator: Container killed by YARN for exceeding memory limits. 13.6 GB of 13.5 GB physical memory used. Consider boosting spark.executor.memoryOverhead.`
    if (k < 0.4) return `${fmt.spark(d)} ERROR YarnScheduler: Lost executor ${r.int(1, 40)} on ip-10-1-${r.int(1, 9)}-${r.int(2, 250)}.ec2.internal: Container marked as failed: container_1712700000000_0042_01_0000${r.int(10, 99)} on host: ip-10-1-4-17.ec2.internal. Exit status: 143. Diagnostics: Container killed on request. Exit code is 143`
    if (k < 0.55) return `${fmt.spark(d)} WARN TaskSetManager: Lost task ${r.int(0, 399)}.${r.int(0, 3)} in stage 7.${r.int(0, 3)} (TID ${r.int(9000, 9999)}) (ip-10-1-4-17.ec2.internal executor ${r.int(1, 40)}): ExecutorLostFailure (executor ${r.int(1, 40)} exited caused by one of the running tasks) Reason: Container killed by YARN for exceeding memory limits.`
    return `${fmt.spark(d)} INFO TaskSetManager: Finished task ${r.int(0, 399)}.0 in stage 7.0 (TID ${r.int(9000, 9999)}) in ${r.int(800, 9000)} ms on ip-10-1-${r.int(1, 9)}-${r.int(2, 250)}.ec2.internal (executor ${r.int(1, 40)}) (${r.int(1, 398)}/400)`
  }),
  at('2024-04-10T03:18:00Z', `${fmt.spark(new Date('2024-04-10T03:18:00Z'))} ERROR TaskSetManager: Task 212 in stage 7.3 failed 4 times; aborting job`),
  at('2024-04-10T03:18:01Z', `${fmt.spark(new Date('2024-04-10T03:18:01Z'))} ERROR FileFormatWriter: Aborting job 3f2c9a1e-5d7b-4c1e-9a8f-2b3c4d5e6f70.`),
]
writeEvents(out(dir, 'logs/driver-and-executors.log'), logs)
buildRepo(out(dir, 'repo'), [
  {subject: 'nightly aggregates job', author: people.dana, at: '2023-10-01T10:00:00Z', files: {'jobs/nightly_aggregates.py': 'from pyspark.sql import functions as F\n\n\ndef run(spark, day):\n    ev = spark.read.parquet(f"s3://events/day={day}")\n    ev.groupBy("customer_id").agg(F.collect_list("payload").alias("payloads")).write.parquet(f"s3://aggregates/day={day}")\n', 'conf/spark-defaults.conf': 'spark.executor.memory 12g\nspark.executor.memoryOverhead 1536m\n'}},
  {subject: 'README: how to backfill a day', author: people.ben, at: '2024-04-09T15:00:00Z', files: {'README.md': '# nightly-aggregates\n\n`make backfill DAY=2024-04-01`\n'}},
  {subject: 'dashboards: weekly active customers query', author: people.fay, at: '2024-04-09T17:30:00Z', files: {'dashboards/wac.sql': 'SELECT count(DISTINCT customer_id) FROM aggregates WHERE day > current_date - 7;\n'}},
])
