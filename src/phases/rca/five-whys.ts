import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {Rca, RootCause} from '../../incident/rca.js'
import type {RootCauseCategory} from '../../incident/vocabulary.js'
import {formatTime} from '../../render/format.js'
import {symptomBecause} from '../../render/sentences/impact.js'
import type {Story} from '../../render/sentences/story.js'
import {truncateLabel} from '../../render/svg/svg-text.js'
import {readableTemplate} from '../../render/template-text.js'

type Why = Rca['fiveWhys'][number]

/**
 * Five whys from symptom to a system or process cause. The first two are facts from the
 * evidence; when the dominant error followed an earlier one the cause cites (a pool exhausted
 * after Redis refused connections), the third shows that chain; the last ones name the safeguard
 * that was missing for this kind of cause, which is where prevention belongs (never a person).
 */
export function buildFiveWhys(cause: RootCause, facts: EvidenceFacts, service: string, story: Story): Why[] {
  const errors = facts.errors
  const symptom: Why = {
    why: `Why did ${service} fail?`,
    // Failed requests counted once (story.ts), with a wording for each missing figure.
    because: symptomBecause.render(story),
    evidenceIds: errors?.evidenceIds.slice(0, 2) ?? facts.onsetEvidenceIds,
  }
  const top = facts.topErrors.find((error) => error.isNew) ?? facts.topErrors[0]
  const mechanism: Why = {
    // Requests only when request lines counted them; otherwise what was counted is error lines.
    why: story.failures.kind === 'requests' ? 'Why were requests failing?' : 'Why were errors logged?',
    because: top ? `The dominant error since onset is: "${truncateLabel(readableTemplate(top.text), 160)}" (${top.count.toLocaleString('en-US')}×).` : cause.summary,
    evidenceIds: top ? [top.evidenceId] : cause.evidenceIds.slice(0, 2),
  }
  const [third, fourth, fifth] = SAFEGUARDS[cause.category](cause)
  const origin = top ? causalChain(cause, facts, top) : null
  return [symptom, mechanism, origin ?? {...third, evidenceIds: cause.evidenceIds.slice(0, 3)}, {...fourth, evidenceIds: []}, {...fifth, evidenceIds: []}]
}

type TopError = EvidenceFacts['topErrors'][number]

/** The earlier failure the dominant error followed from, when the cause cites both and the logs date them. */
function causalChain(cause: RootCause, facts: EvidenceFacts, dominant: TopError): Why | null {
  const dated = (error: TopError): error is TopError & {firstSeen: string} => typeof error.firstSeen === 'string'
  const cited = facts.topErrors.filter((error) => error.isNew && dated(error) && cause.evidenceIds.includes(error.evidenceId)).filter(dated)
  const first = [...cited].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen))[0]
  if (!first || !dated(dominant) || first.evidenceId === dominant.evidenceId || first.firstSeen >= dominant.firstSeen) return null
  const where = cause.component ? ` (${cause.component})` : ''
  return {
    why: 'Why did that error start?',
    because: `It followed an earlier failure${where}: "${truncateLabel(readableTemplate(first.text), 120)}" began at ${formatTime(first.firstSeen)}, before "${truncateLabel(readableTemplate(dominant.text), 80)}" (from ${formatTime(dominant.firstSeen)}); the later errors are its effects.`,
    evidenceIds: [first.evidenceId, dominant.evidenceId],
  }
}

type Step = {why: string; because: string}

const changeName = (cause: RootCause) => (cause.change ? `\`${cause.change.sha?.slice(0, 7) ?? cause.change.kind}\` (${cause.change.subject})` : 'a recent change')

const SAFEGUARDS: Readonly<Record<RootCauseCategory, (cause: RootCause) => [Step, Step, Step]>> = {
  'database-migration': (cause) => [
    {why: 'Why did that error start?', because: `The schema migration ${changeName(cause)} reached production shortly before the onset and made existing writes invalid.`},
    {why: 'Why was the migration incompatible with the running code?', because: 'Schema and application changes ship independently, and nothing checks that the code already deployed satisfies the new schema (expand/contract).'},
    {why: 'Why did nothing catch it before production?', because: 'The migration pipeline has no compatibility check against production-shaped data and no staged rollout for schema changes.'},
  ],
  'code-change': (cause) => [
    {why: 'Why did that error start?', because: `The code change ${changeName(cause)} was deployed shortly before the onset and touches the failing component.`},
    {why: 'Why did the defect reach production?', because: 'The tests and review for this path do not exercise the failing case.'},
    {why: 'Why did it affect all traffic at once?', because: 'The deploy went to all instances without a canary step that gates on error rate.'},
  ],
  'config-change': (cause) => [
    {why: 'Why did that error start?', because: `The configuration change ${changeName(cause)} took effect shortly before the onset.`},
    {why: 'Why was the bad value accepted?', because: 'Configuration is not validated against limits or exercised in staging before it is applied.'},
    {why: 'Why did it take effect everywhere at once?', because: 'Configuration rolls out globally rather than progressively.'},
  ],
  'dependency-upgrade': (cause) => [
    {why: 'Why did that error start?', because: `The dependency upgrade ${changeName(cause)} changed behaviour on the failing path.`},
    {why: 'Why was the behaviour change not noticed?', because: 'Dependency upgrades are merged on a green build whose tests do not cover this integration.'},
    {why: 'Why did it reach all traffic?', because: 'Upgrades ship like any other change, without a canary that compares error rates.'},
  ],
  'feature-flag': (cause) => [
    {why: 'Why did that error start?', because: `The feature flag change ${changeName(cause)} exposed a code path that fails under production traffic.`},
    {why: 'Why was the path not ready?', because: 'The flag was turned on for all users at once rather than ramped with guardrails.'},
    {why: 'Why was there no automatic stop?', because: 'Flag changes are not tied to error-rate guardrails that turn them back off.'},
  ],
  'resource-exhaustion': () => [
    {why: 'Why did that error start?', because: 'A resource (memory, disk or CPU) ran out on the serving hosts.'},
    {why: 'Why did it run out?', because: 'Usage grew without a limit or automatic reclamation.'},
    {why: 'Why was it not caught earlier?', because: 'Saturation alerts fire too late (or not at all) relative to the limit.'},
  ],
  'database-saturation': () => [
    {why: 'Why did that error start?', because: 'The database ran out of connection slots or was blocked by locks.'},
    {why: 'Why did it saturate?', because: 'Connection pools and long transactions are not bounded against the database limit.'},
    {why: 'Why was it not caught earlier?', because: 'There is no alert on connection usage or lock waits approaching the limit.'},
  ],
  'external-dependency': () => [
    {why: 'Why did that error start?', because: 'A third-party dependency started failing or timing out.'},
    {why: 'Why did its failure become ours?', because: 'Calls to it have no circuit breaker or fallback, so failures propagate to users.'},
    {why: 'Why was the blast radius so large?', because: 'Timeouts and retries on that path amplify the failure instead of shedding it.'},
  ],
  'traffic-surge': () => [
    {why: 'Why did that error start?', because: 'Request volume rose well above the baseline the service is provisioned for.'},
    {why: 'Why could the service not absorb it?', because: 'Capacity does not scale automatically with load, and there is no load shedding.'},
    {why: 'Why was it not anticipated?', because: 'Capacity planning does not cover surges of this size.'},
  ],
  'certificate-expiry': () => [
    {why: 'Why did that error start?', because: 'A TLS certificate on the request path expired (or was not yet valid).'},
    {why: 'Why did it expire in production?', because: 'Certificate renewal is not automated end to end for this endpoint.'},
    {why: 'Why was it not caught before expiry?', because: 'There is no alert on certificate expiry dates.'},
  ],
  'security-attack': () => [
    {why: 'Why did that error start?', because: 'Hostile traffic (an authentication-failure burst from few sources) hit the service.'},
    {why: 'Why did it reach the service?', because: 'There is no rate limit per source or per account on the targeted endpoint.'},
    {why: 'Why was it not stopped earlier?', because: 'No detection rule flags credential-stuffing patterns.'},
  ],
  network: () => [
    {why: 'Why did that error start?', because: 'Name resolution or connections to an internal host failed.'},
    {why: 'Why did network errors fail requests?', because: 'The calling path has no retry with backoff or cached resolution for transient network faults.'},
    {why: 'Why was it not caught earlier?', because: 'DNS and connection errors are not alerted on separately from application errors.'},
  ],
  unknown: () => [
    {why: 'Why did that error start?', because: 'Undetermined: the evidence collected does not single out a cause.'},
    {why: 'Why is it undetermined?', because: 'No change, saturation or dependency failure lines up with the onset strongly enough to be cited.'},
    {why: 'What would settle it?', because: 'More evidence: the next steps list what to collect.'},
  ],
}
