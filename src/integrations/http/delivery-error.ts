import {IntegrationError} from '../../errors/errors.js'

/**
 * What is known about a failed request's effect on the vendor, which decides whether resending it
 * could make a duplicate:
 * - `not-sent`: the connection was never made (refused, no such host): nothing arrived.
 * - `unknown`: the body may have arrived (timeout, connection reset, 5xx, a 2xx we cannot read).
 * - `refused`: the vendor answered that it did not act (4xx, Slack `ok: false`); `status` says why.
 */
export type DeliveryOutcome = 'not-sent' | 'unknown' | 'refused'

/** A failed vendor call, with what the delivery policy needs to decide what to do next. */
export class DeliveryError extends IntegrationError {
  readonly outcome: DeliveryOutcome
  /** The wait the vendor asked for (Retry-After, ratelimit-reset), in ms; null when it asked for none. */
  readonly retryAfterMs: number | null
  /** The vendor's own error code when it gave one (Slack `channel_not_found`), for the policy. */
  readonly code: string | null

  constructor(
    service: string,
    message: string,
    options: {outcome: DeliveryOutcome; status?: number | null; requestId?: string | null; retryAfterMs?: number | null; code?: string | null},
  ) {
    super(service, message, {status: options.status, requestId: options.requestId, retryable: options.outcome !== 'refused' || options.status === 429})
    this.outcome = options.outcome
    this.retryAfterMs = options.retryAfterMs ?? null
    this.code = options.code ?? null
  }
}

/**
 * A 2xx whose body does not match the vendor's documented answer: named so the user can tell it
 * from an outage. The request most likely took effect, so the outcome is `unknown`.
 */
export class UnexpectedAnswerError extends DeliveryError {
  constructor(service: string, message: string, options: {status: number; requestId: string | null}) {
    super(service, message, {...options, outcome: 'unknown'})
  }
}
