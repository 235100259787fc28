import type {EvidenceBundle} from '../evidence/evidence-bundle.js'
import type {EvidenceItem} from '../incident/evidence-item.js'
import type {SpecialistReport} from '../incident/finding.js'
import type {Incident} from '../incident/incident.js'
import type {SpecialistId} from '../incident/vocabulary.js'

/**
 * Bounded ways for a specialist to dig deeper than its digest. Every string these return is
 * already redacted and capped by the implementation; callers may cap again.
 */
export interface EvidenceTools {
  searchLogs(query: {pattern: string; from?: string; to?: string; limit?: number}): Promise<string>
  commitDiff(sha: string, maxBytes: number): Promise<string>
  metricSlice(query: {series: string; from?: string; to?: string}): Promise<string>
  listEvidence(query: {source?: string; kind?: string}): Promise<string>
}

/** Everything one specialist gets, whatever the provider. */
export interface SpecialistInput {
  incident: Incident
  specialist: SpecialistId
  /** The specialist's role and scope in one paragraph. */
  scope: string
  /** The evidence digest for this specialist's scope, as compact redacted JSON text. */
  digest: string
  /** Every citable evidence item; a finding citing an id not in here is dropped. */
  evidence: EvidenceItem[]
  /** The structured evidence the offline engine reasons over (the digest is its text form). */
  bundle: EvidenceBundle
  tools: EvidenceTools
}

export type ProviderName = 'offline' | 'anthropic'

export interface SpecialistProvider {
  readonly name: ProviderName
  runSpecialist(input: SpecialistInput): Promise<SpecialistReport>
}
