import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {Rca, RootCause} from '../../incident/rca.js'
import {formatMinutes, minutesBetween} from '../../render/format.js'
import type {Hypothesis} from './score-hypotheses.js'

type Factor = Rca['contributingFactors'][number]

/** A detection delay above this is a contributing factor in itself. */
export const DETECTION_TARGET_MINUTES = 5

const PROCESS_GAPS: Partial<Record<RootCause['category'], string>> = {
  'database-migration': 'Missing migration validation: schema changes are not checked against the code already running (no expand/contract gate).',
  'code-change': 'No canary stage gating the deploy on error rate.',
  'config-change': 'Configuration changes are applied without validation or a staged rollout.',
  'dependency-upgrade': 'Dependency upgrades are not canaried or covered by integration tests on the affected path.',
  'feature-flag': 'The flag was enabled for all traffic at once, without guardrails.',
  'resource-exhaustion': 'No saturation alert with enough headroom before the limit.',
  'database-saturation': 'Connection pools and transaction durations are not bounded against the database limits.',
  'external-dependency': 'No circuit breaker or fallback on the external call.',
  'certificate-expiry': 'Certificate expiry is not monitored.',
}

/** Why the incident was as bad as it was, beyond the root cause itself. */
export function contributingFactors(cause: RootCause, facts: EvidenceFacts, others: readonly Hypothesis[]): Factor[] {
  const factors: Factor[] = []
  const gap = PROCESS_GAPS[cause.category]
  if (gap && cause.confidence >= 0.4) factors.push({text: gap, evidenceIds: cause.evidenceIds.slice(0, 2)})
  const delay = minutesBetween(facts.onset, facts.declaredAt)
  if (delay !== null && delay > DETECTION_TARGET_MINUTES) {
    factors.push({
      text: `Detection took ${formatMinutes(delay)} from onset to declaration; the alert threshold or window is too high for this failure mode (target ≤ ${DETECTION_TARGET_MINUTES} min).`,
      evidenceIds: facts.onsetEvidenceIds,
    })
  }
  for (const other of others.filter((hypothesis) => hypothesis.score >= 0.3).slice(0, 3)) {
    factors.push({text: `${other.lead.hypothesis} (${other.specialists.join(', ')}, confidence ${Math.round(other.score * 100)}%)`, evidenceIds: other.evidenceIds.slice(0, 3)})
  }
  return factors
}
