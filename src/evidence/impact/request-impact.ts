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
 *
 * When the failed request lines of two or more sources carry request ids, and those of the
 * authoritative source (the access log, else the application) do, the lines are matched instead:
 * each distinct failed id counts once, whichever sources logged it, and failed lines without an
 * id count from the authoritative source only. Requests in total are that source's successful
 * ones plus the failed ones so counted.
 */
export interface RequestImpact {
  /** The authoritative source: the one requests (and endpoints) are counted from. */
  source: 'access' | 'app'
  /** The log files counted from (base names). */
  files: string[]
  /** The files whose failed request lines were matched by request id, or null when one source was counted. */
  correlatedAcross: string[] | null
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
  const correlated = correlatedSources(logs, source)
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
    const requests = (source === 'access' ? bucket.accessRequests : bucket.appRequests) ?? 0
    const failedLines = (source === 'access' ? bucket.accessFailed : bucket.appFailed) ?? 0
    const failed = correlated ? (bucket.failedRequestIds ?? 0) + ((source === 'access' ? bucket.accessFailedWithoutId : bucket.appFailedWithoutId) ?? 0) : failedLines
    const total = requests - failedLines + failed
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
  const ofSource = logs.files.filter((file) => (source === 'access' ? file.format === 'access' : file.format !== 'access' && file.format !== 'empty')).map((file) => file.path)
  return {
    source,
    files: [...new Set([...ofSource, ...(correlated ?? [])])].map((path) => basename(path)),
    correlatedAcross: correlated?.map((path) => basename(path)) ?? null,
    from: arc.onset,
    to: arc.endOfImpact ?? arc.evidenceEnd ?? new Date(Date.parse(lastBucket.t) + width).toISOString(),
    until,
    during,
    baseline,
    endpoints,
  }
}

/**
 * The sources whose failed request lines carry request ids, when matching them counts each
 * failed request once: at least two such sources, every authoritative source with failures among
 * them (a failure it logged without ids could not be matched with another source's line about the
 * same request, which would count it twice), and every failed id kept (none past the cap).
 */
function correlatedSources(logs: LogDigest, source: 'access' | 'app'): string[] | null {
  const ids = logs.requestIds
  if (!ids || ids.capped) return null
  const carrying = ids.sources.filter((entry) => entry.withId > 0)
  if (carrying.length < 2) return null
  if (ids.sources.some((entry) => entry.kind === source && entry.failed > 0 && entry.withId === 0)) return null
  if (!carrying.some((entry) => entry.kind === source)) return null
  return carrying.map((entry) => entry.file)
}
