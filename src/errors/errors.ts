/**
 * The one error tree. Every error the tool raises on purpose is one of these; the exit boundary
 * (`exit-boundary.ts`) maps them to a message and an exit code. Anything else is a bug.
 */
export abstract class AppError extends Error {
  abstract readonly exitCode: number
  readonly suggestions: string[]

  constructor(message: string, options: {cause?: unknown; suggestions?: string[]} = {}) {
    super(message, {cause: options.cause})
    this.name = new.target.name
    this.suggestions = options.suggestions ?? []
  }
}

/** Bad flag, missing input in non-interactive mode: exit 2. */
export class UsageError extends AppError {
  readonly exitCode = 2
}

/** The user asked for something that cannot be done (missing file, unknown incident): exit 1. */
export class UserError extends AppError {
  readonly exitCode = 1
}

/** Another process holds the incident's lock: exit 3. */
export class LockedError extends AppError {
  readonly exitCode = 3
}

/** A remote service answered badly or not at all. */
export class IntegrationError extends AppError {
  readonly exitCode = 1
  readonly service: string
  readonly status: number | null
  readonly requestId: string | null
  readonly retryable: boolean

  constructor(
    service: string,
    message: string,
    options: {status?: number | null; requestId?: string | null; retryable?: boolean; cause?: unknown; suggestions?: string[]} = {},
  ) {
    super(`${service}: ${message}`, options)
    this.service = service
    this.status = options.status ?? null
    this.requestId = options.requestId ?? null
    this.retryable = options.retryable ?? false
  }
}

/** A model (LLM) answered with something that does not fit the schema. */
export class ModelOutputError extends AppError {
  readonly exitCode = 1
  readonly issues: string[]

  constructor(message: string, issues: string[], options: {cause?: unknown} = {}) {
    super(message, options)
    this.issues = issues
  }
}

/** A broken invariant of our own (a corrupt state file we wrote, a bug). */
export class InternalError extends AppError {
  readonly exitCode = 1
}
