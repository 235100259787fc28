import type {EvidenceBundle} from './evidence-bundle.js'
import {attackUnderWayAtStart} from './logs/failed-login-stream.js'
import type {LogDigest} from './logs/log-digest.js'
import type {MetricsDigest} from './metrics/metrics-digest.js'

const ERROR_SERIES = /error|5xx|fail|exception/i

/**
 * The incident's onset. Logs first: the start of an attack already under way when they begin (a
 * change-point of error lines inside it is a moment of the attack, not its onset), else the
 * error-rate change-point; then an error-like metric's change point; then the declaration.
 */
export function chooseOnset(logs: LogDigest | null, metrics: MetricsDigest | null, declaredAt: string | null): {onset: string | null; onsetSource: EvidenceBundle['window']['onsetSource']} {
  const fromLogs = attackUnderWayAtStart(logs) ?? logs?.onset?.at ?? null
  if (fromLogs) return {onset: fromLogs, onsetSource: 'logs'}
  const changes = (metrics?.series ?? []).filter((series) => series.changePoint && series.changePoint.direction === 'up' && ERROR_SERIES.test(series.name))
  const earliest = changes.map((series) => series.changePoint!.at).sort()[0]
  if (earliest) return {onset: earliest, onsetSource: 'metrics'}
  return declaredAt ? {onset: declaredAt, onsetSource: 'declared'} : {onset: null, onsetSource: null}
}
