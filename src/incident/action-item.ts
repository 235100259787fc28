import {z} from 'zod'

export const ActionItemSchema = z.object({
  id: z.string().regex(/^#incident-\d{3,}$/),
  title: z.string().min(1),
  priority: z.enum(['CRITICAL', 'HIGH', 'MEDIUM']),
  type: z.enum(['prevent', 'detect', 'respond', 'mitigate']),
  owner: z.string(),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  effort: z.string(),
  rationale: z.string(),
  evidenceIds: z.array(z.string()),
  jiraKey: z.string().nullable().default(null),
})
export type ActionItem = z.infer<typeof ActionItemSchema>

export const ActionItemsFileSchema = z.object({
  schemaVersion: z.literal(1),
  incidentId: z.string(),
  items: z.array(ActionItemSchema),
})
export type ActionItemsFile = z.infer<typeof ActionItemsFileSchema>
