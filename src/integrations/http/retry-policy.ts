/** When and how long to wait before retrying a request: the pure half of the HTTP core. */

const BASE_DELAY_MS = 500
const MAX_BACKOFF_MS = 8_000
/**
 * A server asking for a longer pause than this is not waited out in the run: the request fails with
 * the asked delay, and the outbox defers the message to then (docs/delivery-model.md).
 */
export const MAX_SERVER_DELAY_MS = 5_000

/** For idempotent requests only: none of our vendors documents 409 as retryable, and 408 is not a conflict. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

/**
 * The delay the server asked for, in ms, from `retry-after-ms`, `Retry-After` (seconds or an HTTP
 * date), PagerDuty's `ratelimit-reset` (seconds) or Jira's `x-ratelimit-reset` (an ISO time);
 * null when it asked for nothing usable.
 */
export function serverRequestedDelayMs(headers: Headers, now: Date): number | null {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '')
  if (Number.isFinite(ms) && ms >= 0) return ms
  const retryAfter = headers.get('retry-after')
  if (retryAfter !== null) {
    const seconds = Number(retryAfter.trim())
    if (retryAfter.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
    const date = dateMs(retryAfter)
    if (date !== null) return Math.max(0, date - now.getTime())
  }
  const reset = Number.parseFloat(headers.get('ratelimit-reset') ?? '')
  if (Number.isFinite(reset) && reset >= 0) return reset * 1000
  const resetAt = dateMs(headers.get('x-ratelimit-reset') ?? '')
  if (resetAt !== null) return Math.max(0, resetAt - now.getTime())
  return null
}

/**
 * A date header's time; never a bare number, which Date.parse would read as a year ("-5" is 2001).
 * Number() also takes a blank for 0, so a blank is refused here as well.
 */
function dateMs(text: string): number | null {
  if (Number.isFinite(Number(text))) return null
  const ms = Date.parse(text)
  return Number.isFinite(ms) ? ms : null
}

/**
 * Exponential backoff: 0.5 s doubling to 8 s, with up to 25% jitter taken off so that many
 * clients retrying together spread out. `retriesDone` counts retries already made (0 for the first).
 */
export function backoffDelayMs(retriesDone: number, random: () => number): number {
  const delay = Math.min(BASE_DELAY_MS * 2 ** retriesDone, MAX_BACKOFF_MS)
  return delay * (1 - random() * 0.25)
}
