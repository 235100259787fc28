import type {MetricSeriesDigest} from '../../evidence/metrics/metrics-digest.js'
import type {IncidentSignals} from './incident-signals.js'
import {matchesMetric, matchLines, type CompiledSignature, type Extracted} from './signatures/compile-signature.js'

/** One catalogue signature found in the incident's evidence, with what it extracted. */
export interface SignatureHit {
  signature: CompiledSignature
  evidenceIds: string[]
  /** Occurrences since onset (0 for a metric). */
  count: number
  /** Not seen before the onset. */
  isNew: boolean
  /** New or surging since the onset (or the onset is unknown). */
  fresh: boolean
  /** When it started for this incident (epoch ms): a new line's first occurrence, a surge's onset, a metric's change-point. */
  startMs: number | null
  extracted: Extracted
  /** A few matching lines' heads, for the hypothesis text. */
  examples: string[]
  /** Share of the incident's error-level occurrences its templates account for (0–1). */
  share: number
  /** Found in a metric series that rose rather than in log lines. */
  metric: boolean
  /** Some of its lines carry timestamps (or it is a metric): its timing is evidence, not assumed. */
  timed: boolean
}

/** A metric that rose up to this long before the onset still belongs to the incident. */
const METRIC_LEAD_MS = 15 * 60_000
/** Labels that name the other end of a client-side metric. */
const PEER_LABELS = ['host', 'peer', 'peer_service', 'upstream', 'target', 'server_address', 'net_peer_name', 'destination', 'destination_service', 'client_name', 'name']

/**
 * Every catalogue signature present in the incident's error signals and rising metrics. A
 * signature new at the onset counts however rare it is (one line in 100,000 is still a cause
 * candidate); one that ran at the same rate before the onset is background, marked not fresh.
 */
export function matchSignatureHits(signals: IncidentSignals, series: readonly MetricSeriesDigest[], catalogue: readonly CompiledSignature[]): SignatureHit[] {
  const hits = new Map<string, SignatureHit>()
  const totalErrors = Math.max(1, signals.errorCount)
  for (const signal of signals.errors) {
    const start = signal.isNew || signals.onsetMs === null ? signal.firstSeenMs : Math.max(signal.firstSeenMs ?? signals.onsetMs, signals.onsetMs)
    for (const signature of catalogue) {
      if (signature.text.length === 0) continue
      const extracted = matchLines(signature, signal.lines)
      if (extracted === null) continue
      const hit = hits.get(signature.id) ?? newHit(signature, false)
      hit.evidenceIds.push(signal.evidenceId)
      // A template and the exception parsed from the same lines count the same events once.
      hit.count = signal.kind === 'template' ? hit.count + signal.count : Math.max(hit.count, signal.count)
      hit.isNew ||= signal.isNew
      hit.timed ||= signal.timed
      hit.fresh ||= signal.fresh || signals.onsetMs === null
      if (start !== null && (hit.startMs === null || start < hit.startMs)) hit.startMs = start
      if (signal.kind === 'template' && signal.levels.includes('error')) hit.share += signal.count / totalErrors
      mergeExtracted(hit.extracted, extracted)
      // A structured line names the other end in a field (`url`, `http.url`, `server.address`) that
      // no pattern reads: wanted when the message gave no name, only an address or nothing.
      const named = [...(extracted.host ?? []), ...(extracted.url ?? [])].some((value) => !/^[\d.:[\]a-f]+$/i.test(value))
      if (!named) mergeExtracted(hit.extracted, peerFields(signal.lines))
      if (hit.examples.length < 2) hit.examples.push(signal.text.split('\n')[0].slice(0, 140))
      hits.set(signature.id, hit)
    }
  }
  for (const s of series) {
    // A step up, or a climb that reached the series' limit: when it happened is what matters.
    const rose = s.changePoint?.direction === 'up' ? Date.parse(s.changePoint.at) : s.saturation?.saturated ? Date.parse(s.saturation.at) : undefined
    if (rose === undefined) continue
    const fresh = signals.onsetMs === null || rose >= signals.onsetMs - METRIC_LEAD_MS
    for (const signature of catalogue) {
      if (!matchesMetric(signature, s.name)) continue
      const hit = hits.get(signature.id) ?? newHit(signature, true)
      hit.evidenceIds.push(s.evidenceId)
      hit.fresh ||= fresh
      if (hit.startMs === null || rose < hit.startMs) hit.startMs = rose
      const peer = PEER_LABELS.map((label) => s.labels[label]).find((value) => value !== undefined && /^[\w.-]+$/.test(value))
      if (peer) mergeExtracted(hit.extracted, {host: [peer]})
      if (hit.examples.length < 2) hit.examples.push(`${s.name} rose`)
      hits.set(signature.id, hit)
    }
  }
  return [...hits.values()].map((hit) => ({...hit, evidenceIds: [...new Set(hit.evidenceIds)], share: Math.min(1, hit.share)}))
}

/** Go's net/http names the call in front of its error: `Post "https://host/path": x509: …`. */
const GO_CALL = /\b(?:Get|Post|Put|Patch|Delete|Head|Options) "(https?:\/\/[^"]+)": /g
const URL_FIELD = /(?:^|\s)(?:[\w]+\.)*(?:url|uri|endpoint|upstream|target_url|request_url)(?:\.full)?=(https?:\/\/[^\s"']+)/gi
const HOST_FIELD = /(?:^|\s)host=([A-Za-z0-9][\w.-]*)/g
const PEER_FIELD = /(?:^|\s)(?:server\.address|net\.peer\.name|peer\.service|peer\.hostname|upstream_host|destination\.address|remote_host|(?:err(?:or)?\.)?hostname)=([A-Za-z0-9][\w.-]*)/gi

/** URLs and peer host names in the `key=value` fields of spelled-out samples and in Go's call prefix. */
function peerFields(lines: readonly string[]): Extracted {
  const url = [...new Set(lines.flatMap((line) => [...line.matchAll(URL_FIELD), ...line.matchAll(GO_CALL)].map((m) => m[1])))]
  // A `host` field is usually the machine that logged; beside a `port` it is the other end.
  const hostWithPort = (line: string) => (/(?:^|\s)port=\d+\b/.test(line) ? [...line.matchAll(HOST_FIELD)].map((m) => m[1]) : [])
  const host = [...new Set(lines.flatMap((line) => [...[...line.matchAll(PEER_FIELD)].map((m) => m[1]), ...hostWithPort(line)]))]
  return {...(url.length > 0 ? {url} : {}), ...(host.length > 0 ? {host} : {})}
}

function newHit(signature: CompiledSignature, metric: boolean): SignatureHit {
  return {signature, evidenceIds: [], count: 0, isNew: false, fresh: false, startMs: null, extracted: {}, examples: [], share: 0, metric, timed: metric}
}

function mergeExtracted(target: Extracted, source: Extracted): void {
  for (const [field, values] of Object.entries(source) as Array<[keyof Extracted, string[]]>) {
    const list = (target[field] ??= [])
    for (const value of values) if (!list.includes(value) && list.length < 8) list.push(value)
  }
}
