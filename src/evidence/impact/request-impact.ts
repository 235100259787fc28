import {basename} from 'node:path'

import type {IncidentArc} from '../../incident/incident-arc.js'
import type {LogDigest} from '../logs/log-digest.js'
import {type Counts, testEndpoint} from './endpoint-test.js'

/**
 * Failed requests, each counted once. One request leaves several lines — an access-log line, the
 * application's "request completed" line and its error line — so the count is taken from one
 * source only: the access log when there is one (one line per request, written by the server in
 * front of the application), else the application's request lines (those with a status). Error
 * lines are never added to it. A request failed when its status was 5xx.
 */
export interface RequestImpact {
  source: 'access' | 'app'
  /** The log files of that source (base names). */
  files: string[]
  /** The counting window: onset → end of impact, or → the end of the evidence while it has not ended. */
  from: string
  to: string
  until: 'end-of-impact' | 'evidence-end'
  during: Counts
  /** Before the onset, same source. */
  baseline: Counts
  /** Endpoints with failures, tested against their baseline; affected ones first. */
  endpoints: EndpointImpact[]
}

export interface EndpointImpact {
  endpoint: string
  during: Counts
  baseline: Counts
  /** The whole log, as the endpoint evidence item counts it. */
  wholeLog: Counts
  affected: boolean
  z: number
  comparedWith: 'own-baseline' | 'source-baseline'
  evidenceId: string
}

export function countRequestImpact(logs: LogDigest | null, arc: IncidentArc): RequestImpact | null {
  if (!logs || !arc.onset || logs.buckets.length === 0) return null
  const source = logs.buckets.some((bucket) => (bucket.accessRequests ?? 0) > 0) ? 'access' : logs.buckets.some((bucket) => (bucket.appRequests ?? 0) > 0) ? 'app' : null
  if (!source) return null
  const onset = Date.parse(arc.onset)
  const until = arc.endOfImpact ? 'end-of-impact' : 'evidence-end'
  const end = arc.endOfImpact ? Date.parse(arc.endOfImpact) : Infinity
  const width = logs.bucketWidthMs
  const inWindow = (start: number) => start + width > onset && start < end
  const before = (start: number) => start + width <= onset

  const during: Counts = {total: 0, failed: 0}
  const baseline: Counts = {total: 0, failed: 0}
  for (const bucket of logs.buckets) {
    const start = Date.parse(bucket.t)
    const total = (source === 'access' ? bucket.accessRequests : bucket.appRequests) ?? 0
    const failed = (source === 'access' ? bucket.accessFailed : bucket.appFailed) ?? 0
    const into = inWindow(start) ? during : before(start) ? baseline : null
    if (into) {
      into.total += total
      into.failed += failed
    }
  }

  const endpoints: EndpointImpact[] = logs.endpoints
    .filter((endpoint) => endpoint.series && (endpoint.source ?? 'app') === source)
    .map((endpoint) => {
      const own: Counts = {total: 0, failed: 0}
      const window: Counts = {total: 0, failed: 0}
      for (const [start, total, failed] of endpoint.series!) {
        const into = inWindow(start) ? window : before(start) ? own : null
        if (into) {
          into.total += total
          into.failed += failed
        }
      }
      const verdict = testEndpoint(window, own, baseline)
      return {endpoint: `${endpoint.method} ${endpoint.path}`, during: window, baseline: own, wholeLog: {total: endpoint.total, failed: endpoint.http5xx}, ...verdict, evidenceId: endpoint.evidenceId}
    })
    .sort((a, b) => Number(b.affected) - Number(a.affected) || b.during.failed - a.during.failed)

  const lastBucket = logs.buckets.at(-1)!
  return {
    source,
    files: logs.files.filter((file) => (source === 'access' ? file.format === 'access' : file.format !== 'access' && file.format !== 'empty')).map((file) => basename(file.path)),
    from: arc.onset,
    to: arc.endOfImpact ?? arc.evidenceEnd ?? new Date(Date.parse(lastBucket.t) + width).toISOString(),
    until,
    during,
    baseline,
    endpoints,
  }
}
