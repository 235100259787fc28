import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import type {SpecialistReport} from '../../incident/finding.js'
import type {Incident} from '../../incident/incident.js'
import type {SpecialistId} from '../../incident/vocabulary.js'
import type {SpecialistProvider} from '../specialist-input.js'
import {builtInCatalogue} from './signatures/catalogue.js'
import type {CompiledSignature} from './signatures/compile-signature.js'
import {backendReliability} from './specialists/backend-reliability.js'
import {databaseSpecialist} from './specialists/database-specialist.js'
import {infrastructureSpecialist} from './specialists/infrastructure-specialist.js'
import {performanceSpecialist} from './specialists/performance-specialist.js'
import {rootCauseAnalyst} from './specialists/root-cause-analyst.js'
import {securitySpecialist} from './specialists/security-specialist.js'

/** An offline specialist: a pure function of the evidence (and of the failure-signature catalogue). */
export type OfflineSpecialist = (bundle: EvidenceBundle, incident: Incident, catalogue?: readonly CompiledSignature[]) => SpecialistReport

export const OFFLINE_SPECIALISTS: Readonly<Record<SpecialistId, OfflineSpecialist>> = {
  'root-cause-analyst': rootCauseAnalyst,
  'backend-reliability': backendReliability,
  database: databaseSpecialist,
  performance: performanceSpecialist,
  infrastructure: infrastructureSpecialist,
  security: securitySpecialist,
}

/** Our own engine, with the built-in failure signatures plus the user's from the config file. */
export function createOfflineProvider(catalogue: readonly CompiledSignature[] = builtInCatalogue()): SpecialistProvider {
  return {
    name: 'offline',
    runSpecialist: async (input) => OFFLINE_SPECIALISTS[input.specialist](input.bundle, input.incident, catalogue),
  }
}
