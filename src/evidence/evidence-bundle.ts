import {z} from 'zod'

import {EvidenceItemSchema} from '../incident/evidence-item.js'
import {AlertSummarySchema} from './alerts/read-alert.js'
import {KubernetesDigestSchema} from './kubernetes/kubernetes-digest.js'
import {DeploysDigestSchema} from './deploys/deploy-event.js'
import {GitChangesDigestSchema} from './git/git-digest.js'
import {HealthDigestSchema} from './health/health-digest.js'
import {LogDigestSchema} from './logs/log-digest.js'
import {MetricsDigestSchema} from './metrics/metrics-digest.js'
import {PostgresDigestSchema} from './postgres/postgres-digest.js'

const Iso = z.string().datetime({offset: true})

/**
 * All evidence of one incident, collected once and saved under `evidence/`; every phase reads
 * this, none collects again. Each digest is null when its input was not given.
 */
export const EvidenceBundleSchema = z.object({
  schemaVersion: z.literal(1),
  window: z.object({
    onset: Iso.nullable(),
    onsetSource: z.enum(['logs', 'metrics', 'declared']).nullable(),
    declaredAt: Iso.nullable(),
  }),
  logs: LogDigestSchema.nullable(),
  git: GitChangesDigestSchema.nullable(),
  deploys: DeploysDigestSchema.nullable(),
  metrics: MetricsDigestSchema.nullable(),
  postgres: PostgresDigestSchema.nullable(),
  health: HealthDigestSchema.nullable(),
  /** What the --k8s inputs showed (absent in older bundles). */
  kubernetes: KubernetesDigestSchema.nullable().optional(),
  /** The alert that opened the incident (--alert), as read (absent in older bundles). */
  alert: AlertSummarySchema.nullable().optional(),
  items: z.array(EvidenceItemSchema),
  limitations: z.array(z.string()),
  /** Inputs that could not be fully used, one plain sentence each, for the terminal summary (absent in older bundles). */
  warnings: z.array(z.string()).optional(),
})
export type EvidenceBundle = z.infer<typeof EvidenceBundleSchema>
