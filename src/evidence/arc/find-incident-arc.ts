import {deployEvidenceId, gitEvidenceId} from '../../incident/evidence-item.js'
import type {IncidentArc} from '../../incident/incident-arc.js'
import type {DeployEvent} from '../deploys/deploy-event.js'
import type {EvidenceBundle} from '../evidence-bundle.js'
import {type ChangePoint, detectChangePoint} from '../metrics/change-point.js'
import {classifyCommit, classifyDeploy} from './classify-mitigation.js'
import {failedLoginStream} from '../logs/failed-login-stream.js'
import {baselineNoise, peakOf, RECOVERY_HOLD_SAMPLES, RECOVERY_RULE, recoveryOf, type SignalPoint, type SignalShape} from './signal-recovery.js'

/** A change this long (or less) before the recovery is what the recovery followed. */
export const MITIGATION_LEAD_MINUTES = 10
/** A metric whose level shift starts this close to the onset is a signal of this incident. */
const SIGNAL_ONSET_SLACK_MINUTES = 10
/** Log minutes with fewer lines are too thin for a rate. */
const MIN_BUCKET_LINES = 10

interface Signal {
  name: string
  evidenceId: string | null
  points: SignalPoint[]
  shape: SignalShape
  /** A signal with its own end rule (an attack stops, it has no baseline to return to): when it ended, or null. */
  ended?: number | null
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * The incident's arc from the evidence (pure): its incident signals (the log error rate, and each
 * metric whose level shifted at the onset), when each came back to baseline, the peak, the change
 * after the onset that the recovery followed, the changes it did not follow, and where the
 * evidence ends.
 */
export function findIncidentArc(bundle: EvidenceBundle): IncidentArc {
  const onset = bundle.window.onset
  const evidenceEnd = evidenceEndOf(bundle)
  const empty: IncidentArc = {onset, peak: null, mitigation: null, attempts: [], recovery: null, endOfImpact: null, notRecovered: [], evidenceEnd}
  if (!onset) return empty
  const onsetMs = Date.parse(onset)
  const attack = attackSignal(bundle, onsetMs, evidenceEnd)
  const underWayAtStart = attack?.underWayAtStart ?? false
  // An attack under way from the start is the incident: its stream leads (the peak is its worst minute).
  const signals = attack === null ? incidentSignals(bundle, onsetMs) : underWayAtStart ? [attack.signal, ...incidentSignals(bundle, onsetMs)] : [...incidentSignals(bundle, onsetMs), attack.signal]
  if (underWayAtStart) empty.underWayAtStart = true
  if (signals.length === 0) return {...empty, attempts: changesAfter(bundle, onsetMs, evidenceEnd ? Date.parse(evidenceEnd) : Infinity).map(describeChange)}

  const recovered: {signal: Signal; at: number; rule: string}[] = []
  const notRecovered: string[] = []
  for (const signal of signals) {
    const at = signal.ended === undefined ? recoveryOf(signal.points, onsetMs, signal.shape) : signal.ended
    if (at === 'never-left') {
      // Minutes too thin for a rate can hide what the onset's own reading saw: its window of
      // raised errors, and where that window ended. The impact ends where the onset's reading says.
      const windowEnd = signal.name === 'log error rate' ? onsetWindowEnd(bundle, onsetMs, evidenceEnd) : null
      if (windowEnd !== null) recovered.push({signal, at: windowEnd, rule: ONSET_WINDOW_RULE})
      continue
    }
    if (at === null) notRecovered.push(signal.name)
    else recovered.push({signal, at, rule: signal.ended === undefined ? RECOVERY_RULE : `failed logins: ${ATTACK_STOP_RULE}`})
  }
  const recoveryMs = notRecovered.length === 0 && recovered.length > 0 ? Math.max(...recovered.map((item) => item.at)) : null
  const primary = signals[0]
  const peak = peakOf(primary.points, onsetMs, recoveryMs ?? Infinity, primary.shape)
  const changes = changesAfter(bundle, onsetMs, recoveryMs ?? (evidenceEnd ? Date.parse(evidenceEnd) : Infinity))
  const mitigation = recoveryMs === null ? undefined : changes.filter((change) => recoveryMs - change.at <= MITIGATION_LEAD_MINUTES * 60_000).at(-1)
  const attackEnded = attack && recovered.some((item) => item.signal === attack.signal) ? attack.last : null
  const lastFailure = recoveryMs === null ? null : Math.max(lastFailureBefore(bundle, onsetMs, recoveryMs) ?? -Infinity, attackEnded ?? -Infinity)
  return {
    onset,
    ...(underWayAtStart ? {underWayAtStart} : {}),
    peak: peak ? {at: iso(peak.at), value: peak.value, signal: primary.name, ...(attack && primary === attack.signal ? {unit: attack.unit} : {}), evidenceIds: primary.evidenceId ? [primary.evidenceId] : []} : null,
    mitigation: mitigation ? {at: iso(mitigation.at), kind: mitigation.kind, label: mitigation.label, description: mitigation.description, version: mitigation.version, sha: mitigation.sha, evidenceIds: mitigation.evidenceIds} : null,
    attempts: changes.filter((change) => change !== mitigation).map(describeChange),
    recovery:
      recoveryMs === null
        ? null
        : {
            at: iso(recoveryMs),
            rule: [...new Set(recovered.map((item) => item.rule))].join('; '),
            signals: recovered.map(({signal, at}) => ({signal: signal.name, at: iso(at), evidenceId: signal.evidenceId})),
            evidenceIds: recovered.flatMap(({signal}) => (signal.evidenceId ? [signal.evidenceId] : [])),
          },
    endOfImpact: recoveryMs === null ? null : iso(lastFailure !== null && Number.isFinite(lastFailure) ? Math.min(lastFailure, recoveryMs) : recoveryMs),
    notRecovered,
    evidenceEnd,
  }
}

/** Reads after "by the rule:" when the end of the onset's change-point window set the recovery. */
export const ONSET_WINDOW_RULE = 'the end of the window of raised errors the onset was found with (the binomial change-point model: the error rate before the onset and after that window is the same baseline), since its minutes hold too few lines for a per-minute rate'

/**
 * The end of the onset's change-point window, when the onset is the log change-point's and the
 * window closed before the evidence ends (the error rate went back to its baseline), else null.
 */
function onsetWindowEnd(bundle: EvidenceBundle, onsetMs: number, evidenceEnd: string | null): number | null {
  const onset = bundle.logs?.onset
  if (!onset?.windowEnd || bundle.window.onsetSource !== 'logs' || Date.parse(onset.at) !== onsetMs || evidenceEnd === null) return null
  const end = Date.parse(onset.windowEnd)
  return end > onsetMs && end < Date.parse(evidenceEnd) ? end : null
}

/** The name of the failed-login signal; it stops rather than returns to a baseline. */
export const ATTACK_SIGNAL = 'failed logins'
/** Reads after "failed logins:" in the recovery rule. */
export const ATTACK_STOP_RULE = `none from the last one to the end of the evidence, a quiet longer than every pause during the attack and at least ${RECOVERY_HOLD_SAMPLES} minutes`

/**
 * The failed-login stream as a signal (lines per bucket of the levels it is logged at), when the logs hold
 * one: it has no baseline to return to, so it ended only when the attack stopped — no failed login
 * from its last one to the end of the evidence, for longer than any pause the attack took (else
 * the quiet is one more pause) and at least RECOVERY_HOLD_SAMPLES minutes.
 */
function attackSignal(bundle: EvidenceBundle, onsetMs: number, evidenceEnd: string | null): {signal: Signal; unit: string; last: number; underWayAtStart: boolean} | null {
  const logs = bundle.logs
  const stream = failedLoginStream(logs)
  if (!logs || !stream || stream.timing === null) return null
  const last = Date.parse(stream.last)
  const width = logs.bucketWidthMs
  // Lines of the levels the failed logins are logged at: other warnings (or errors) would fill the attack's pauses.
  const warn = stream.templates.some((t) => t.levels.includes('warn'))
  const error = stream.templates.some((t) => t.levels.includes('error'))
  const points = logs.buckets.map((bucket) => ({at: Date.parse(bucket.t), value: (warn ? bucket.warn : 0) + (error ? bucket.error : 0)}))
  const busy = points.filter((p) => p.at >= Math.min(onsetMs, Date.parse(stream.first)) - width && p.at <= last && p.value > 0).map((p) => p.at)
  const longestPause = busy.slice(1).reduce((longest, at, i) => Math.max(longest, at - busy[i] - width), 0)
  const quiet = evidenceEnd === null ? 0 : Date.parse(evidenceEnd) - last
  const stopped = quiet > Math.max(longestPause, RECOVERY_HOLD_SAMPLES * 60_000)
  return {
    unit: `${warn && error ? 'warning and error' : warn ? 'warning' : 'error'} lines per ${width === 60_000 ? 'minute' : `${Math.round(width / 60_000)} min`}`,
    signal: {name: ATTACK_SIGNAL, evidenceId: stream.templates[0]?.evidenceId ?? null, points, shape: {baseline: 0, level: 1, noise: 0}, ended: stopped ? Math.floor(last / width) * width + width : null},
    last,
    underWayAtStart: stream.timing.kind === 'sustained' && Date.parse(stream.timing.from) === onsetMs,
  }
}

/**
 * The log error rate first (the signal the onset is usually found on), then the log p95 latency
 * and the metrics, each only when its level shifted at the onset.
 */
function incidentSignals(bundle: EvidenceBundle, onsetMs: number): Signal[] {
  const signals: Signal[] = []
  const logs = bundle.logs
  if (logs?.onset && logs.buckets.length > 0) {
    const points = logs.buckets.map((bucket) => ({at: Date.parse(bucket.t), value: bucket.total >= MIN_BUCKET_LINES ? bucket.error / bucket.total : null}))
    const baseline = logs.onset.baselineErrorRate
    const before = logs.buckets.filter((bucket) => Date.parse(bucket.t) < onsetMs && bucket.total >= MIN_BUCKET_LINES).map((bucket) => bucket.total).sort((a, b) => a - b)
    const lines = before[before.length >> 1] ?? MIN_BUCKET_LINES
    // The noise of a rate is at least the binomial noise of a minute of this many lines.
    const noise = Math.max(baselineNoise(points, onsetMs), Math.sqrt((baseline * (1 - baseline)) / lines))
    signals.push({name: 'log error rate', evidenceId: logs.onset.evidenceId, points, shape: {baseline, level: logs.onset.incidentErrorRate, noise}})
  }
  if (logs && logs.buckets.some((bucket) => bucket.latencyP95Ms !== undefined)) {
    const latency = shiftedAtOnset(
      logs.buckets.map((bucket): [number, number | null] => [Date.parse(bucket.t), bucket.total >= MIN_BUCKET_LINES ? (bucket.latencyP95Ms ?? null) : null]),
      onsetMs,
    )
    if (latency) signals.push({name: 'log p95 latency', evidenceId: logs.onset?.evidenceId ?? null, ...latency})
  }
  for (const series of bundle.metrics?.series ?? []) {
    const shifted = series.changePoint && shiftedAtOnset(series.points, onsetMs, series.changePoint)
    if (shifted) signals.push({name: series.name, evidenceId: series.evidenceId, ...shifted})
  }
  return signals
}

/** The series as a signal when its level shifted within SIGNAL_ONSET_SLACK_MINUTES of the onset. */
function shiftedAtOnset(series: ReadonlyArray<readonly [number, number | null]>, onsetMs: number, known?: ChangePoint): {points: SignalPoint[]; shape: SignalShape} | null {
  const change = known ?? detectChangePoint(series.map(([at, value]) => [at, value]))
  if (!change || Math.abs(Date.parse(change.at) - onsetMs) > SIGNAL_ONSET_SLACK_MINUTES * 60_000) return null
  const points = series.map(([at, value]) => ({at, value}))
  return {points, shape: {baseline: change.before, level: change.after, noise: baselineNoise(points, Date.parse(change.at))}}
}

interface ChangeAfterOnset {
  at: number
  kind: NonNullable<IncidentArc['mitigation']>['kind']
  label: string
  description: string
  version: string | null
  sha: string | null
  evidenceIds: string[]
}

/** Deploy, flag and config events after the onset up to `until`; commits only when no deploy events were given. */
function changesAfter(bundle: EvidenceBundle, onsetMs: number, until: number): ChangeAfterOnset[] {
  const events = bundle.deploys?.events ?? []
  const commits = bundle.git?.commits ?? []
  const within = (ms: number) => ms > onsetMs && ms <= until
  if (bundle.deploys) {
    return events
      .filter((event) => within(Date.parse(event.time)))
      .map((event) => {
        const commit = event.sha ? commits.find((item) => item.sha.startsWith(event.sha!)) : undefined
        return {
          at: Date.parse(event.time),
          kind: classifyDeploy(event, events),
          ...deployDescription(event, commit?.subject ?? null),
          version: event.version,
          sha: event.sha,
          evidenceIds: [deployEvidenceId(event.line), ...(commit ? [gitEvidenceId(commit.shortSha)] : [])],
        }
      })
  }
  return commits
    .filter((commit) => within(Date.parse(commit.committedAt)))
    .map((commit) => ({at: Date.parse(commit.committedAt), kind: classifyCommit(commit.subject), label: `commit ${commit.shortSha}`, description: `commit ${commit.shortSha} "${commit.subject}"`, version: null, sha: commit.sha, evidenceIds: [gitEvidenceId(commit.shortSha)]}))
    .sort((a, b) => a.at - b.at)
}

function deployDescription(event: DeployEvent, subject: string | null): {label: string; description: string} {
  const what = event.kind === 'deploy' ? `deploy${event.version ? ` ${event.version}` : ''}` : event.kind === 'feature-flag' ? 'feature-flag change' : 'configuration change'
  const label = `${what}${event.service ? ` of ${event.service}` : ''}`
  const parts = [label]
  if (event.description) parts.push(`"${event.description}"`)
  if (subject) parts.push(`commit ${event.sha?.slice(0, 7)} "${subject}"`)
  return {label, description: parts.join(', ')}
}

function describeChange(change: ChangeAfterOnset): IncidentArc['attempts'][number] {
  return {at: iso(change.at), label: change.label, description: change.description, evidenceIds: change.evidenceIds}
}

/** The last line of an error template that is new since the onset, when it falls before the recovery minute ends. */
function lastFailureBefore(bundle: EvidenceBundle, onsetMs: number, recoveryMs: number): number | null {
  const logs = bundle.logs
  if (!logs) return null
  const limit = recoveryMs + logs.bucketWidthMs
  const ends = logs.templates
    .filter((template) => template.isNew && template.levels.includes('error') && template.lastSeen)
    .map((template) => Date.parse(template.lastSeen!))
    .filter((ms) => ms >= onsetMs && ms < limit)
  if (ends.length === 0) return null
  // Never after the recovery minute began: what follows it is the baseline again.
  return Math.min(Math.max(...ends), recoveryMs)
}

function evidenceEndOf(bundle: EvidenceBundle): string | null {
  const ends: number[] = []
  if (bundle.logs?.timeRange) ends.push(Date.parse(bundle.logs.timeRange.to))
  for (const series of bundle.metrics?.series ?? []) {
    const last = series.points.at(-1)
    if (last) ends.push(last[0])
  }
  return ends.length > 0 ? iso(Math.max(...ends)) : null
}
