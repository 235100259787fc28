import {parentPort, workerData} from 'node:worker_threads'

import {configureSecretRules} from '../../redact/redact.js'
import {analyzeRange, type RangeJob} from './parallel-analysis.js'

/** Worker thread body: analyse one byte range of a file and post the aggregator state back. */
const job = workerData as RangeJob
configureSecretRules(job.secretRules ?? [])
parentPort!.postMessage(await analyzeRange(job))
