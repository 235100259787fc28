import {parentPort, workerData} from 'node:worker_threads'

import {analyzeRange, type RangeJob} from './parallel-analysis.js'

/** Worker thread body: analyse one byte range of a file and post the aggregator state back. */
parentPort!.postMessage(await analyzeRange(workerData as RangeJob))
