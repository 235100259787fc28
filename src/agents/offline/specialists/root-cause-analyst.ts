import type {EvidenceBundle} from '../../../evidence/evidence-bundle.js'
import type {SpecialistReport} from '../../../incident/finding.js'
import type {Incident} from '../../../incident/incident.js'
import {analysisFor} from '../offline-hypotheses.js'
import type {CompiledSignature} from '../signatures/compile-signature.js'
import {fmt, offlineReport, summarize, type Observation} from '../offline-report.js'
import {describeMinutes} from '../score-change-correlation.js'
import {gitEvidenceId} from '../../../incident/evidence-item.js'

const MAX_FINDINGS = 6

/**
 * Correlates every change before the onset with the errors (timing × content) and weighs the
 * causes that are not changes; reports them all, ranked.
 */
export function rootCauseAnalyst(bundle: EvidenceBundle, _incident: Incident, catalogue?: readonly CompiledSignature[]): SpecialistReport {
  const analysis = analysisFor(bundle, catalogue)
  const findings = analysis.hypotheses.slice(0, MAX_FINDINGS).map((h) => h.finding)
  const observations: Observation[] = []
  if (analysis.signals.onset) {
    observations.push({text: `Onset ${analysis.signals.onset} (from ${bundle.window.onsetSource ?? 'unknown'}).`, evidenceIds: analysis.signals.onsetIds})
  }
  const first = analysis.cascade.primary
  if (first) {
    const signature = first.hits[0].signature
    const at = first.startMs !== null ? ` from ${new Date(first.startMs).toISOString().slice(11, 16)} UTC` : ''
    const todo = [signature.mitigation, ...signature.nextSteps.slice(0, 2)].filter((step) => step !== null).join(' ')
    observations.push({text: `First failure: ${signature.title}${first.component ? ` (${first.component})` : ''}${at} [signature ${signature.id}].${todo ? ` ${todo}` : ''}`, evidenceIds: first.evidenceIds.slice(0, 3)})
  }
  const examined = analysis.correlations
  if (examined.length > 0) {
    observations.push({
      text: `${fmt(examined.length)} change(s) before the onset examined; ${examined.filter((c) => c.supported).length} supported by both timing and content.`,
      evidenceIds: examined.slice(0, 5).flatMap((c) => c.candidate.evidenceIds.slice(0, 1)),
    })
  }
  for (const c of examined.slice(0, 4)) {
    const when = c.candidate.minutesBeforeOnset === null ? '' : `, ${describeMinutes(c.candidate.minutesBeforeOnset)} before onset`
    observations.push({text: `${c.candidate.label}${when}: timing ${c.timing}, content overlap ${c.overlap}.`, evidenceIds: c.candidate.evidenceIds})
  }
  const skipped = (bundle.git?.commits ?? []).filter((c) => c.kind === 'docs-tests' || c.afterOnset)
  if (skipped.length > 0) {
    observations.push({
      text: `Not considered as causes: ${skipped.slice(0, 4).map((c) => `${c.shortSha} (${c.afterOnset ? 'after the onset' : 'docs/tests only'})`).join(', ')}.`,
      evidenceIds: skipped.slice(0, 4).map((c) => gitEvidenceId(c.shortSha)),
    })
  }
  const limitations = [
    ...(bundle.git === null ? ['No repository was examined (--repo), so code, config, migration and dependency changes could not be correlated.'] : []),
    ...(bundle.git?.shallow ? ['The repository is a shallow clone; older changes may be missing.'] : []),
    ...(bundle.git?.truncated ? ['The change window held more commits than were examined.'] : []),
    ...(bundle.deploys === null ? ['No deploy events (--deploys): shipping times and feature-flag flips are unknown; commit times were used.'] : []),
    ...(analysis.signals.onset === null ? ['The onset is unknown, so change timing could not be weighed.'] : []),
  ]
  return offlineReport('root-cause-analyst', bundle, {
    summary: summarize(findings, 'No change or other cause is supported by the evidence strongly enough to name.'),
    findings,
    observations,
    limitations,
  })
}
