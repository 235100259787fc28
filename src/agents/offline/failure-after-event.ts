import type {ChangeCandidate} from './change-candidates.js'
import type {FailureCondition} from './failure-conditions.js'

/** How soon after a pushed config or flag event the first new failure must begin to be its effect. */
const FOLLOW_WINDOW_MINUTES = 20
/** A pushed event reaches every server within seconds or minutes; a failure this close is its first effect. */
export const FOLLOW_OVERLAP = 0.7
/**
 * First failures no configuration push accounts for by its timing alone: a certificate expires on
 * its date, demand and attackers arrive on their own, a vendor fails on its own.
 */
const NOT_BY_PUSH = new Set(['certificate-expiry', 'traffic-surge', 'security-attack', 'external-dependency'])

/**
 * The new failure a config or flag event from the deploy feed was followed by: a configuration push
 * has no diff to compare with the errors, so its content link is the failure itself — a signature
 * the logs never showed before the event (they were watching), first logged within minutes after
 * it, and the first failure of the incident.
 */
export function failureAfterEvent(candidate: ChangeCandidate, conditions: readonly FailureCondition[], logsFrom: string | null): FailureCondition | null {
  const pushed = candidate.files.length === 0 && (candidate.ref.kind === 'config-change' || candidate.ref.kind === 'feature-flag')
  if (!pushed || logsFrom === null) return null
  const shippedMs = Date.parse(candidate.shippedAt)
  if (Date.parse(logsFrom) >= shippedMs) return null
  const logged = conditions.filter((c) => c.fresh && c.startMs !== null && c.hits.some((hit) => hit.timed && !hit.metric))
  const first = [...logged].sort((a, b) => a.startMs! - b.startMs!)[0]
  if (!first || !first.isNew || NOT_BY_PUSH.has(first.category)) return null
  const lead = (first.startMs! - shippedMs) / 60_000
  return lead >= 0 && lead <= FOLLOW_WINDOW_MINUTES ? first : null
}
