import {declarationKnown} from '../incident/durations.js'
import {deployEvidenceId, gitEvidenceId, healthEvidenceId} from '../incident/evidence-item.js'
import type {Incident} from '../incident/incident.js'
import type {EvidenceBundle} from './evidence-bundle.js'
import type {EvidenceFacts} from './evidence-facts.js'
import {findIncidentArc} from './arc/find-incident-arc.js'
import {countRequestImpact} from './impact/request-impact.js'
import {failedLoginStream} from './logs/failed-login-stream.js'

/** Buckets with fewer lines than this are too thin for a peak error rate to mean anything. */
const MIN_BUCKET_LINES_FOR_PEAK = 10

/** Flatten the bundle into the facts the triage, RCA and postmortem phases use (pure). */
export function factsFrom(bundle: EvidenceBundle, incident: Incident): EvidenceFacts {
  const onset = bundle.window.onset
  const onsetMs = onset ? Date.parse(onset) : null
  const minutesBefore = (at: string) => (onsetMs === null ? null : (onsetMs - Date.parse(at)) / 60_000)
  const arc = findIncidentArc(bundle)
  return {
    arc,
    requests: countRequestImpact(bundle.logs, arc),
    lookback: incident.inputs.lookback,
    examined: {logs: bundle.logs !== null, git: bundle.git !== null, deploys: bundle.deploys !== null, metrics: bundle.metrics !== null},
    templateExamples: Object.fromEntries((bundle.logs?.templates ?? []).flatMap((template) => (template.samples[0] ? [[template.evidenceId, messageOf(template.samples[0])]] : []))),
    onset,
    onsetEvidenceIds: onsetEvidence(bundle),
    // A declaration stamped by the clock of a run long after the evidence says nothing about detection.
    declaredAt: declarationKnown({...incident, arc}) ? incident.timestamps.detectedAt : null,
    errors: errorFacts(bundle, onsetMs, arc.recovery ? Date.parse(arc.recovery.at) : null),
    endpoints: (bundle.logs?.endpoints ?? [])
      .filter((endpoint) => endpoint.errors > 0)
      .sort((a, b) => b.errors - a.errors)
      .map((endpoint) => ({endpoint: `${endpoint.method} ${endpoint.path}`, errors: endpoint.errors, evidenceId: endpoint.evidenceId})),
    affectedUsers: affectedUsers(bundle),
    topErrors: topErrors(bundle, onsetMs),
    changes: (bundle.git?.commits ?? []).map((commit) => ({
      sha: commit.sha,
      shortSha: commit.shortSha,
      subject: commit.subject,
      kind: commit.kind,
      committedAt: commit.committedAt,
      minutesBeforeOnset: commit.minutesBeforeOnset,
      afterOnset: commit.afterOnset,
      files: commit.files.map((file) => file.path),
      components: commit.components,
      evidenceId: gitEvidenceId(commit.shortSha),
    })),
    events: (bundle.deploys?.events ?? []).map((event) => ({
      at: event.time,
      kind: event.kind,
      description: [event.description, event.service, event.version].filter(Boolean).join(' · ') || event.kind,
      sha: event.sha,
      minutesBeforeOnset: minutesBefore(event.time),
      evidenceId: deployEvidenceId(event.line),
    })),
    unhealthy: (bundle.health?.probes ?? []).flatMap((probe, index) =>
      probe.ok ? [] : [{url: probe.url, detail: probe.error ? `${probe.error} (${probe.errorDetail ?? 'no detail'})` : `HTTP ${probe.status}`, evidenceId: healthEvidenceId(index + 1)}],
    ),
    buckets: (bundle.logs?.buckets ?? []).map((bucket) => ({t: bucket.t, total: bucket.total, error: bucket.error})),
  }
}

/**
 * The errors to name in prose: exceptions first (their message reads better than a raw JSON
 * sample), then error templates (the mined text, variables masked), new since onset first.
 */
function topErrors(bundle: EvidenceBundle, onsetMs: number | null): EvidenceFacts['topErrors'] {
  const logs = bundle.logs
  if (!logs) return []
  const exceptions = logs.exceptions.map((exception) => ({
    text: `${exception.type}: ${exception.message}`,
    count: exception.count,
    evidenceId: exception.evidenceId,
    isNew: onsetMs !== null && exception.firstSeen !== null && Date.parse(exception.firstSeen) >= onsetMs,
    firstSeen: exception.firstSeen,
  }))
  const templates = logs.templates
    .filter((template) => template.levels.includes('error'))
    .map((template) => ({text: template.template, count: template.incidentCount || template.count, evidenceId: template.evidenceId, isNew: template.isNew, firstSeen: template.firstSeen}))
  return [...exceptions, ...templates].sort((a, b) => Number(b.isNew) - Number(a.isNew)).slice(0, 10)
}

/** The evidence the onset was taken from: the log change-point, or the metric series that set it. */
export function onsetEvidence(bundle: EvidenceBundle): string[] {
  const stream = failedLoginStream(bundle.logs)
  // An attack under way when the logs begin: its first failed-login lines, not a change-point inside it.
  if (stream?.timing?.kind === 'sustained' && stream.timing.from === bundle.window.onset) {
    return stream.templates.filter((template) => template.firstSeen === stream.first).map((template) => template.evidenceId)
  }
  if (bundle.window.onsetSource === 'logs' && bundle.logs?.onset) return [bundle.logs.onset.evidenceId]
  if (bundle.window.onsetSource === 'metrics') {
    const series = bundle.metrics?.series.find((item) => item.changePoint?.at === bundle.window.onset)
    return series ? [series.evidenceId] : []
  }
  return []
}

/**
 * The error lines of the incident: from the onset to the recovery the arc found (the same window
 * the impact's duration is measured over), else to the end of the logs.
 */
function errorFacts(bundle: EvidenceBundle, onsetMs: number | null, recoveryMs: number | null): EvidenceFacts['errors'] {
  const logs = bundle.logs
  if (!logs || logs.totals.lines === 0) return null
  const since = logs.buckets.filter((bucket) => (onsetMs === null || Date.parse(bucket.t) + logs.bucketWidthMs > onsetMs) && (recoveryMs === null || Date.parse(bucket.t) < recoveryMs))
  const withErrors = since.filter((bucket) => bucket.error > 0)
  // Error events with no time (an untimed file, anchored on a reference) are in no bucket: counted
  // with the ones since the onset, since nothing places them before it.
  const untimed = logs.totals.errors - logs.buckets.reduce((sum, bucket) => sum + bucket.error, 0)
  const count = onsetMs === null ? logs.totals.errors : since.reduce((sum, bucket) => sum + bucket.error, 0) + Math.max(0, untimed)
  const rates = since.filter((bucket) => bucket.total >= MIN_BUCKET_LINES_FOR_PEAK).map((bucket) => bucket.error / bucket.total)
  const topError = logs.templates.find((template) => template.levels.includes('error'))
  return {
    count,
    requests: logs.totals.requests > 0 ? logs.totals.requests : null,
    rateSinceOnset: shareSinceOnset(logs),
    baselineRate: logs.onset?.baselineErrorRate ?? null,
    peakRate: rates.length > 0 ? Math.max(...rates) : null,
    firstErrorAt: onsetMs === null ? logs.firstErrorAt : (withErrors[0]?.t ?? null),
    lastErrorAt: withErrors.length > 0 ? new Date(Date.parse(withErrors.at(-1)!.t) + logs.bucketWidthMs).toISOString() : null,
    countedTo: onsetMs !== null && recoveryMs !== null ? new Date(recoveryMs).toISOString() : null,
    evidenceIds: [logs.onset?.evidenceId, topError?.evidenceId].filter((id): id is string => Boolean(id)),
  }
}

/** Fewer timed lines than this since the onset make a share of errors too thin to state. */
const MIN_LINES_FOR_SHARE = 30

/**
 * Errors over timed lines from the onset to the end of the logs, or null when those are too few
 * to support a share. Digests saved before the count existed have only the change-point window's
 * rate, which is what they reported.
 */
function shareSinceOnset(logs: NonNullable<EvidenceBundle['logs']>): number | null {
  const onset = logs.onset
  if (!onset) return null
  if (onset.linesSinceOnset === undefined || onset.errorsSinceOnset === undefined) return onset.incidentErrorRate
  return onset.linesSinceOnset >= MIN_LINES_FOR_SHARE ? onset.errorsSinceOnset / onset.linesSinceOnset : null
}

/** Distinct users seen in error lines; unknown (not undercounted) when the user set hit its cap. */
function affectedUsers(bundle: EvidenceBundle): number | null {
  const clients = bundle.logs?.clients
  if (!clients || clients.distinctUsers === 0 || clients.capped || clients.usersWithErrors === undefined) return null
  return clients.usersWithErrors
}

/** The message of a sample line: its `msg`/`message` field when it is JSON, else the line; cut to a readable length. */
function messageOf(line: string): string {
  let text = line
  // Samples are cut at a few hundred characters, so the JSON may not parse: read the field itself.
  const field = line.trimStart().startsWith('{') ? /"(?:msg|message)"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(line) : null
  if (field) {
    try {
      text = JSON.parse(field[1]) as string
    } catch {
      // An escape cut in half: the line itself is the example.
    }
  }
  return text.length > 200 ? `${text.slice(0, 199)}…` : text
}
