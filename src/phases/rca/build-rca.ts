import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {SpecialistReport} from '../../incident/finding.js'
import type {Rca, RootCause} from '../../incident/rca.js'
import type {TimelineEvent} from '../../incident/timeline-event.js'
import type {Story} from '../../render/sentences/story.js'
import {buildTimeline} from './build-timeline.js'
import {contributingFactors} from './contributing-factors.js'
import {buildFiveWhys} from './five-whys.js'
import {buildImpact} from './impact.js'
import {type Hypothesis, scoreHypotheses, UNDETERMINED_BELOW} from './score-hypotheses.js'
import {nextStepsFor} from './next-steps.js'

export interface RcaInput {
  reports: readonly SpecialistReport[]
  facts: EvidenceFacts
  recorded: readonly TimelineEvent[]
  service: string
  /** The incident as the documents tell it (its cause is not read here: the RCA is what decides it). */
  story: Story
  /** The impact duration in minutes, from the one duration function. */
  impactMinutes: number | null
  limitations: readonly string[]
}

/**
 * Merge the specialists' findings into one RCA (pure). The best-scored hypothesis becomes the
 * root cause only if it clears the bar; a change is named only when a specialist tied it to the
 * onset and it happened before the onset. Otherwise the cause is `unknown`, with next steps.
 */
export function buildRca(input: RcaInput): Rca {
  const {facts} = input
  const ranked = scoreHypotheses(input.reports)
  const best = ranked[0]
  const determined = best !== undefined && best.score >= UNDETERMINED_BELOW
  const rootCause = determined ? causeFrom(best, facts) : undetermined(best, facts)
  const others = ranked.filter((hypothesis) => hypothesis !== best || !determined)
  return {
    schemaVersion: 1,
    rootCause,
    trigger: triggerFor(rootCause, facts),
    contributingFactors: contributingFactors(rootCause, facts, determined ? others : []),
    fiveWhys: buildFiveWhys(rootCause, facts, input.service, input.story),
    timeline: buildTimeline(facts, rootCause, input.recorded, {declarationKnown: input.story.declared !== null}),
    impact: buildImpact(facts, input.story, input.impactMinutes),
    alternatives: others.slice(0, 4).map((hypothesis) => ({
      hypothesis: hypothesis.lead.hypothesis,
      category: hypothesis.lead.category,
      confidence: hypothesis.score,
      evidenceIds: hypothesis.evidenceIds.slice(0, 5),
    })),
    limitations: [...input.limitations, ...input.reports.flatMap((report) => report.limitations.map((text) => `${report.specialist}: ${text}`))],
    nextSteps: nextStepsFor(rootCause, facts, input.limitations),
  }
}

function causeFrom(best: Hypothesis, facts: EvidenceFacts): RootCause {
  const change = best.lead.change && changeIsBeforeOnset(best.lead.change.sha, facts) ? best.lead.change : null
  return {
    category: best.lead.category,
    summary: best.lead.hypothesis,
    component: best.lead.component,
    change,
    onset: best.lead.onset ?? facts.onset,
    confidence: best.score,
    evidenceIds: best.evidenceIds,
  }
}

function undetermined(best: Hypothesis | undefined, facts: EvidenceFacts): RootCause {
  return {
    category: 'unknown',
    summary: best
      ? `Undetermined. The strongest lead — ${best.lead.hypothesis} — is not supported strongly enough to name it as the cause.`
      : 'Undetermined. No specialist found evidence that points to a cause.',
    component: best?.lead.component ?? null,
    change: null,
    onset: facts.onset,
    confidence: best ? Math.min(best.score, UNDETERMINED_BELOW - 0.05) : 0.1,
    evidenceIds: best?.evidenceIds ?? facts.onsetEvidenceIds,
  }
}

/** A commit after the onset can never be the cause, whatever a specialist said. */
function changeIsBeforeOnset(sha: string | null, facts: EvidenceFacts): boolean {
  if (!sha) return true
  const commit = facts.changes.find((change) => change.sha === sha || change.sha.startsWith(sha))
  if (commit) return !commit.afterOnset
  const event = facts.events.find((item) => item.sha === sha)
  return event ? (event.minutesBeforeOnset ?? 0) >= 0 : true
}

function triggerFor(cause: RootCause, facts: EvidenceFacts): string | null {
  if (cause.change) {
    const commit = facts.changes.find((change) => change.sha === cause.change?.sha)
    const deploy = facts.events.find((event) => event.sha && cause.change?.sha?.startsWith(event.sha))
    const when = deploy?.at ?? commit?.committedAt ?? null
    const lead = when && facts.onset ? Math.round((Date.parse(facts.onset) - Date.parse(when)) / 60_000) : null
    return `${cause.change.kind === 'feature-flag' ? 'Flag change' : 'Rollout of'} ${cause.change.sha?.slice(0, 7) ?? ''} "${cause.change.subject}"${when ? ` at ${when.slice(11, 16)} UTC` : ''}${lead !== null ? `, ${lead} min before the onset` : ''}.`.replace('  ', ' ')
  }
  return cause.category === 'unknown' ? null : `${cause.summary}`
}
