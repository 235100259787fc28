import {UserError} from '../errors/errors.js'
import type {Incident} from '../incident/incident.js'
import {redact, redactValue} from '../redact/redact.js'
import {alertEvidence} from './alerts/alert-evidence.js'
import type {AlertSummary} from './alerts/read-alert.js'
import {readDeploys} from './deploys/read-deploys.js'
import {collectKubernetes} from './kubernetes/collect-kubernetes.js'
import {parseDuration} from './duration.js'
import type {EvidenceBundle} from './evidence-bundle.js'
import {collectChanges} from './git/collect-changes.js'
import {probeHealth} from './health/probe-health.js'
import {chooseOnset} from './choose-onset.js'
import {analyzeLogs} from './logs/analyze-logs.js'
import type {ReadingOptions} from './logs/analyze-source.js'
import {capSentences} from './logs/cap-notes.js'
import {readingNotes} from './logs/reading-notes.js'
import type {TimeReference} from './logs/source-reader.js'
import {diagnosePostgres} from './postgres/diagnose-postgres.js'
import {collectMetrics} from './metrics/collect-metrics.js'
import {collectLiveSources} from './sources/collect-live-sources.js'
import {deploysWithRollouts} from './sources/kubernetes/deploys-with-rollouts.js'
import type {LiveSourcesRuntime} from './sources/live-runtime.js'
import {hasLiveSources} from './sources/source-settings.js'

export interface CollectInput {
  incident: Incident
  /** Only for this run; never saved. */
  databaseUrl: string | null
  /** Only for this run; `incident.inputs.health` holds them without credentials. */
  healthUrls?: string[]
  now?: Date
  /** Credentials and budget for the live sources the incident names; without it they are not asked. */
  live?: LiveSourcesRuntime
  /** The user's entries for the readers' catalogues (config file). */
  catalogues?: Pick<ReadingOptions, 'severityMarkers' | 'timestampLayouts'>
  /** Threads that read one large log file; the engine's default when absent. */
  threads?: number
}

/**
 * Collect every kind of evidence the incident's inputs point at, once. Kubernetes inputs are read
 * first, since their events and terminations join the logs' analysis; the alert is evidence as read. Logs, deploys, metrics,
 * health and the database are read concurrently; git waits for the onset they establish, since
 * its window is [onset − lookback, onset + slack].
 */
export async function collectEvidence(input: CollectInput): Promise<EvidenceBundle> {
  const {inputs} = input.incident
  const now = input.now ?? new Date()
  const declaredAt = inputs.startedAtFlag
  const hint = declaredAt ? new Date(declaredAt) : null
  const healthUrls = input.healthUrls && input.healthUrls.length > 0 ? input.healthUrls : inputs.health
  const reference = timeReference(input.incident)
  const asksLive = Boolean(input.live) && hasLiveSources(inputs.sources)
  const live = asksLive ? await collectLiveSources(input.incident, inputs.sources!, input.live!) : null
  // Kubernetes before the logs: its events and terminations are analysed with them.
  const k8sFiles = inputs.k8s ?? []
  const kubernetes = k8sFiles.length > 0 || (live?.kubernetes.length ?? 0) > 0 ? await collectKubernetes(k8sFiles, reference, {redactIps: inputs.redactIps, live: live?.kubernetes}) : null
  const entrySources = (kubernetes?.entrySources ?? []).map((source) => ({...source, kind: 'kubernetes' as const}))
  const alert = inputs.alert ? (redactValue(inputs.alert, {ips: inputs.redactIps}) as AlertSummary) : null
  const liveMetrics = live && live.metricSeries.length > 0 ? {locations: live.metricLocations, series: live.metricSeries} : undefined
  const stores = live?.logStores ?? []
  const hasLogs = inputs.logs.length > 0 || stores.length > 0
  const [logs, deploys, metrics, health, database] = await Promise.all([
    hasLogs || entrySources.length > 0
      ? analyzeLogs(inputs.logs, {workers: input.threads, onsetHint: hint, now: () => now, redactIps: inputs.redactIps, reading: {...input.catalogues, reference}, entrySources, merged: stores})
      : null,
    live && live.rollouts.length > 0 ? deploysWithRollouts(inputs.deploys, live.rollouts, input.live!.incidentDir) : inputs.deploys ? readDeploys(inputs.deploys) : null,
    inputs.metrics.length > 0 || liveMetrics ? collectMetrics(inputs.metrics, {onsetHint: hint, live: liveMetrics}) : null,
    healthUrls.length > 0 ? probeHealth(healthUrls) : null,
    input.databaseUrl ? diagnosePostgres(input.databaseUrl) : null,
  ])
  const {onset, onsetSource} = chooseOnset(logs?.digest ?? null, metrics?.digest ?? null, declaredAt)
  const git = inputs.repo
    ? await collectChanges({repo: inputs.repo, onset: onset ? new Date(onset) : null, lookbackMs: parseDuration(inputs.lookback), now})
    : null

  const notes = logs ? readingNotes(logs.digest.files) : null
  // What could not be used is said in words that quote the input (a failed query's error, a file's
  // path, a source's answer): redacted here, once, before they are saved, printed or sent.
  const limitations = redactAll([
    ...(live?.limitations ?? []),
    ...(hasLogs ? [] : ['No logs were given (--logs), so error volume, templates and the onset from logs are missing.']),
    ...(notes?.limitations ?? []),
    ...capSentences(logs?.digest.capped),
    ...(kubernetes?.limitations ?? []),
    ...(deploys?.limitations ?? []),
    ...(metrics?.limitations ?? []),
    ...(git?.limitations ?? []),
    ...(health?.limitations ?? []),
    ...(database?.limitations ?? []),
    ...(onset ? [] : ['The onset could not be established from the evidence; change correlation used the time of declaration.']),
  ], inputs.redactIps)
  const items = [...(alert ? alertEvidence(alert, {redactIps: inputs.redactIps}) : []), ...(kubernetes?.items ?? []), ...[logs, deploys, metrics, git, health, database].flatMap((part) => part?.items ?? [])]
  if (asksLive && items.length === 0) {
    throw new UserError(`No evidence could be read for incident ${input.incident.id}:\n${limitations.map((text) => `  - ${text}`).join('\n')}`, {
      suggestions: [`Fix the settings named above, then resume with --id ${input.incident.id}.`],
    })
  }
  return {
    schemaVersion: 1,
    window: {onset, onsetSource, declaredAt: input.incident.timestamps.detectedAt},
    logs: logs?.digest ?? null,
    git: git?.digest ?? null,
    deploys: deploys?.digest ?? null,
    metrics: metrics?.digest ?? null,
    health: health?.digest ?? null,
    postgres: database?.digest ?? null,
    kubernetes: kubernetes?.digest ?? null,
    alert,
    items,
    limitations,
    warnings: redactAll(notes?.warnings ?? [], inputs.redactIps),
  }
}

function redactAll(texts: readonly string[], ips: boolean | undefined): string[] {
  return texts.map((text) => redact(text, {ips}))
}

/**
 * Where stamps without a year or zone take them from: --started-at (with its offset, if it was
 * written with one), else each file's modification time (analyze-source). Never the clock.
 */
function timeReference(incident: Incident): TimeReference | null {
  const {startedAtFlag, startedAtOffsetMinutes, startedAtSource} = incident.inputs
  if (startedAtFlag) return {at: Date.parse(startedAtFlag), offsetMinutes: startedAtOffsetMinutes ?? null, source: startedAtSource === 'alert' ? 'alert' : 'started-at'}
  return null
}


