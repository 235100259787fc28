import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import {SpecialistReportSchema, type Finding, type SpecialistReport} from '../../incident/finding.js'
import type {SpecialistId} from '../../incident/vocabulary.js'
import {redact} from '../../redact/redact.js'
import type {OfflineAnalysis} from './offline-hypotheses.js'

export interface Observation {
  text: string
  evidenceIds: string[]
}

/**
 * A specialist sharing the analyst's view of a cause in its own scope is a second, weaker vote:
 * the merge (noisy-OR) then rewards agreement without one vote counting twice as much.
 */
const SECOND_OPINION = 0.75

export function findingsInScope(analysis: OfflineAnalysis, specialist: SpecialistId): Finding[] {
  return analysis.hypotheses
    .filter((h) => h.domains.includes(specialist))
    .map((h) => ({...h.finding, confidence: Math.round(h.finding.confidence * SECOND_OPINION * 100) / 100}))
}

/**
 * The report of one offline specialist. Evidence ids that are not in the bundle are removed and a
 * finding left with none is dropped (and counted), so nothing cites evidence that does not exist.
 */
export function offlineReport(
  specialist: SpecialistId,
  bundle: EvidenceBundle,
  parts: {summary: string; findings: Finding[]; observations: Observation[]; limitations: string[]},
): SpecialistReport {
  const known = new Set(bundle.items.map((item) => item.id))
  const cite = (ids: string[]) => [...new Set(ids)].filter((id) => known.has(id))
  // The wording quotes commit subjects, templates and hosts: one more redaction pass costs little.
  const findings = parts.findings
    .map((f) => ({...f, hypothesis: redact(f.hypothesis), change: f.change && {...f.change, subject: redact(f.change.subject)}, evidenceIds: cite(f.evidenceIds)}))
    .filter((f) => f.evidenceIds.length > 0)
  return SpecialistReportSchema.parse({
    schemaVersion: 1,
    specialist,
    provider: 'offline',
    summary: redact(parts.summary),
    findings,
    observations: parts.observations.map((o) => ({text: redact(o.text), evidenceIds: cite(o.evidenceIds)})),
    limitations: [...new Set(parts.limitations)],
    fallback: null,
    droppedFindings: parts.findings.length - findings.length,
    usage: null,
  })
}

export function summarize(findings: readonly Finding[], nothing: string): string {
  const best = [...findings].sort((a, b) => b.confidence - a.confidence)[0]
  if (!best || best.confidence < 0.4) return nothing
  return `Leading hypothesis (${Math.round(best.confidence * 100)}%): ${best.hypothesis}`
}

/** Counts in report text ("12,345"), the shared formatter under a short name. */
export {formatCount as fmt} from '../../render/format.js'
