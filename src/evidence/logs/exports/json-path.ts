import type {z} from 'zod'

/**
 * Where in a JSON document something is wrong, written as a JSON path (`data.result[3].values[0][1]`),
 * for the error a user gets when an export, a Kubernetes object or an alert does not have the
 * shape its reader expects.
 */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(the document)' : out
}

/** The first problem of a failed parse as `path: message`. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  return `${jsonPath(issue.path)}: ${issue.message}`
}

/** A document that does not have the shape its reader expects: names the JSON path. */
export class DocumentShapeError extends Error {
  constructor(
    readonly kind: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`)
  }
}
