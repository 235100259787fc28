import type {Incident} from '../incident/incident.js'
import {readDeploys} from './deploys/read-deploys.js'
import {parseDuration} from './duration.js'
import type {EvidenceBundle} from './evidence-bundle.js'
import {collectChanges} from './git/collect-changes.js'
import {probeHealth} from './health/probe-health.js'
import {analyzeLogs} from './logs/analyze-logs.js'
import {diagnosePostgres} from './postgres/diagnose-postgres.js'
import {collectMetrics} from './metrics/collect-metrics.js'
import type {MetricsDigest} from './metrics/metrics-digest.js'

export interface CollectInput {
  incident: Incident
  /** Only for this run; never saved. */
  databaseUrl: string | null
  /** Only for this run; `incident.inputs.health` holds them without credentials. */
  healthUrls?: string[]
  now?: Date
}

const ERROR_SERIES = /error|5xx|fail|exception/i

/**
 * Collect every kind of evidence the incident's inputs point at, once. Logs, deploys, metrics,
 * health and the database are read concurrently; git waits for the onset they establish, since
 * its window is [onset − lookback, onset + slack].
 */
export async function collectEvidence(input: CollectInput): Promise<EvidenceBundle> {
  const {inputs} = input.incident
  const now = input.now ?? new Date()
  const declaredAt = inputs.startedAtFlag
  const hint = declaredAt ? new Date(declaredAt) : null
  const healthUrls = input.healthUrls && input.healthUrls.length > 0 ? input.healthUrls : inputs.health
  const [logs, deploys, metrics, health, database] = await Promise.all([
    inputs.logs.length > 0 ? analyzeLogs(inputs.logs, {onsetHint: hint, now: () => now, redactIps: inputs.redactIps}) : null,
    inputs.deploys ? readDeploys(inputs.deploys) : null,
    inputs.metrics.length > 0 ? collectMetrics(inputs.metrics, {onsetHint: hint}) : null,
    healthUrls.length > 0 ? probeHealth(healthUrls) : null,
    input.databaseUrl ? diagnosePostgres(input.databaseUrl) : null,
  ])
  const {onset, onsetSource} = chooseOnset(logs?.digest.onset?.at ?? null, metrics?.digest ?? null, declaredAt)
  const git = inputs.repo
    ? await collectChanges({repo: inputs.repo, onset: onset ? new Date(onset) : null, lookbackMs: parseDuration(inputs.lookback), now})
    : null

  const limitations = [
    ...(inputs.logs.length === 0 ? ['No logs were given (--logs), so error volume, templates and the onset from logs are missing.'] : []),
    ...(logs ? skippedLines(logs.digest) : []),
    ...(deploys?.limitations ?? []),
    ...(metrics?.limitations ?? []),
    ...(git?.limitations ?? []),
    ...(health?.limitations ?? []),
    ...(database?.limitations ?? []),
    ...(onset ? [] : ['The onset could not be established from the evidence; change correlation used the time of declaration.']),
  ]
  return {
    schemaVersion: 1,
    window: {onset, onsetSource, declaredAt: input.incident.timestamps.detectedAt},
    logs: logs?.digest ?? null,
    git: git?.digest ?? null,
    deploys: deploys?.digest ?? null,
    metrics: metrics?.digest ?? null,
    health: health?.digest ?? null,
    postgres: database?.digest ?? null,
    items: [logs, deploys, metrics, git, health, database].flatMap((part) => part?.items ?? []),
    limitations,
  }
}

/** Logs first (error-rate change-point), then an error-like metric's change point, then the declaration. */
function chooseOnset(fromLogs: string | null, metrics: MetricsDigest | null, declaredAt: string | null): {onset: string | null; onsetSource: EvidenceBundle['window']['onsetSource']} {
  if (fromLogs) return {onset: fromLogs, onsetSource: 'logs'}
  const changes = (metrics?.series ?? []).filter((series) => series.changePoint && series.changePoint.direction === 'up' && ERROR_SERIES.test(series.name))
  const earliest = changes.map((series) => series.changePoint!.at).sort()[0]
  if (earliest) return {onset: earliest, onsetSource: 'metrics'}
  return declaredAt ? {onset: declaredAt, onsetSource: 'declared'} : {onset: null, onsetSource: null}
}

function skippedLines(digest: NonNullable<EvidenceBundle['logs']>): string[] {
  return digest.files.flatMap((file) => file.skipped.filter((skip) => skip.count > 0).map((skip) => `${file.path}: ${skip.count.toLocaleString('en-US')} line(s) skipped (${skip.reason}).`))
}
