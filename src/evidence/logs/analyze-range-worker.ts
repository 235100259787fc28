import {parentPort, workerData} from 'node:worker_threads'

import {exportAggregatorState} from './aggregator-state.js'
import {analyzeSource} from './analyze-source.js'
import {LogAggregator} from './log-aggregator.js'
import type {RangeJob} from './parallel-analysis.js'

/** Worker thread body: analyse one byte range of a file and post the aggregator state back. */

const job = workerData as RangeJob
const aggregator = new LogAggregator(job.miner, job.limits)
const file = await analyzeSource(job.source, aggregator, new Date(job.nowMs), {range: job.range, maxLineChars: job.maxLineChars})
parentPort!.postMessage({state: exportAggregatorState(aggregator), file})
