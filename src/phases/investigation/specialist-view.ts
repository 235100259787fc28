import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import type {SpecialistReport} from '../../incident/finding.js'
import {cites, citedEvidence} from '../../render/evidence-refs.js'
import {formatPercent, formatTime} from '../../render/format.js'

const TITLES: Readonly<Record<SpecialistReport['specialist'], string>> = {
  'root-cause-analyst': 'Root-cause analyst',
  'backend-reliability': 'Backend reliability',
  database: 'Database',
  performance: 'Performance',
  infrastructure: 'Infrastructure',
  security: 'Security',
}

export function specialistView(report: SpecialistReport, bundle: EvidenceBundle) {
  const ids = [...report.findings.flatMap((finding) => finding.evidenceIds), ...report.observations.flatMap((item) => item.evidenceIds)]
  return {
    title: TITLES[report.specialist],
    provider: report.provider === 'anthropic' ? 'Claude (anthropic)' : 'offline evidence engine',
    fallback: report.fallback,
    summary: report.summary,
    findings: report.findings.map((finding, index) => ({
      ...finding,
      rank: index + 1,
      component: finding.component ?? 'unknown',
      confidence: formatPercent(finding.confidence, 0),
      change: finding.change ? {...finding.change, sha: finding.change.sha?.slice(0, 7) ?? 'n/a'} : null,
      onset: finding.onset ? formatTime(finding.onset) : null,
      evidence: finding.evidenceIds.map((id) => `\`${id}\``).join(', '),
    })),
    observations: report.observations.map((item) => ({text: item.text, cites: cites(item.evidenceIds)})),
    limitations: report.limitations,
    evidence: citedEvidence(bundle.items, ids),
  }
}
