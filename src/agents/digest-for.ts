import type {EvidenceBundle} from '../evidence/evidence-bundle.js'
import type {SpecialistId} from '../incident/vocabulary.js'
import {redactValue} from '../redact/redact.js'
import {deployEvidenceId, gitEvidenceId} from '../incident/evidence-item.js'

/** About 6k tokens of JSON: the first request of a Claude specialist stays under ~8k input tokens. */
export const MAX_DIGEST_CHARS = 24_000
const MAX_TEXT = 300
/** Samples keep their quoted stack frames. */
const MAX_SAMPLE = 600

/** How many of each kind of evidence a specialist sees first; the bound below may cut further. */
interface Scope {
  templates: number
  exceptions: number
  endpoints: number
  changes: number
  metrics: number
  /** Templates matching this come first (the specialist's own kind of error). */
  prefer?: RegExp
  /** Only metric series matching this (all when absent). */
  series?: RegExp
  clients: boolean
  buckets: boolean
  postgres: boolean
  health: boolean
}

const SCOPES: Readonly<Record<SpecialistId, Scope>> = {
  'root-cause-analyst': {templates: 15, exceptions: 5, endpoints: 5, changes: 40, metrics: 15, clients: false, buckets: false, postgres: true, health: true},
  'backend-reliability': {templates: 25, exceptions: 10, endpoints: 15, changes: 12, metrics: 8, series: /error|5xx|fail|latency|duration|request/i, clients: true, buckets: true, postgres: false, health: true},
  database: {templates: 20, exceptions: 5, endpoints: 5, changes: 12, metrics: 15, prefer: /sql|postgres|pq:|column|relation|constraint|duplicate key|deadlock|lock|too many|connection|pool|query|transaction/i, series: /pg_|db_|database|postgres|mysql|conn|lock|quer|latency|duration/i, clients: false, buckets: false, postgres: true, health: false},
  performance: {templates: 10, exceptions: 3, endpoints: 15, changes: 12, metrics: 25, prefer: /timeout|timed out|slow|latency|pool|queue/i, clients: false, buckets: true, postgres: true, health: true},
  infrastructure: {templates: 20, exceptions: 5, endpoints: 5, changes: 12, metrics: 20, prefer: /memory|oom|killed|enospc|space|disk|cpu|restart|certificate|x509|tls|ssl|dns|getaddrinfo|enotfound|eai_again|econn|refused|reset|timeout|unavailable|5\d\d/i, clients: false, buckets: false, postgres: false, health: true},
  security: {templates: 20, exceptions: 3, endpoints: 15, changes: 5, metrics: 5, prefer: /login|auth|password|credential|token|denied|forbidden|unauthori|401|403|locked|admin|role|permission/i, series: /auth|login|401|403|request/i, clients: true, buckets: true, postgres: false, health: false},
}

/**
 * The evidence digest of one specialist: compact JSON with what its scope needs — templates with
 * counts, exceptions, endpoints, changes with kinds and files, deploy events, metric change points
 * and saturation, database diagnostics, health — redacted, and bounded to MAX_DIGEST_CHARS whatever
 * the input by halving the longest list until it fits.
 */
export function digestFor(specialist: SpecialistId, bundle: EvidenceBundle, maxChars = MAX_DIGEST_CHARS): string {
  const digest = redactValue(buildDigest(SCOPES[specialist], bundle)) as Record<string, unknown>
  return fit(digest, maxChars)
}

function buildDigest(scope: Scope, bundle: EvidenceBundle): Record<string, unknown> {
  const logs = bundle.logs
  const prefer = scope.prefer
  const templates = logs
    ? [...logs.templates].sort((a, b) => (prefer ? Number(prefer.test(b.template)) - Number(prefer.test(a.template)) : 0)).slice(0, scope.templates)
    : []
  const series = (bundle.metrics?.series ?? []).filter((s) => !scope.series || scope.series.test(s.name))
  return {
    window: bundle.window,
    logs: logs && {
      totals: logs.totals,
      timeRange: logs.timeRange,
      onset: logs.onset,
      templatesTotal: logs.templatesTotal,
      templates: templates.map((t) => ({
        id: t.evidenceId,
        template: cut(t.template),
        count: t.count,
        beforeOnset: t.baselineCount,
        sinceOnset: t.incidentCount,
        isNew: t.isNew,
        surge: t.surgeScore,
        levels: t.levels,
        firstSeen: t.firstSeen,
        sample: t.samples[0] === undefined ? null : cut(t.samples[0], MAX_SAMPLE),
      })),
      exceptions: logs.exceptions.slice(0, scope.exceptions).map((e) => ({
        id: e.evidenceId,
        type: e.type,
        message: cut(e.message),
        count: e.count,
        firstSeen: e.firstSeen,
        frames: e.frames.map((f) => `${f.function} ${f.file}:${f.line}`),
      })),
      endpoints: logs.endpoints.slice(0, scope.endpoints).map((e) => ({id: e.evidenceId, endpoint: `${e.method} ${e.path}`, total: e.total, errors: e.errors, http5xx: e.http5xx})),
      latency: logs.latency,
      ...(scope.clients ? {clients: logs.clients} : {}),
      ...(scope.buckets ? {bucketWidthMs: logs.bucketWidthMs, buckets: bucketsAroundOnset(bundle)} : {}),
    },
    changes: (bundle.git?.commits ?? []).slice(0, scope.changes).map((c) => ({
      id: gitEvidenceId(c.shortSha),
      sha: c.shortSha,
      subject: cut(c.subject),
      kind: c.kind,
      committedAt: c.committedAt,
      minutesBeforeOnset: c.minutesBeforeOnset,
      afterOnset: c.afterOnset,
      components: c.components,
      files: c.files.slice(0, 10).map((f) => f.path),
      filesTotal: c.files.length + c.filesOmitted,
      dependencies: c.dependencyChanges.slice(0, 5).map((d) => `${d.package} ${d.from ?? '(new)'} → ${d.to ?? '(removed)'}`),
    })),
    repository: bundle.git && {window: bundle.git.window, shallow: bundle.git.shallow, truncated: bundle.git.truncated, commitsInWindow: bundle.git.commits.length},
    deploys: (bundle.deploys?.events ?? []).map((e) => ({id: deployEvidenceId(e.line), time: e.time, kind: e.kind, service: e.service, version: e.version, sha: e.sha?.slice(0, 7) ?? null, description: e.description && cut(e.description)})),
    metrics: series.slice(0, scope.metrics).map((s) => ({
      id: s.evidenceId,
      name: s.name,
      unit: s.unit,
      samples: s.points.length,
      gaps: s.gaps,
      changePoint: s.changePoint,
      changeMinutesFromOnset: s.changeMinutesFromOnset,
      saturation: s.saturation,
    })),
    ...(scope.postgres ? {postgres: bundle.postgres} : {}),
    ...(scope.health ? {health: bundle.health?.probes ?? null} : {}),
    // What the alert and the Kubernetes inputs showed, each with the evidence id to cite.
    ...(bundle.alert ? {alert: {id: 'ev-alert-1', source: bundle.alert.source, title: cut(bundle.alert.title), status: bundle.alert.status, startsAt: bundle.alert.startsAt, service: bundle.alert.service, severity: bundle.alert.severityFrom, alerts: bundle.alert.alerts.slice(0, 5).map((a) => ({name: a.name, status: a.status, startsAt: a.startsAt, labels: a.labels}))}} : {}),
    ...(bundle.kubernetes ? {kubernetes: kubernetesDigest(bundle.kubernetes)} : {}),
    limitations: bundle.limitations,
  }
}

/** The Kubernetes facts that carry an evidence id: containers in trouble, Warning events, node conditions not well. */
function kubernetesDigest(kubernetes: NonNullable<EvidenceBundle['kubernetes']>): Record<string, unknown> {
  return {
    containers: kubernetes.containers
      .filter((c) => c.evidenceId !== null)
      .map((c) => ({id: c.evidenceId, pod: `${c.namespace ? `${c.namespace}/` : ''}${c.pod}`, container: c.container, restarts: c.restartCount, state: c.state, reason: c.stateReason, lastTermination: c.termination, approximate: c.approximate})),
    events: kubernetes.events.filter((e) => e.evidenceId !== null).map((e) => ({id: e.evidenceId, reason: e.reason, object: e.object, message: cut(e.message), count: e.count, firstAt: e.firstAt, lastAt: e.lastAt, approximate: e.approximate})),
    nodeConditions: kubernetes.nodeConditions.filter((c) => c.evidenceId !== null).map((c) => ({id: c.evidenceId, node: c.node, type: c.type, status: c.status, reason: c.reason, since: c.since})),
  }
}

/** Buckets from 30 before to 30 after the onset (the whole series when the onset is unknown). */
function bucketsAroundOnset(bundle: EvidenceBundle): Array<[string, number, number, number]> {
  const logs = bundle.logs!
  const onset = bundle.window.onset ? Date.parse(bundle.window.onset) : null
  const index = onset === null ? -1 : logs.buckets.findIndex((b) => Date.parse(b.t) >= onset)
  const chosen = index < 0 ? logs.buckets : logs.buckets.slice(Math.max(0, index - 30), index + 30)
  return chosen.map((b) => [b.t.slice(11, 16), b.total, b.warn, b.error])
}

/** Halve the longest list until the JSON fits; as a last resort, keep only the scalar fields. */
function fit(digest: Record<string, unknown>, maxChars: number): string {
  let text = JSON.stringify(digest)
  let guard = 0
  while (text.length > maxChars && guard++ < 200) {
    const longest = longestArray(digest)
    if (longest === null) break
    longest.splice(Math.ceil(longest.length / 2))
    digest.truncated = 'Lists were shortened to fit the digest; use the tools to see more.'
    text = JSON.stringify(digest)
  }
  if (text.length <= maxChars) return text
  return JSON.stringify({window: digest.window, truncated: 'The evidence is too large to summarise here; use the tools to read it.'}).slice(0, maxChars)
}

function longestArray(value: unknown): unknown[] | null {
  let best: unknown[] | null = null
  let bestSize = 0
  const visit = (v: unknown) => {
    if (Array.isArray(v)) {
      const size = JSON.stringify(v).length
      if (v.length > 1 && size > bestSize) [best, bestSize] = [v, size]
      v.forEach(visit)
    } else if (v !== null && typeof v === 'object') {
      Object.values(v).forEach(visit)
    }
  }
  visit(value)
  return best
}

function cut(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
