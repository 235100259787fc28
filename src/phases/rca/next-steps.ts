import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {RootCause} from '../../incident/rca.js'

/** Concrete next steps: what would confirm the cause, or what evidence to collect when it is unknown. */
export function nextStepsFor(cause: RootCause, facts: EvidenceFacts, limitations: readonly string[]): string[] {
  const steps: string[] = []
  if (cause.change?.sha) {
    // A migration is confirmed by applying it, not by reverting its file (which undoes nothing in the database).
    steps.push(
      cause.change.kind === 'database-migration'
        ? `Confirm by applying ${cause.change.sha.slice(0, 7)} to a staging copy of the database and replaying the failing requests against the code that ran in production.`
        : `Confirm by reverting ${cause.change.sha.slice(0, 7)} in staging and replaying the failing requests.`,
    )
  }
  if (cause.category === 'unknown' || cause.confidence < 0.6) {
    if (!facts.errors) steps.push('Collect the service logs for the hour before and after the onset (--logs).')
    if (facts.changes.length === 0) steps.push('Point --repo at the service repository to correlate recent changes with the onset.')
    if (facts.events.length === 0) steps.push('Export deploy and feature-flag events for the window (--deploys).')
    // A slow-building failure (replication lag, a filling disk, a leak) can surface long after its change.
    if (facts.examined.git) steps.push(`Widen the change window beyond --lookback ${facts.lookback} (for example --lookback 7d): a change that shipped earlier can take hours or days to show (replication lag, a filling disk, a leak).`)
    steps.push('Compare the new error templates since onset with the last deploy of each dependency of the service.')
    steps.push('Check the dashboards of upstream and downstream services for a change at the same minute.')
  }
  for (const limitation of limitations.slice(0, 3)) steps.push(`Close an evidence gap: ${limitation}`)
  return steps
}
