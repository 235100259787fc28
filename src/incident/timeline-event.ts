import {z} from 'zod'

export const TIMELINE_KINDS = [
  'change',
  'deploy',
  'onset',
  'detection',
  'acknowledged',
  'declared',
  'phase',
  'note',
  'action',
  'decision',
  'escalation',
  'mitigated',
  'resolved',
  'import',
  // From the evidence's arc (never appended to timeline.jsonl; the RCA's timeline shows them).
  'peak',
  'mitigation',
  'recovery',
] as const

export const TimelineEventSchema = z.object({
  at: z.string().datetime({offset: true}),
  kind: z.enum(TIMELINE_KINDS),
  text: z.string(),
  source: z.string(),
  evidenceIds: z.array(z.string()).default([]),
})
export type TimelineEvent = z.infer<typeof TimelineEventSchema>
export type TimelineEventInput = z.input<typeof TimelineEventSchema>
