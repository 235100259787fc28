import type {EvidenceBundle} from '../../../src/evidence/evidence-bundle.js'
import type {CommitChange} from '../../../src/evidence/git/git-digest.js'
import type {LogDigest, LogTemplate} from '../../../src/evidence/logs/log-digest.js'
import type {MetricSeriesDigest} from '../../../src/evidence/metrics/metrics-digest.js'
import type {DeployEvent} from '../../../src/evidence/deploys/deploy-event.js'
import type {EvidenceItem} from '../../../src/incident/evidence-item.js'
import {IncidentSchema, type Incident} from '../../../src/incident/incident.js'

export const ONSET = '2026-10-06T10:15:00.000Z'
const ONSET_MS = Date.parse(ONSET)
export const minutesBefore = (minutes: number) => new Date(ONSET_MS - minutes * 60_000).toISOString()

export const INCIDENT: Incident = IncidentSchema.parse({
  schemaVersion: 1,
  id: 'incident-2026-10-06-101800',
  title: 'shop: high-error-rate',
  severity: 'P1',
  symptoms: ['high-error-rate'],
  service: 'shop',
  status: 'investigating',
  createdAt: '2026-10-06T10:18:00Z',
  phases: {},
  timestamps: {startedAt: null, detectedAt: '2026-10-06T10:18:00Z', acknowledgedAt: null, mitigatedAt: null, resolvedAt: null},
  inputs: {},
  provider: 'offline',
})

export interface TemplateSpec {
  template: string
  samples?: string[]
  count?: number
  /** Occurrences before the onset (0 → new since onset). */
  before?: number
  levels?: LogTemplate['levels']
  /** Minutes after the onset of its first line (default: at the onset). */
  firstAfter?: number
  /** Lines without timestamps: no first-seen time, not new, not surging. */
  untimed?: boolean
}

export interface CommitSpec {
  subject: string
  files: string[]
  minutesBefore: number
  kind?: CommitChange['kind']
  components?: string[]
  packages?: string[]
}

export interface BundleSpec {
  onset?: string | null
  templates?: TemplateSpec[]
  exceptions?: Array<{type: string; message: string; frames: string[]; count?: number}>
  endpoints?: Array<{method: string; path: string; total: number; errors: number; denied?: number}>
  commits?: CommitSpec[]
  deploys?: Array<Pick<DeployEvent, 'kind' | 'description' | 'sha'> & {minutesBefore: number}>
  metrics?: Array<Partial<MetricSeriesDigest> & {name: string}>
  /** Total and warning lines per minute for the log buckets, oldest first. */
  buckets?: Array<{total: number; warn?: number; error?: number}>
  requests?: number
  postgres?: EvidenceBundle['postgres']
  health?: EvidenceBundle['health']
}

let shaCounter = 0
const fakeSha = () => (++shaCounter).toString(16).padStart(7, '0').repeat(6).slice(0, 40)

/** A small, schema-shaped bundle whose every digest entry has its evidence item, as the collectors make them. */
export function bundleOf(spec: BundleSpec): EvidenceBundle {
  const onset = spec.onset === undefined ? ONSET : spec.onset
  const items: EvidenceItem[] = []
  const item = (id: string, source: EvidenceItem['source'], kind: string, summary: string, extra: Partial<EvidenceItem> = {}) =>
    items.push({id, source, kind, summary, at: null, ref: {}, data: {}, ...extra})
  let n = 1
  let logs: LogDigest | null = null
  if (spec.templates || spec.exceptions || spec.endpoints || spec.buckets) {
    const onsetId = onset ? `ev-logs-${n++}` : null
    if (onsetId) item(onsetId, 'logs', 'log-onset', `Error rate rose at ${onset}`)
    const templates = (spec.templates ?? []).map((t): LogTemplate => {
      const id = `ev-logs-${n++}`
      item(id, 'logs', 'log-template', t.template)
      const count = t.count ?? 100
      const before = t.before ?? 0
      return {
        evidenceId: id,
        template: t.template,
        count: count + before,
        baselineCount: before,
        incidentCount: count,
        surgeScore: t.untimed ? 0 : before === 0 ? 7 : Math.log2(count / before),
        isNew: !t.untimed && onset !== null && before === 0,
        firstSeen: t.untimed ? null : onset && t.firstAfter !== undefined ? new Date(Date.parse(onset) + t.firstAfter * 60_000).toISOString() : onset,
        lastSeen: onset,
        levels: t.levels ?? ['error'],
        samples: t.samples ?? [t.template],
        ref: {file: 'app.log', line: 1},
      }
    })
    const exceptions = (spec.exceptions ?? []).map((e) => {
      const id = `ev-logs-${n++}`
      item(id, 'logs', 'log-exception', `${e.type}: ${e.message}`)
      return {evidenceId: id, type: e.type, message: e.message, count: e.count ?? 100, firstSeen: onset, frames: e.frames.map((file, i) => ({file, line: 10 + i, function: 'fn'}))}
    })
    const endpoints = (spec.endpoints ?? []).map((e) => {
      const id = `ev-logs-${n++}`
      item(id, 'logs', 'log-endpoint', `${e.method} ${e.path}`)
      return {...e, http5xx: e.errors, evidenceId: id}
    })
    const start = ONSET_MS - Math.floor((spec.buckets?.length ?? 0) / 2) * 60_000
    const buckets = (spec.buckets ?? []).map((b, i) => ({t: new Date(start + i * 60_000).toISOString(), total: b.total, warn: b.warn ?? 0, error: b.error ?? 0, http5xx: 0}))
    logs = {
      schemaVersion: 1,
      files: [{path: 'app.log', format: 'json', lines: 1000, bytes: 100_000, skipped: []}],
      totals: {lines: 1000, errors: 300, warnings: 0, http5xx: 0, requests: spec.requests ?? 0},
      timeRange: {from: minutesBefore(60), to: minutesBefore(-30)},
      firstErrorAt: onset,
      bucketWidthMs: 60_000,
      buckets,
      onset: onset && onsetId ? {at: onset, method: 'test', confidence: 0.99, baselineErrorRate: 0, incidentErrorRate: 0.3, evidenceId: onsetId} : null,
      templates,
      templatesTotal: templates.length,
      endpoints,
      clients: {distinctUsers: 0, distinctIps: 0, capped: false, topUsers: []},
      exceptions,
      latency: null,
    }
  }
  const commits: CommitChange[] = (spec.commits ?? []).map((c) => {
    const sha = fakeSha()
    const change: CommitChange = {
      sha,
      shortSha: sha.slice(0, 7),
      subject: c.subject,
      committedAt: minutesBefore(c.minutesBefore),
      isMerge: false,
      tags: [],
      files: c.files.map((path) => ({path, previousPath: null, status: 'modified', additions: 3, deletions: 1})),
      filesOmitted: 0,
      additions: 3,
      deletions: 1,
      kind: c.kind ?? 'code-change',
      dependencyChanges: (c.packages ?? []).map((pkg) => ({package: pkg, from: '1.0.0', to: '2.0.0', file: 'package.json'})),
      components: c.components ?? [],
      afterOnset: c.minutesBefore < 0,
      minutesBeforeOnset: c.minutesBefore,
    }
    item(`ev-git-${change.shortSha}`, 'git', change.kind, c.subject, {ref: {sha}})
    return change
  })
  const events: DeployEvent[] = (spec.deploys ?? []).map((d, i) => {
    item(`ev-deploy-${i + 1}`, 'deploys', d.kind, d.description ?? d.kind)
    return {line: i + 1, time: minutesBefore(d.minutesBefore), kind: d.kind, service: 'shop', version: null, sha: d.sha, description: d.description}
  })
  const series: MetricSeriesDigest[] = (spec.metrics ?? []).map((m) => {
    const id = `ev-metric-${m.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`
    const full: MetricSeriesDigest = {evidenceId: id, source: 'metrics.csv', labels: {}, unit: null, points: [], gaps: 0, changePoint: null, changeMinutesFromOnset: null, saturation: null, ...m}
    item(id, 'metrics', full.changePoint ? 'change-point' : 'steady', m.name)
    if (full.saturation?.saturated) item(`${id}-sat`, 'metrics', 'saturation', `${m.name} saturated`)
    return full
  })
  const health = spec.health ?? null
  health?.probes.forEach((probe, i) => item(`ev-health-${i + 1}`, 'health', probe.ok ? 'healthy' : 'unreachable', probe.url))
  return {
    schemaVersion: 1,
    window: {onset, onsetSource: onset ? 'logs' : null, declaredAt: INCIDENT.timestamps.detectedAt},
    logs,
    git: spec.commits ? {schemaVersion: 1, window: {from: minutesBefore(2880), to: minutesBefore(-5)}, onset, shallow: false, truncated: false, commits} : null,
    deploys: spec.deploys ? {schemaVersion: 1, file: 'deploys.jsonl', events, skippedLines: 0} : null,
    metrics: spec.metrics ? {schemaVersion: 1, sources: ['metrics.csv'], onsetHint: null, series} : null,
    postgres: spec.postgres ?? null,
    health,
    items,
    limitations: [],
  }
}

/** The sha of the commit with this subject in a built bundle. */
export function shaOf(bundle: EvidenceBundle, subject: string): string {
  const commit = bundle.git?.commits.find((c) => c.subject === subject)
  if (!commit) throw new Error(`no commit "${subject}"`)
  return commit.sha
}

/** Minute samples in [from, to) minutes relative to the onset. */
export function minuteSeries(from: number, to: number, value: (minute: number) => number): Array<[number, number]> {
  const points: Array<[number, number]> = []
  for (let m = from; m < to; m++) points.push([ONSET_MS + m * 60_000, value(m)])
  return points
}
