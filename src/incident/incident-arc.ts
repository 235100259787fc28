import {z} from 'zod'

const Iso = z.string().datetime({offset: true})
const EvidenceIds = z.array(z.string())

/** How a change after the onset relates to what ran before it. */
export const MITIGATION_KINDS = ['rollback', 'forward-change', 'flag-flip', 'config-change'] as const
export const MitigationKindSchema = z.enum(MITIGATION_KINDS)
export type MitigationKind = z.infer<typeof MitigationKindSchema>

/**
 * The course of the incident as the evidence shows it, beyond the onset: the worst moment, the
 * change that stopped it, the return to baseline. Derived from the saved evidence (never typed in
 * by a person), so it can be recomputed at any time; what people record (`mitigate`, `resolve`)
 * lives in `timestamps` and wins where both exist.
 */
export const IncidentArcSchema = z.object({
  onset: Iso.nullable(),
  /** The onset is the first line of an attack already under way when the evidence begins: it may have started earlier (absent in older arcs). */
  underWayAtStart: z.boolean().optional(),
  /** The worst minute of the signal the recovery was measured on. */
  peak: z
    .object({
      at: Iso,
      value: z.number(),
      signal: z.string(),
      /** What a count-valued signal counts: `warning lines per minute` (absent for rates and metrics). */
      unit: z.string().optional(),
      evidenceIds: EvidenceIds,
    })
    .nullable(),
  /** The change after the onset that the recovery followed (within MITIGATION_LEAD_MINUTES). */
  mitigation: z
    .object({
      at: Iso,
      kind: MitigationKindSchema,
      /** What it was, short: `deploy 2.14.3 of checkout-api`. */
      label: z.string(),
      /** With its own words: `deploy 2.14.3 of checkout-api, "Deploy 2.14.3 with migration …"`. */
      description: z.string(),
      version: z.string().nullable(),
      sha: z.string().nullable(),
      evidenceIds: EvidenceIds,
    })
    .nullable(),
  /** Changes after the onset that the signals did not follow (an attempted fix, an unrelated deploy). */
  attempts: z.array(z.object({at: Iso, label: z.string(), description: z.string(), evidenceIds: EvidenceIds})),
  /** The first minute from which every incident signal stayed back at its baseline (the rule is stated). */
  recovery: z
    .object({
      at: Iso,
      rule: z.string(),
      signals: z.array(z.object({signal: z.string(), at: Iso, evidenceId: z.string().nullable()})),
      evidenceIds: EvidenceIds,
    })
    .nullable(),
  /** The last failure of the incident (the last new-since-onset error before the recovery), else the recovery. */
  endOfImpact: Iso.nullable(),
  /** Signals that had not returned to baseline when the evidence ends. */
  notRecovered: z.array(z.string()),
  /** Where the evidence stops: nothing after this time can be known from it. */
  evidenceEnd: Iso.nullable(),
})
export type IncidentArc = z.infer<typeof IncidentArcSchema>
