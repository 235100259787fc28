import {z} from 'zod'

import {InternalError} from '../../errors/errors.js'

/** Any timestamp `Date.parse` reads (ISO minute "2026-11-29T14:02Z" or full ISO-8601). */
export const ChartTimeSchema = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date')

/** Chart inputs come from our own pipeline: a schema failure here is a bug, not a user mistake. */
export function parseChartInput<T extends z.ZodType>(schema: T, input: unknown, chart: string): z.infer<T> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
  throw new InternalError(`${chart}: invalid input (${issues.join('; ')})`)
}
