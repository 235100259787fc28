import {z} from 'zod'

/**
 * What the Kubernetes inputs (--k8s) showed, saved as `evidence/kubernetes.json`: containers in
 * trouble (terminations with their reason, exit code and times, restart counts, waiting reasons),
 * Warning events, node conditions. Times read from relative ages (describe and table output) are
 * marked approximate. Every text in it has been through the redaction module.
 */
const Iso = z.string().datetime({offset: true})

export const KUBERNETES_INPUT_KINDS = ['objects', 'describe', 'table'] as const

export const KubernetesTerminationSchema = z.object({
  reason: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  startedAt: Iso.nullable(),
  finishedAt: Iso.nullable(),
  message: z.string().nullable(),
})
export type KubernetesTermination = z.infer<typeof KubernetesTerminationSchema>

export const KubernetesContainerSchema = z.object({
  namespace: z.string().nullable(),
  pod: z.string(),
  container: z.string(),
  node: z.string().nullable(),
  ready: z.boolean().nullable(),
  restartCount: z.number().int().nonnegative().nullable(),
  /** running, waiting or terminated now, and why when not running. */
  state: z.enum(['running', 'waiting', 'terminated']).nullable(),
  stateReason: z.string().nullable(),
  /** The termination now (state terminated) or the previous one (lastState). */
  termination: KubernetesTerminationSchema.nullable(),
  /** Since when the pod has not been ready (its Ready condition's last transition), when it says. */
  notReadySince: Iso.nullable(),
  /** Times read from relative ages (`5 (40s ago)`), counted back from a reference. */
  approximate: z.boolean(),
  evidenceId: z.string().nullable(),
  source: z.object({file: z.string(), line: z.number().int().nonnegative()}),
})
export type KubernetesContainer = z.infer<typeof KubernetesContainerSchema>

export const KubernetesEventSchema = z.object({
  type: z.string(),
  reason: z.string(),
  /** `Kind/namespace/name` of the object the event is about. */
  object: z.string(),
  message: z.string(),
  count: z.number().int().positive(),
  firstAt: Iso.nullable(),
  lastAt: Iso.nullable(),
  /** The times come from a relative age (describe or table output), counted back from a reference. */
  approximate: z.boolean(),
  evidenceId: z.string().nullable(),
  source: z.object({file: z.string(), line: z.number().int().nonnegative()}),
})
export type KubernetesEvent = z.infer<typeof KubernetesEventSchema>

export const KubernetesNodeConditionSchema = z.object({
  node: z.string(),
  type: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  message: z.string().nullable(),
  since: Iso.nullable(),
  evidenceId: z.string().nullable(),
  source: z.object({file: z.string(), line: z.number().int().nonnegative()}),
})
export type KubernetesNodeCondition = z.infer<typeof KubernetesNodeConditionSchema>

export const KubernetesDigestSchema = z.object({
  schemaVersion: z.literal(1),
  sources: z.array(z.object({path: z.string(), kind: z.enum(KUBERNETES_INPUT_KINDS), objects: z.number().int().nonnegative()})),
  containers: z.array(KubernetesContainerSchema),
  events: z.array(KubernetesEventSchema),
  nodeConditions: z.array(KubernetesNodeConditionSchema),
})
export type KubernetesDigest = z.infer<typeof KubernetesDigestSchema>
