import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import type {SpecialistReport} from '../../incident/finding.js'
import type {Incident} from '../../incident/incident.js'
import type {SpecialistId} from '../../incident/vocabulary.js'
import type {SpecialistProvider} from '../specialist-input.js'
import {backendReliability} from './specialists/backend-reliability.js'
import {databaseSpecialist} from './specialists/database-specialist.js'
import {infrastructureSpecialist} from './specialists/infrastructure-specialist.js'
import {performanceSpecialist} from './specialists/performance-specialist.js'
import {rootCauseAnalyst} from './specialists/root-cause-analyst.js'
import {securitySpecialist} from './specialists/security-specialist.js'

export const OFFLINE_SPECIALISTS: Readonly<Record<SpecialistId, (bundle: EvidenceBundle, incident: Incident) => SpecialistReport>> = {
  'root-cause-analyst': rootCauseAnalyst,
  'backend-reliability': backendReliability,
  database: databaseSpecialist,
  performance: performanceSpecialist,
  infrastructure: infrastructureSpecialist,
  security: securitySpecialist,
}

/** Our own engine: every specialist is a pure function of the evidence bundle. */
export function createOfflineProvider(): SpecialistProvider {
  return {
    name: 'offline',
    runSpecialist: async (input) => OFFLINE_SPECIALISTS[input.specialist](input.bundle, input.incident),
  }
}
