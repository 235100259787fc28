import {setTimeout as sleepFor} from 'node:timers/promises'

import type {z} from 'zod'

import {DeliveryError, type DeliveryOutcome, UnexpectedAnswerError} from './delivery-error.js'
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
  /**
   * Whether sending it twice does no harm, so the client may resend it after a timeout, a reset or
   * a 5xx. Defaults to true for GET and false otherwise: a POST is never resent here (the outbox's
   * delivery policy decides, after looking for the earlier attempt where the vendor allows).
   */
  idempotent?: boolean
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
  unexpected(text: string): UnexpectedAnswerError
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>
}

const REQUEST_ID_HEADERS = ['x-request-id', 'x-slack-req-id', 'x-arequestid', 'request-id']

/** Connection failures that happen before any byte of the request is sent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])

const defaultSleep: Sleep = async (ms, signal) => {
  await sleepFor(ms, undefined, {signal})
}

/**
 * The one HTTP core every integration uses: a timeout per attempt; for idempotent requests only,
 * retries on 408/429/5xx and network failures with the server's Retry-After or jittered backoff;
 * and `DeliveryError`s that say whether the request may have arrived, with messages that never
 * contain a secret.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const fetchImpl = options.fetch ?? globalThis.fetch
  const timeoutMs = options.timeoutMs ?? 10_000
  const maxRetries = options.maxRetries ?? 2
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random
  const now = options.now ?? (() => new Date())
  const secrets = options.secrets ?? []
  const fail = (message: string, extra: ConstructorParameters<typeof DeliveryError>[2]) => new DeliveryError(options.service, maskSecrets(message, secrets), extra)

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const url = req.url ?? joinUrl(options.baseUrl, req.path ?? '')
    const headers: Record<string, string> = {...options.headers, ...req.headers}
    if (req.json !== undefined) headers['content-type'] ??= 'application/json'
    if (req.idempotencyKey !== undefined) headers['idempotency-key'] = req.idempotencyKey
    const body = req.json === undefined ? undefined : JSON.stringify(req.json)

    const idempotent = req.idempotent ?? req.method === 'GET'
    for (let retriesDone = 0; ; retriesDone++) {
      const canRetry = idempotent && retriesDone < maxRetries
      let response: Response
      let text: string
      const attemptSignal = req.signal ? AbortSignal.any([req.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs)
      try {
        response = await fetchImpl(url, {method: req.method, headers, body, signal: attemptSignal})
        text = await response.text()
      } catch (error) {
        // No `cause` on these errors: undici's and JSON's messages may quote the URL or the body, which can hold secrets.
        if (req.signal?.aborted) throw fail('request cancelled', {outcome: 'unknown'})
        const code = networkReason(error)
        const outcome: DeliveryOutcome = !attemptSignal.aborted && NOT_SENT_CODES.has(code) ? 'not-sent' : 'unknown'
        const reason = attemptSignal.aborted ? `no answer within ${timeoutMs} ms` : `network error (${code})`
        if (!canRetry) throw fail(reason, {outcome})
        await pause(backoffDelayMs(retriesDone, random), req.signal)
        continue
      }
      const requestId = REQUEST_ID_HEADERS.map((name) => response.headers.get(name)).find((value) => value) ?? null
      if (response.ok || req.acceptStatuses?.includes(response.status)) return okResponse(response, text, requestId)

      const asked = serverRequestedDelayMs(response.headers, now())
      if (isRetryableStatus(response.status) && canRetry && (asked === null || asked <= MAX_SERVER_DELAY_MS)) {
        await pause(asked ?? backoffDelayMs(retriesDone, random), req.signal)
        continue
      }
      const code = describeFailureBody(text)
      const setting = options.settingFor?.(response.status, code) ?? null
      throw fail(failureMessage(response.status, code || null, setting), {
        status: response.status,
        requestId,
        // A 5xx may come after the vendor acted on the body; a 4xx says it did not.
        outcome: response.status >= 500 ? 'unknown' : 'refused',
        retryAfterMs: asked,
        code,
      })
    }
  }

  async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await sleep(ms, signal)
    } catch {
      throw fail('request cancelled', {outcome: 'unknown'})
    }
  }

  function okResponse(response: Response, text: string, requestId: string | null): HttpResponse {
    const {status} = response
    const unexpected = (message: string) => new UnexpectedAnswerError(options.service, maskSecrets(`${status} ${message}`, secrets), {status, requestId})
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
