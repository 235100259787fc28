import type {EvidenceBundle} from '../../../evidence/evidence-bundle.js'
import type {SpecialistReport} from '../../../incident/finding.js'
import type {Incident} from '../../../incident/incident.js'
import {analysisFor} from '../offline-hypotheses.js'
import type {CompiledSignature} from '../signatures/compile-signature.js'
import {findingsInScope, fmt, offlineReport, summarize, type Observation} from '../offline-report.js'
import {gitEvidenceId} from '../../../incident/evidence-item.js'
import {readableTemplate} from '../../../render/template-text.js'

const DB_ERROR = /sql|postgres|pq:|column|relation|constraint|duplicate key|violates|deadlock|lock|too many (clients|connections)|connection slots|statement|query|knex|pool|transaction/i
const DB_SERIES = /pg_|postgres|mysql|db_|database|connections|lock|quer(y|ies)|replication/i

/** DB error signatures (constraint violations, slot exhaustion, lock timeouts, deadlocks, slow queries) and DB metrics. */
export function databaseSpecialist(bundle: EvidenceBundle, _incident: Incident, catalogue?: readonly CompiledSignature[]): SpecialistReport {
  const analysis = analysisFor(bundle, catalogue)
  const observations: Observation[] = []
  const templates = (bundle.logs?.templates ?? []).filter((t) => DB_ERROR.test(t.template) && (t.levels.includes('error') || t.levels.includes('warn') || t.isNew))
  for (const t of templates.slice(0, 5)) {
    const how = t.isNew ? ', new since onset' : t.surgeScore >= 1 ? `, surging ×${(2 ** t.surgeScore).toFixed(1)}` : ''
    observations.push({text: `${fmt(t.incidentCount || t.count)}× "${readableTemplate(t.template).slice(0, 160)}"${how}.`, evidenceIds: [t.evidenceId]})
  }
  for (const s of (bundle.metrics?.series ?? []).filter((s) => DB_SERIES.test(s.name)).slice(0, 6)) {
    if (s.saturation?.saturated) {
      observations.push({text: `${s.name} peaked at ${s.saturation.peak} of ${s.saturation.limit} (${Math.round(s.saturation.ratio * 100)}%) at ${s.saturation.at}.`, evidenceIds: [`${s.evidenceId}-sat`]})
    } else if (s.changePoint) {
      observations.push({text: `${s.name} ${s.changePoint.direction === 'up' ? 'rose' : 'fell'} from ${s.changePoint.before} to ${s.changePoint.after} at ${s.changePoint.at}.`, evidenceIds: [s.evidenceId]})
    } else if (s.saturation) {
      observations.push({text: `${s.name} stayed at or below ${Math.round(s.saturation.ratio * 100)}% of its limit (${s.saturation.limit}).`, evidenceIds: [s.evidenceId]})
    }
  }
  const migrations = (bundle.git?.commits ?? []).filter((c) => c.kind === 'database-migration' && !c.afterOnset)
  for (const m of migrations.slice(0, 3)) {
    observations.push({text: `Migration ${m.shortSha} "${m.subject}" committed ${m.committedAt}.`, evidenceIds: [gitEvidenceId(m.shortSha)]})
  }
  const {diagnosis} = analysis
  if (diagnosis && diagnosis.facts.length > 0) observations.push({text: `Live diagnosis: ${diagnosis.facts.join('; ')}.`, evidenceIds: diagnosis.evidenceIds})
  const findings = findingsInScope(analysis, 'database')
  return offlineReport('database', bundle, {
    summary: summarize(findings, templates.length > 0 ? 'Database errors are present but do not point at one cause on their own.' : 'No database error signatures in the evidence.'),
    findings,
    observations,
    limitations: [
      ...(bundle.postgres === null ? ['No --database-url was given, so live PostgreSQL diagnostics (sessions, locks, connection counts) were not examined.'] : []),
      ...(diagnosis?.unreachable ? [`The live PostgreSQL diagnosis could not connect (${diagnosis.unreachable}).`] : []),
      ...(bundle.postgres !== null ? ['The live diagnosis is a snapshot taken now, not at the onset.'] : []),
      ...(bundle.metrics === null ? ['No metrics were given, so connection counts and lock waits over time are unknown.'] : []),
    ],
  })
}
