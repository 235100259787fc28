import {z} from 'zod'

export const SYMPTOMS = [
  'high-error-rate',
  'service-unavailable',
  'slow-performance',
  'data-corruption',
  'security-incident',
  'database-issues',
  'infrastructure-issues',
] as const
export const SymptomSchema = z.enum(SYMPTOMS)
export type Symptom = z.infer<typeof SymptomSchema>

export const SYMPTOM_DESCRIPTIONS: Readonly<Record<Symptom, string>> = {
  'high-error-rate': 'Errors or 5xx responses well above normal',
  'service-unavailable': 'The service is down or not answering',
  'slow-performance': 'Latency up or throughput down',
  'data-corruption': 'Wrong, missing or inconsistent data',
  'security-incident': 'Suspicious access, leaked credentials, attack traffic',
  'database-issues': 'Database errors, locks, saturation, slow queries',
  'infrastructure-issues': 'Hosts, containers, disks, network, DNS, certificates',
}

export const ROOT_CAUSE_CATEGORIES = [
  'code-change',
  'database-migration',
  'config-change',
  'dependency-upgrade',
  'feature-flag',
  'resource-exhaustion',
  'database-saturation',
  'external-dependency',
  'traffic-surge',
  'certificate-expiry',
  'security-attack',
  'network',
  'unknown',
] as const
export const RootCauseCategorySchema = z.enum(ROOT_CAUSE_CATEGORIES)
export type RootCauseCategory = z.infer<typeof RootCauseCategorySchema>

/** Kinds of change a root cause can name; each is also a root-cause category of the same name. */
export const CHANGE_KINDS = ['code-change', 'database-migration', 'config-change', 'dependency-upgrade', 'feature-flag'] as const
export const ChangeKindSchema = z.enum(CHANGE_KINDS)
export type ChangeKind = z.infer<typeof ChangeKindSchema>

export const SPECIALISTS = [
  'root-cause-analyst',
  'backend-reliability',
  'database',
  'performance',
  'infrastructure',
  'security',
] as const
export const SpecialistIdSchema = z.enum(SPECIALISTS)
export type SpecialistId = z.infer<typeof SpecialistIdSchema>
