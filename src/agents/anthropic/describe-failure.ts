import {APIConnectionError, APIConnectionTimeoutError, APIError} from '@anthropic-ai/sdk'

import {redact} from '../../redact/redact.js'

/** A failure of the agent itself (not of HTTP): its reason is already user-facing. */
export class AgentFailure extends Error {
  /** The model declined (`stop_reason: refusal`): not an outage, and said as such. */
  readonly refusal: boolean

  constructor(message: string, options: {refusal?: boolean} = {}) {
    super(message)
    this.refusal = options.refusal ?? false
  }
}

/** The client's settings, when known, make the reason say how long and how often we tried. */
export interface FailureContext {
  timeoutMs?: number
  maxRetries?: number
}

const RETRIED_STATUSES = new Set([408, 409, 429])

/**
 * One short phrase for "Claude unavailable: <reason>". The SDK has already retried what is
 * retryable (408/409/429/5xx, timeouts, connection errors), so those read "after N retries".
 */
export function describeFailure(error: unknown, context: FailureContext = {}): string {
  const retries = context.maxRetries === undefined ? 'retries' : context.maxRetries === 1 ? '1 retry' : `${context.maxRetries} retries`
  if (error instanceof AgentFailure) return error.message
  if (error instanceof APIConnectionTimeoutError) {
    return context.timeoutMs === undefined ? `timed out (after ${retries})` : `timed out after ${context.timeoutMs} ms (and ${retries})`
  }
  if (error instanceof APIConnectionError) return `connection failed (${causeMessage(error)}) after ${retries}`
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status
    const detail = apiMessage(error)
    const requestId = error.requestID ? `, request ${error.requestID}` : ''
    if (status === 401) return `authentication failed (401${requestId}): check ANTHROPIC_API_KEY`
    if (status === 403) return `permission denied (403${requestId})`
    if (status === 429) return `rate limited (429${requestId}) after ${retries}`
    if (status >= 500 || RETRIED_STATUSES.has(status)) return `API error ${status}${requestId} after ${retries}${detail}`
    return `request rejected (${status}${requestId})${detail}`
  }
  const message = error instanceof Error ? error.message : String(error)
  return `unexpected error: ${redact(message).slice(0, 200)}`
}

function apiMessage(error: APIError): string {
  const body = error.error as {error?: {message?: unknown}} | undefined
  const message = body?.error?.message
  return typeof message === 'string' && message ? `: ${redact(message).slice(0, 200)}` : ''
}

function causeMessage(error: APIConnectionError): string {
  const cause = error.cause
  const code = (cause as {code?: unknown} | undefined)?.code
  if (typeof code === 'string') return code
  const inner = (cause as {cause?: {code?: unknown}} | undefined)?.cause?.code
  if (typeof inner === 'string') return inner
  return cause instanceof Error ? cause.message : error.message
}
