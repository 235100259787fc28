import {z} from 'zod'

import {ChangeKindSchema} from './vocabulary.js'

/** A change named as (part of) a cause: a commit, a deploy or a flag flip. */
export const ChangeRefSchema = z.object({
  sha: z.string().nullable(),
  subject: z.string(),
  kind: ChangeKindSchema,
})
export type ChangeRef = z.infer<typeof ChangeRefSchema>
