import {setTimeout as sleep} from 'node:timers/promises'

import {maskSecrets} from '../../redact/mask-known-secrets.js'
import {describeAnswerError} from './answer-error.js'
import {BudgetExhausted, type SourceBudget} from './source-budget.js'

/** Credentials of one live source, from the environment or the config file; never saved. */
export interface SourceAuth {
  bearerToken?: string | null
  username?: string | null
  password?: string | null
  /** Elasticsearch API key (the base64 `id:key` form the API key endpoint returns as `encoded`). */
  apiKey?: string | null
  /** Non-secret headers every request carries (Loki's `X-Scope-OrgID`). */
  headers?: Record<string, string>
}

/** `setting`: a local setting is wrong before anything is asked (no kubeconfig, an unknown context). */
export type RequestFailureKind = 'unreachable' | 'timeout' | 'auth' | 'not-found' | 'rejected' | 'server' | 'malformed' | 'setting'

/** A request to a live source that failed; the message is already free of credentials. */
export class SourceRequestError extends Error {
  constructor(
    readonly kind: RequestFailureKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message)
    this.name = 'SourceRequestError'
  }
}

export interface SourceAnswer {
  json: unknown
  /** The body as received (decoded), for saving. */
  text: string
  bytes: number
}

export interface SourceHttp {
  /** The base URL without user, password or query string: fit to print and save. */
  readonly display: string
  /** Every credential value, for masking anything that leaves. */
  readonly secrets: readonly string[]
  get(path: string, params?: Record<string, string | number | undefined>, headers?: Record<string, string>): Promise<SourceAnswer>
  post(path: string, body: unknown): Promise<SourceAnswer>
}

export interface SourceHttpOptions {
  /** Without credentials: those come in `auth`. */
  baseUrl: string
  auth: SourceAuth
  budget: SourceBudget
  fetch?: typeof globalThis.fetch
  /** Per request; the shared deadline still applies. */
  timeoutMs?: number
}

const RETRYABLE = new Set([429, 502, 503, 504])
const MAX_RETRY_WAIT_MS = 2000
const DEFAULT_RETRY_WAIT_MS = 300

/**
 * The HTTP core of the live sources: read-only requests that count against the source's budget
 * (one query each, bytes as they arrive, the shared deadline), one retry of an overloaded or
 * unreachable server when time allows, and failures classified for the limitation that names the
 * setting to fix. Nothing that leaves carries a credential.
 */
export function createSourceHttp(options: SourceHttpOptions): SourceHttp {
  const fetchImpl = options.fetch ?? globalThis.fetch
  const timeoutMs = options.timeoutMs ?? 20_000
  const {budget} = options
  const base = new URL(options.baseUrl)
  const {username, password} = options.auth
  const headers: Record<string, string> = {accept: 'application/json', ...options.auth.headers}
  const secrets = [options.auth.bearerToken, options.auth.apiKey, password].filter((s): s is string => Boolean(s))
  if (options.auth.bearerToken) headers.authorization = `Bearer ${options.auth.bearerToken}`
  else if (options.auth.apiKey) headers.authorization = `ApiKey ${options.auth.apiKey}`
  else if (username) {
    const basic = Buffer.from(`${username}:${password ?? ''}`).toString('base64')
    headers.authorization = `Basic ${basic}`
    secrets.push(basic)
  }
  const display = displayUrl(base)
  const mask = (text: string) => maskSecrets(text, secrets)

  async function send(method: 'GET' | 'POST', url: string, body: string | undefined, extra: Record<string, string> = {}): Promise<SourceAnswer> {
    for (let attempt = 0; ; attempt++) {
      budget.claimQuery()
      const signal = AbortSignal.any([budget.deadline, AbortSignal.timeout(timeoutMs)])
      let response: Response
      try {
        response = await fetchImpl(url, {method, headers: {...headers, ...extra, ...(body === undefined ? {} : {'content-type': 'application/json'})}, body, signal})
      } catch (error) {
        if (budget.deadline.aborted) throw new BudgetExhausted('time')
        if (signal.aborted) throw new SourceRequestError('timeout', `no answer within ${Math.round(timeoutMs / 1000)} s`)
        if (attempt === 0 && (await pause(DEFAULT_RETRY_WAIT_MS))) continue
        throw new SourceRequestError('unreachable', `unreachable (${networkReason(error)})`)
      }
      const text = await readCapped(response, signal)
      if (response.ok) {
        let json: unknown
        try {
          json = JSON.parse(text)
        } catch {
          throw new SourceRequestError('malformed', `answered ${response.status} with a body that is not JSON`, response.status)
        }
        return {json, text, bytes: Buffer.byteLength(text)}
      }
      if (attempt === 0 && RETRYABLE.has(response.status) && (await pause(retryWait(response.headers)))) continue
      const reason = mask(describeAnswerError(text) ?? response.statusText)
      throw new SourceRequestError(kindOf(response.status), `${response.status}${reason ? ` ${reason}` : ''}`, response.status)
    }
  }

  /** Reads the body, counting bytes against the budget as they arrive. */
  async function readCapped(response: Response, signal: AbortSignal): Promise<string> {
    if (!response.body) return ''
    const reader = response.body.getReader()
    const chunks: Uint8Array[] = []
    try {
      for (;;) {
        const {done, value} = await reader.read()
        if (done) break
        budget.addBytes(value.byteLength)
        chunks.push(value)
      }
    } catch (error) {
      await reader.cancel().catch(() => undefined)
      if (error instanceof BudgetExhausted) throw error
      if (budget.deadline.aborted) throw new BudgetExhausted('time')
      if (signal.aborted) throw new SourceRequestError('timeout', `answer not complete within ${Math.round(timeoutMs / 1000)} s`)
      throw new SourceRequestError('unreachable', `connection lost while reading the answer (${networkReason(error)})`)
    }
    return Buffer.concat(chunks).toString('utf8')
  }

  /** Waits before the one retry; false when the deadline would pass first. */
  async function pause(ms: number): Promise<boolean> {
    try {
      await sleep(ms, undefined, {signal: budget.deadline})
      return true
    } catch {
      return false
    }
  }

  return {
    display,
    secrets,
    get: (path, params = {}, extra = {}) => send('GET', buildUrl(base, path, params), undefined, extra),
    post: (path, body) => send('POST', buildUrl(base, path, {}), JSON.stringify(body)),
  }
}

function kindOf(status: number): RequestFailureKind {
  if (status === 401 || status === 403) return 'auth'
  if (status === 404) return 'not-found'
  if (status >= 500) return 'server'
  return 'rejected'
}

function retryWait(headers: Headers): number {
  const seconds = Number(headers.get('retry-after'))
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_WAIT_MS)
  return DEFAULT_RETRY_WAIT_MS
}

function buildUrl(base: URL, path: string, params: Record<string, string | number | undefined>): string {
  const url = new URL(base.href)
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, String(value))
  return url.href
}

/** A source URL fit to print or save: no user, password, query string or fragment. */
export function displayUrl(url: URL | string): string {
  try {
    const parsed = new URL(typeof url === 'string' ? url : url.href)
    parsed.username = ''
    parsed.password = ''
    parsed.search = ''
    parsed.hash = ''
    return parsed.href.replace(/\/$/, '')
  } catch {
    return 'the source URL'
  }
}

/** The OS-level reason (ECONNREFUSED, ENOTFOUND …, or fetch's own "bad port") without the URL undici may quote. */
function networkReason(error: unknown): string {
  const cause = (error as {cause?: {code?: unknown; message?: unknown}})?.cause
  if (cause && typeof cause.code === 'string') return cause.code
  if (cause && typeof cause.message === 'string' && cause.message.length <= 40 && !cause.message.includes('://')) return cause.message
  return error instanceof Error ? error.name : 'unknown'
}
