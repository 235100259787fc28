import {parentPort, workerData} from 'node:worker_threads'

import {exportAggregatorState} from './aggregator-state.js'
import {analyzeSource} from './analyze-logs.js'
import {LogAggregator, type AggregatorLimits} from './log-aggregator.js'
import type {MinerSettings} from './template-miner.js'

/** Worker thread body: analyse one byte range of a file and post the aggregator state back. */
interface RangeJob {
  source: string
  range: {start: number; end: number}
  nowMs: number
  miner: MinerSettings
  limits: AggregatorLimits
  maxLineChars?: number
}

const job = workerData as RangeJob
const aggregator = new LogAggregator(job.miner, job.limits)
const file = await analyzeSource(job.source, aggregator, new Date(job.nowMs), {range: job.range, maxLineChars: job.maxLineChars})
parentPort!.postMessage({state: exportAggregatorState(aggregator), file})
