import type {SpecialistId, Symptom} from '../../incident/vocabulary.js'

export const MAX_SPECIALISTS = 3

/** Which specialists each symptom calls for, most relevant first. */
const BY_SYMPTOM: Readonly<Record<Symptom, readonly SpecialistId[]>> = {
  'high-error-rate': ['backend-reliability'],
  'service-unavailable': ['infrastructure', 'backend-reliability'],
  'slow-performance': ['performance', 'database'],
  'data-corruption': ['database', 'backend-reliability'],
  'security-incident': ['security'],
  'database-issues': ['database'],
  'infrastructure-issues': ['infrastructure'],
}

export const SPECIALIST_SCOPES: Readonly<Record<SpecialistId, string>> = {
  'root-cause-analyst':
    'Root-cause analyst: correlates changes, deploys and feature-flag flips with the onset (timing, component overlap, kind, blast radius) and ranks hypotheses, including causes that are not changes.',
  'backend-reliability':
    'Backend reliability: error templates new or surging since onset, exceptions and their stack frames, failing endpoints, 5xx rate and affected users.',
  database: 'Database: constraint violations, connection-slot exhaustion, lock waits and timeouts, deadlocks, slow queries, live PostgreSQL diagnostics.',
  performance: 'Performance: latency and throughput change-points, saturation of pools, CPU and memory.',
  infrastructure:
    'Infrastructure: resource exhaustion (OOM kills, disk full, CPU), restarts, health probes, certificates, DNS and network errors, failing external dependencies.',
  security: 'Security: authentication-failure bursts by IP or user, credential stuffing, unusual administrative actions.',
}

/**
 * The root-cause analyst always; then up to two specialists, in the order the symptoms call for
 * them (the first symptom the user named matters most).
 */
export function chooseSpecialists(symptoms: readonly Symptom[]): SpecialistId[] {
  const roster: SpecialistId[] = ['root-cause-analyst']
  const candidates = symptoms.flatMap((symptom) => BY_SYMPTOM[symptom])
  // First pass takes each symptom's first choice so two symptoms get one specialist each.
  const firstChoices = symptoms.map((symptom) => BY_SYMPTOM[symptom][0])
  for (const id of [...firstChoices, ...candidates]) {
    if (roster.length >= MAX_SPECIALISTS) break
    if (!roster.includes(id)) roster.push(id)
  }
  return roster
}
