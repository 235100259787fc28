import type {AggregatorState} from '../logs/aggregator-state.js'
import type {LogFileSummary} from '../logs/log-digest.js'
import type {VolumeBucket} from './log-volume.js'

/** A log store's saved answers, read: ready to merge into the log analysis beside the files. */
export interface StoreReading {
  state: AggregatorState
  /** Lines: what the store counted in the window; bytes: what was pulled and saved. */
  file: LogFileSummary
  volume: VolumeBucket[]
  /** Sample lines read (each once). */
  sampled: number
  problems: string[]
}
