import {setTimeout as sleepFor} from 'node:timers/promises'

import type {z} from 'zod'

import {IntegrationError} from '../../errors/errors.js'
import {describeFailureBody, failureMessage} from './failure-body.js'
import {maskSecrets} from '../../redact/mask-known-secrets.js'
import {backoffDelayMs, isRetryableStatus, MAX_SERVER_DELAY_MS, serverRequestedDelayMs} from './retry-policy.js'

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export interface HttpClientOptions {
  /** Shown to users as the prefix of every error: "Slack", "PagerDuty", "Jira". */
  service: string
  baseUrl: string
  fetch?: typeof globalThis.fetch
  timeoutMs?: number
  maxRetries?: number
  sleep?: Sleep
  random?: () => number
  now?: () => Date
  /** Sent on every request (auth, accept). */
  headers?: Record<string, string>
  /** Values that must never appear in an error message (tokens, keys, secret URLs). */
  secrets?: readonly string[]
  /** The setting a user should fix when the vendor answers with this status and code, if any. */
  settingFor?: (status: number, code: string | null) => string | null
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT'
  /** Relative to the base URL; or give a whole `url`. */
  path?: string
  url?: string
  json?: unknown
  headers?: Record<string, string>
  /** Sent as `Idempotency-Key`, the same on every retry of this request. */
  idempotencyKey?: string
  signal?: AbortSignal
  /** Non-2xx statuses whose body the caller reads itself (Jira bulk answers 400 with per-item errors). */
  acceptStatuses?: number[]
}

export interface HttpResponse {
  status: number
  headers: Headers
  text: string
  requestId: string | null
  /** The body parsed as JSON; an IntegrationError if it is not JSON. */
  json(): unknown
  /**
   * The JSON body checked against `schema`. When it does not fit, throws `unexpected(text)`; `text`
   * is the message after the status, or built from the first schema issue (`path: message`).
   */
  parse<S extends z.ZodType>(schema: S, text: string | ((issue: string) => string)): z.infer<S>
  /** The error for an answer the caller cannot use: "<service>: <status> <text>", with this status and request id. */
  unexpected(text: string): IntegrationError
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>
}

const REQUEST_ID_HEADERS = ['x-request-id', 'x-slack-req-id', 'x-arequestid', 'request-id']

const defaultSleep: Sleep = async (ms, signal) => {
  await sleepFor(ms, undefined, {signal})
}

/**
 * The one HTTP core every integration uses: a timeout per attempt, retries on 408/409/429/5xx
 * and network failures with the server's Retry-After or jittered backoff, and typed errors whose
 * messages never contain a secret.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const fetchImpl = options.fetch ?? globalThis.fetch
  const timeoutMs = options.timeoutMs ?? 10_000
  const maxRetries = options.maxRetries ?? 2
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random
  const now = options.now ?? (() => new Date())
  const secrets = options.secrets ?? []
  const fail = (message: string, extra: ConstructorParameters<typeof IntegrationError>[2]) =>
    new IntegrationError(options.service, maskSecrets(message, secrets), extra)

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const url = req.url ?? joinUrl(options.baseUrl, req.path ?? '')
    const headers: Record<string, string> = {...options.headers, ...req.headers}
    if (req.json !== undefined) headers['content-type'] ??= 'application/json'
    if (req.idempotencyKey !== undefined) headers['idempotency-key'] = req.idempotencyKey
    const body = req.json === undefined ? undefined : JSON.stringify(req.json)

    for (let retriesDone = 0; ; retriesDone++) {
      const canRetry = retriesDone < maxRetries
      let response: Response
      let text: string
      const attemptSignal = req.signal ? AbortSignal.any([req.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs)
      try {
        response = await fetchImpl(url, {method: req.method, headers, body, signal: attemptSignal})
        text = await response.text()
      } catch (error) {
        // No `cause` on these errors: undici's and JSON's messages may quote the URL or the body, which can hold secrets.
        if (req.signal?.aborted) throw fail('request cancelled', {retryable: true})
        const reason = attemptSignal.aborted ? `no answer within ${timeoutMs} ms` : `network error (${networkReason(error)})`
        if (!canRetry) throw fail(reason, {retryable: true})
        await pause(backoffDelayMs(retriesDone, random), req.signal)
        continue
      }
      const requestId = REQUEST_ID_HEADERS.map((name) => response.headers.get(name)).find((value) => value) ?? null
      if (response.ok || req.acceptStatuses?.includes(response.status)) return okResponse(response, text, requestId)

      const retryable = isRetryableStatus(response.status)
      if (retryable && canRetry) {
        const asked = serverRequestedDelayMs(response.headers, now())
        if (asked === null || asked <= MAX_SERVER_DELAY_MS) {
          await pause(asked ?? backoffDelayMs(retriesDone, random), req.signal)
          continue
        }
      }
      const code = describeFailureBody(text)
      const setting = options.settingFor?.(response.status, code) ?? null
      throw fail(failureMessage(response.status, code || null, setting), {status: response.status, requestId, retryable})
    }
  }

  async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await sleep(ms, signal)
    } catch {
      throw fail('request cancelled', {retryable: true})
    }
  }

  function okResponse(response: Response, text: string, requestId: string | null): HttpResponse {
    const {status} = response
    const unexpected = (message: string) => fail(`${status} ${message}`, {status, requestId})
    const json = () => {
      try {
        return JSON.parse(text) as unknown
      } catch {
        throw unexpected('with a body that is not JSON')
      }
    }
    return {
      status,
      headers: response.headers,
      text,
      requestId,
      json,
      parse(schema, describe) {
        const parsed = schema.safeParse(json())
        if (parsed.success) return parsed.data
        if (typeof describe === 'string') throw unexpected(describe)
        const issue = parsed.error.issues[0]
        throw unexpected(describe(`${issue.path.join('.') || '(root)'}: ${issue.message}`))
      },
      unexpected,
    }
  }

  return {request}
}

function joinUrl(base: string, path: string): string {
  if (path === '') return base
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '')
}

/** The OS-level reason (ECONNREFUSED, ENOTFOUND…) without the URL undici may put in its message. */
function networkReason(error: unknown): string {
  const cause = (error as {cause?: {code?: string}})?.cause
  if (cause && typeof cause.code === 'string') return cause.code
  return error instanceof Error ? error.name : 'unknown'
}
