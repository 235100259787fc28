import type {Finding, SpecialistReport} from '../../incident/finding.js'
import type {SpecialistId} from '../../incident/vocabulary.js'

export interface Hypothesis {
  key: string
  /** The strongest finding of the group: its wording, category, component and change lead. */
  lead: Finding
  specialists: SpecialistId[]
  evidenceIds: string[]
  score: number
}

/** Below this the RCA says "undetermined" instead of naming a cause. */
export const UNDETERMINED_BELOW = 0.4

/**
 * Groups findings that name the same cause (the same change, or the same category and
 * component), then scores each group: independent specialists agreeing raise confidence
 * (noisy-OR of their confidences), but never to certainty, and a group supported by a single
 * evidence item is discounted.
 */
export function scoreHypotheses(reports: readonly SpecialistReport[]): Hypothesis[] {
  const groups = new Map<string, {findings: Finding[]; specialists: Set<SpecialistId>}>()
  for (const report of reports) {
    for (const finding of report.findings) {
      const key = keyOf(finding)
      const group = groups.get(key) ?? {findings: [], specialists: new Set()}
      group.findings.push(finding)
      group.specialists.add(report.specialist)
      groups.set(key, group)
    }
  }
  const hypotheses: Hypothesis[] = []
  for (const [key, group] of groups) {
    const lead = [...group.findings].sort((a, b) => b.confidence - a.confidence)[0]
    const bestPerSpecialist = new Map<SpecialistId, number>()
    for (const report of reports) {
      for (const finding of report.findings) {
        if (keyOf(finding) === key) bestPerSpecialist.set(report.specialist, Math.max(bestPerSpecialist.get(report.specialist) ?? 0, finding.confidence))
      }
    }
    const noisyOr = 1 - [...bestPerSpecialist.values()].reduce((miss, confidence) => miss * (1 - confidence), 1)
    const evidenceIds = [...new Set(group.findings.flatMap((finding) => finding.evidenceIds))]
    const thinEvidence = evidenceIds.length < 2 ? 0.85 : 1
    hypotheses.push({
      key,
      lead,
      specialists: [...group.specialists],
      evidenceIds,
      score: round(Math.min(0.97, noisyOr * thinEvidence)),
    })
  }
  return hypotheses.sort((a, b) => b.score - a.score || Number(b.lead.change !== null) - Number(a.lead.change !== null))
}

/** The "same cause" key: the same change, or the same category and component. */
export function keyOf(finding: Finding): string {
  if (finding.change?.sha) return `change:${finding.change.sha}`
  if (finding.change) return `change:${finding.change.kind}:${finding.change.subject}`
  return `${finding.category}:${finding.component ?? '*'}`
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
