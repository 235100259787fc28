import type {Finding} from '../../incident/finding.js'
import type {SpecialistId} from '../../incident/vocabulary.js'
import {referencePoint, type IncidentSignals} from './incident-signals.js'
import type {OfflineHypothesis} from './offline-hypotheses.js'
import {describeMinutes, type ChangeCorrelation} from './score-change-correlation.js'

/** Findings about changes: named when timing and content support them, else a low alternative without the change. */
export function changeHypothesis(c: ChangeCorrelation, signals: IncidentSignals): OfflineHypothesis {
  const {candidate} = c
  const related = signals.errors
    .filter((e) => e.fresh)
    .slice(0, 2)
    .map((e) => e.evidenceId)
  const domains: SpecialistId[] = ['backend-reliability']
  if (candidate.ref.kind === 'database-migration' || c.concepts.includes('database')) domains.push('database')
  if (c.concepts.includes('pool') || c.concepts.includes('memory') || candidate.ref.kind === 'config-change') domains.push('performance')
  if (c.concepts.includes('memory') || c.concepts.includes('disk')) domains.push('infrastructure')
  return {
    finding: {
      hypothesis: `${kindWord(candidate.ref.kind)} ${candidate.label} caused the incident: ${c.reasons.join('; ')}.`,
      category: candidate.ref.kind,
      component: candidate.components[0] ?? null,
      change: candidate.ref,
      onset: signals.onset,
      confidence: c.confidence,
      evidenceIds: [...candidate.evidenceIds, ...related, ...signals.onsetIds],
    },
    domains,
  }
}

/** Why a change that matches the errors is still not named: the reason the score held, not always timing. */
function whyNotNamed(c: ChangeCorrelation, signals: IncidentSignals, when: string): string {
  const unexplained = c.reasons.find((r) => r.startsWith('but '))
  if (unexplained) return unexplained
  if (!c.specific && signals.onsetFromEvidence === false) return `but no evidence placed the onset, so shipping ${when} does not tie it to the failure`
  return `but shipped ${when}, too long before to have triggered it`
}

export function unsupportedChange(c: ChangeCorrelation, signals: IncidentSignals): OfflineHypothesis {
  const {candidate} = c
  const when = candidate.minutesBeforeOnset === null ? 'in the lookback window' : `${describeMinutes(candidate.minutesBeforeOnset)} before ${referencePoint(signals)}`
  return {
    finding: {
      hypothesis:
        c.overlap >= 0.5
          ? `${kindWord(candidate.ref.kind)} ${candidate.label} matches the errors (${c.reasons.filter((r) => !r.startsWith('shipped') && !r.startsWith('but ')).join('; ')}) ${whyNotNamed(c, signals, when)}.`
          : `${kindWord(candidate.ref.kind)} ${candidate.label} shipped ${when}, but nothing in the errors points at what it changed.`,
      category: candidate.ref.kind,
      component: candidate.components[0] ?? null,
      change: null,
      onset: signals.onset,
      confidence: c.confidence,
      evidenceIds: [...candidate.evidenceIds, ...signals.onsetIds],
    },
    domains: [],
  }
}

function kindWord(kind: Finding['category']): string {
  return {'code-change': 'Code change', 'database-migration': 'Migration', 'config-change': 'Config change', 'dependency-upgrade': 'Dependency upgrade', 'feature-flag': 'Flag change'}[kind as string] ?? 'Change'
}

