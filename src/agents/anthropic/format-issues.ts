import type {z} from 'zod'

/** zod issues as `path: message` lines, first few only, the way they are quoted back to the model. */
export function formatIssues(error: z.ZodError, max = 8): string[] {
  return error.issues.slice(0, max).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
}
