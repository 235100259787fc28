import type {AddressesState} from './client-addresses.js'
import type {FailedRequestIdsState} from './failed-request-ids.js'
import {addBucketCounts, type BucketCounts, type EndpointBucket, type EndpointStats, type ExceptionStats, type LogAggregator, type Sample, type TemplateStats} from './log-aggregator.js'

/**
 * The plain-data form of an aggregator, posted from a worker thread that analysed one byte range
 * of a file, and the merge of it into the main aggregator. Bucket keys travel as epoch ms because
 * each side's grid may have coarsened differently; line numbers travel relative to the range and
 * are shifted by the lines of the ranges before it.
 */
export interface AggregatorState {
  buckets: Array<[number, BucketCounts]>
  templates: Array<{tokens: string[]; stats: Omit<TemplateStats, 'byBucket'> & {byBucket: Array<[number, number]>}}>
  /** Each endpoint's series travels keyed by epoch ms, like the buckets. */
  endpoints: Array<[string, Omit<EndpointStats, 'series'> & {series: Array<[number, EndpointBucket]>}]>
  exceptions: Array<[string, ExceptionStats]>
  users: Array<[string, {count: number; errors: number}]>
  ips: AddressesState
  loginFailureIps: {attempt: AddressesState; pam: AddressesState}
  clientsCapped: boolean
  failedRequestIds: FailedRequestIdsState
  uncounted: LogAggregator['uncounted']
  totals: LogAggregator['totals']
  firstErrorAt: number
  minTs: number
  maxTs: number
  hasLatency: boolean
}

export function exportAggregatorState(aggregator: LogAggregator): AggregatorState {
  const width = aggregator.grid.widthMs
  return {
    buckets: [...aggregator.grid.buckets].map(([key, bucket]) => [key * width, bucket]),
    templates: aggregator.miner.clusters.flatMap((cluster) => {
      const stats = aggregator.templates[cluster.id]
      if (!stats) return []
      return [{tokens: cluster.tokens, stats: {...stats, byBucket: [...stats.byBucket].map(([key, count]): [number, number] => [key * width, count])}}]
    }),
    endpoints: [...aggregator.endpoints].map(([key, endpoint]) => [key, {...endpoint, series: [...endpoint.series].map(([bucketKey, counts]): [number, EndpointBucket] => [bucketKey * width, counts])}]),
    exceptions: [...aggregator.exceptions],
    users: [...aggregator.users],
    ips: aggregator.ips.exportState(),
    loginFailureIps: {attempt: aggregator.loginFailureIps.attempt.exportState(), pam: aggregator.loginFailureIps.pam.exportState()},
    clientsCapped: aggregator.clientsCapped,
    failedRequestIds: aggregator.failedRequestIds.exportState(),
    uncounted: aggregator.uncounted,
    totals: aggregator.totals,
    firstErrorAt: aggregator.firstErrorAt,
    minTs: aggregator.minTs,
    maxTs: aggregator.maxTs,
    hasLatency: aggregator.hasLatency,
  }
}

const shift = (sample: Sample, offset: number): Sample => ({...sample, line: sample.line + offset})

export function mergeAggregatorState(into: LogAggregator, state: AggregatorState, lineOffset: number): void {
  for (const [startMs, bucket] of state.buckets) {
    addBucketCounts(into.grid.at(startMs), bucket)
  }

  for (const {tokens, stats} of state.templates) {
    const target = into.statsOf(into.miner.addTokens(tokens, stats.count))
    target.count += stats.count
    target.errors += stats.errors
    target.firstSeen = Math.min(target.firstSeen, stats.firstSeen)
    target.lastSeen = Math.max(target.lastSeen, stats.lastSeen)
    for (const level of stats.levels) target.levels.add(level)
    for (const sample of stats.samples) if (target.samples.length < into.limits.samplesPerTemplate) target.samples.push(shift(sample, lineOffset))
    if (target.errorSample === null && stats.errorSample) target.errorSample = shift(stats.errorSample, lineOffset)
    for (const [startMs, count] of stats.byBucket) {
      const key = into.grid.keyOf(startMs)
      target.byBucket.set(key, (target.byBucket.get(key) ?? 0) + count)
    }
  }

  for (const [, endpoint] of state.endpoints) {
    const series = new Map<number, EndpointBucket>()
    for (const [startMs, counts] of endpoint.series) {
      const key = into.grid.keyOf(startMs)
      const existing = series.get(key)
      if (existing) {
        existing.total += counts.total
        existing.failed += counts.failed
      } else series.set(key, {...counts})
    }
    into.mergeEndpoint({...endpoint, series, ref: shift(endpoint.ref, lineOffset)})
  }
  for (const [key, exception] of state.exceptions) into.mergeException(key, {...exception, ref: shift(exception.ref, lineOffset)})
  for (const [user, counts] of state.users) into.countUser(user, counts.count, counts.errors)
  if (!into.ips.merge(state.ips)) into.clientsCapped = true
  for (const kind of ['attempt', 'pam'] as const) if (!into.loginFailureIps[kind].merge(state.loginFailureIps[kind])) into.clientsCapped = true
  into.clientsCapped ||= state.clientsCapped
  into.failedRequestIds.merge(state.failedRequestIds)
  into.uncounted.endpointLines += state.uncounted.endpointLines
  into.uncounted.exceptionEvents += state.uncounted.exceptionEvents
  for (const key of Object.keys(into.totals) as Array<keyof LogAggregator['totals']>) into.totals[key] += state.totals[key]
  into.firstErrorAt = Math.min(into.firstErrorAt, state.firstErrorAt)
  into.minTs = Math.min(into.minTs, state.minTs)
  into.maxTs = Math.max(into.maxTs, state.maxTs)
  into.hasLatency ||= state.hasLatency
}
