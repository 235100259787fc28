import type {z} from 'zod'

/** zod issues as `path: message` lines (`(root)` for the whole value), the first `max` only: for error messages and for what is quoted back to a model. */
export function formatIssues(error: z.ZodError, max = 8): string[] {
  return error.issues.slice(0, max).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
}
