import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {ActionItem} from '../../incident/action-item.js'
import type {Rca} from '../../incident/rca.js'
import type {RootCauseCategory} from '../../incident/vocabulary.js'
import {MITIGATION_WORDS} from '../../evidence/arc/classify-mitigation.js'
import {DETECTION_TARGET_MINUTES} from '../rca/contributing-factors.js'
import {formatMinutes, minutesBetween} from '../../render/format.js'

type Draft = Pick<ActionItem, 'title' | 'priority' | 'type' | 'effort' | 'rationale'> & {ownerKind: 'cause' | 'service' | 'sre'}

const DAYS: Readonly<Record<ActionItem['priority'], number>> = {CRITICAL: 7, HIGH: 14, MEDIUM: 30}

/** Prevent-type items by cause: specific, bounded, starting with a verb. */
const PREVENT: Readonly<Record<RootCauseCategory, (rca: Rca, facts: EvidenceFacts) => Draft[]>> = {
  'database-migration': (rca, facts) => {
    const backfill = backfillBefore(rca, facts)
    return [
      backfill
        ? {
            // The history shows the backfill ran: asking for one would ask for what was done.
            title: `Add a CI check that a NOT NULL or type-changing migration ships only once no deployed write path still omits the column (here the backfill had run — ${backfill} — yet a write path still inserted rows without it; cause: ${subject(rca)})`,
            priority: 'CRITICAL',
            type: 'prevent',
            effort: '2-3 days',
            rationale: 'The constraint was checked against the data already backfilled, not against the code still writing.',
            ownerKind: 'cause',
          }
        : {title: `Add a CI check that rejects migrations adding NOT NULL or type changes to populated columns without a backfill (cause: ${subject(rca)})`, priority: 'CRITICAL', type: 'prevent', effort: '2-3 days', rationale: 'The causal migration broke writes from code already running.', ownerKind: 'cause'},
      {title: 'Adopt expand/contract for schema changes: every write path writes the new column before the constraint migration ships', priority: 'HIGH', type: 'prevent', effort: '1 week', rationale: 'Schema and code shipped in an order that made live writes invalid.', ownerKind: 'cause'},
    ]
  },
  'code-change': (rca) => [
    {title: `Add a regression test covering the failing path in ${rca.rootCause.component ?? 'the affected component'}`, priority: 'CRITICAL', type: 'prevent', effort: '1-2 days', rationale: `The change ${subject(rca)} reached production without a test for this case.`, ownerKind: 'cause'},
    {title: 'Gate deploys on a canary stage that rolls back automatically when the error rate rises', priority: 'HIGH', type: 'prevent', effort: '1 week', rationale: 'The defect reached all traffic at once.', ownerKind: 'sre'},
  ],
  'config-change': (rca) => [
    {title: `Validate configuration changes against schema and limits in CI (cause: ${subject(rca)})`, priority: 'CRITICAL', type: 'prevent', effort: '2-3 days', rationale: 'An invalid or unsafe value was accepted.', ownerKind: 'cause'},
    {title: 'Roll configuration out progressively (one instance or region first) with automatic revert on errors', priority: 'HIGH', type: 'prevent', effort: '1 week', rationale: 'The change took effect everywhere at once.', ownerKind: 'sre'},
  ],
  'dependency-upgrade': (rca) => [
    {title: `Add integration tests for the upgraded dependency on the failing path (cause: ${subject(rca)})`, priority: 'CRITICAL', type: 'prevent', effort: '2 days', rationale: 'The upgrade changed behaviour the tests did not cover.', ownerKind: 'cause'},
    {title: 'Canary dependency upgrades and pin versions in the lockfile until the canary passes', priority: 'HIGH', type: 'prevent', effort: '3 days', rationale: 'Upgrades ship like ordinary changes.', ownerKind: 'sre'},
  ],
  'feature-flag': (rca) => [
    {title: `Ramp flags gradually (1% → 10% → 100%) with error-rate guardrails that switch them off (cause: ${subject(rca)})`, priority: 'CRITICAL', type: 'prevent', effort: '3 days', rationale: 'The flag went to all traffic at once.', ownerKind: 'cause'},
  ],
  'resource-exhaustion': (rca) => [
    {title: `Set resource limits and automatic scaling for ${rca.rootCause.component ?? 'the affected service'}`, priority: 'CRITICAL', type: 'prevent', effort: '3 days', rationale: 'A resource ran out with no limit or headroom.', ownerKind: 'service'},
  ],
  'database-saturation': () => [
    {title: 'Cap connection-pool sizes per instance so their sum stays below max_connections, and set idle_in_transaction_session_timeout', priority: 'CRITICAL', type: 'prevent', effort: '2 days', rationale: 'The database ran out of connection slots or was blocked by long transactions.', ownerKind: 'service'},
  ],
  'external-dependency': (rca) => [
    {title: `Add timeouts, a circuit breaker and a fallback on calls to ${rca.rootCause.component ?? 'the failing dependency'}`, priority: 'CRITICAL', type: 'prevent', effort: '1 week', rationale: 'A third-party failure propagated to users.', ownerKind: 'service'},
  ],
  'traffic-surge': () => [
    {title: 'Configure autoscaling on request rate and add load shedding (rate limits per client) at the edge', priority: 'CRITICAL', type: 'prevent', effort: '1 week', rationale: 'Traffic rose beyond provisioned capacity.', ownerKind: 'sre'},
  ],
  'certificate-expiry': () => [
    {title: 'Automate certificate renewal end to end for every public endpoint', priority: 'CRITICAL', type: 'prevent', effort: '3 days', rationale: 'A certificate expired in production.', ownerKind: 'sre'},
  ],
  'security-attack': () => [
    {title: 'Rate-limit authentication by source IP and by account, with lockout and CAPTCHA escalation', priority: 'CRITICAL', type: 'prevent', effort: '1 week', rationale: 'An authentication-failure burst reached the service unthrottled.', ownerKind: 'service'},
  ],
  network: () => [
    {title: 'Add retries with backoff and cached DNS resolution on calls to internal hosts', priority: 'HIGH', type: 'prevent', effort: '3 days', rationale: 'Transient network faults failed requests directly.', ownerKind: 'service'},
  ],
  unknown: () => [
    {title: 'Complete the investigation: work through the next steps in phase-3-rca.md and record the confirmed cause', priority: 'CRITICAL', type: 'respond', effort: '2 days', rationale: 'The evidence did not determine a root cause.', ownerKind: 'service'},
    {title: 'Add the missing observability (logs, deploy events, metrics) named in the RCA limitations for this service', priority: 'HIGH', type: 'detect', effort: '1 week', rationale: 'The investigation lacked evidence.', ownerKind: 'sre'},
  ],
}

const DETECT: Readonly<Partial<Record<RootCauseCategory, string>>> = {
  'resource-exhaustion': 'Alert at 80% of memory, disk and CPU limits with a 10-minute lead time',
  'database-saturation': 'Alert when database connections exceed 80% of max_connections or lock waits exceed 30 s',
  'certificate-expiry': 'Alert 30, 14 and 7 days before any certificate expires',
  'security-attack': 'Alert on authentication-failure bursts per source IP and per account',
  network: 'Alert on DNS resolution and connection errors separately from application errors',
  'external-dependency': 'Alert on error rate and latency per external dependency',
}

/** Action items derived from the cause (prevent), the detection delay (detect) and the response (respond). */
export function deriveActionItems(rca: Rca, facts: EvidenceFacts, owners: {cause: string; service: string; sre: string}, today: Date): ActionItem[] {
  const drafts = [...PREVENT[rca.rootCause.category](rca, facts)]
  const delay = minutesBetween(facts.onset, facts.declaredAt)
  const detect = DETECT[rca.rootCause.category]
  if (detect) drafts.push({title: detect, priority: 'HIGH', type: 'detect', effort: '1 day', rationale: 'Earlier warning for this failure mode.', ownerKind: 'sre'})
  if (delay !== null && delay > DETECTION_TARGET_MINUTES) {
    drafts.push({title: `Lower the error-rate alert threshold and window for this service so onset is detected within ${DETECTION_TARGET_MINUTES} min (this time: ${formatMinutes(delay)})`, priority: 'HIGH', type: 'detect', effort: '1 day', rationale: 'Detection lagged the onset.', ownerKind: 'sre'})
  }
  if (rca.rootCause.change) drafts.push(respondItem(rca, facts))
  return drafts.map((draft, index) => ({
    id: `#incident-${String(index + 1).padStart(3, '0')}`,
    title: draft.title,
    priority: draft.priority,
    type: draft.type,
    owner: owners[draft.ownerKind],
    deadline: new Date(today.getTime() + DAYS[draft.priority] * 86_400_000).toISOString().slice(0, 10),
    effort: draft.effort,
    rationale: draft.rationale,
    evidenceIds: draft.type === 'detect' ? facts.onsetEvidenceIds : rca.rootCause.evidenceIds.slice(0, 3),
    jiraKey: null,
  }))
}

/** How this kind of change is undone, and what the evidence shows was done this time. */
function respondItem(rca: Rca, facts: EvidenceFacts): Draft {
  const done = facts.arc.mitigation ? ` (this time: ${facts.arc.mitigation.label}, ${MITIGATION_WORDS[facts.arc.mitigation.kind]})` : ''
  if (rca.rootCause.change?.kind === 'database-migration') {
    // A migration already applied is not undone by reverting its file: it is compensated forward.
    return {title: `Document and rehearse compensating a migration with a forward migration that undoes it, so it ships within minutes${done}`, priority: 'MEDIUM', type: 'respond', effort: '1 day', rationale: 'Reverting a migration file does not undo a migration already applied; a rehearsed forward fix shortens the next incident of this kind.', ownerKind: 'sre'}
  }
  return {title: `Document and rehearse the rollback procedure for ${rca.rootCause.change?.kind ?? 'this kind of'} changes, including the exact command${done}`, priority: 'MEDIUM', type: 'respond', effort: '1 day', rationale: 'A fast, known rollback shortens the next incident of this kind.', ownerKind: 'sre'}
}

/**
 * A backfill of what the causal migration constrains, in the history before it: a commit or a
 * deploy whose text says "backfill" and names the same table or column (`orders.currency`).
 */
function backfillBefore(rca: Rca, facts: EvidenceFacts): string | null {
  const cause = rca.rootCause.change
  if (!cause) return null
  const names = identifiers(cause.subject)
  if (names.length === 0) return null
  const mentions = (text: string) => /backfill/i.test(text) && identifiers(text).some((name) => names.includes(name))
  const commit = facts.changes.find((change) => change.sha !== cause.sha && !change.afterOnset && mentions(change.subject))
  if (commit) return `${commit.shortSha} "${commit.subject}"`
  const event = facts.events.find((item) => (item.minutesBeforeOnset ?? -1) >= 0 && mentions(item.description))
  return event ? `"${event.description.split(' · ')[0]}"` : null
}

/** Dotted or snake_case names in a text (`orders.currency`, `order_items`), lower-cased. */
function identifiers(text: string): string[] {
  return [...text.toLowerCase().matchAll(/\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)+\b/g)].map((match) => match[0])
}

function subject(rca: Rca): string {
  return rca.rootCause.change ? `${rca.rootCause.change.sha?.slice(0, 7) ?? ''} ${rca.rootCause.change.subject}`.trim() : rca.rootCause.summary.slice(0, 60)
}
