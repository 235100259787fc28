import {UsageError} from '../../errors/errors.js'
import {healthEvidenceId, type EvidenceItem} from '../../incident/evidence-item.js'
import {redact} from '../../redact/redact.js'
import {HealthDigestSchema, type HealthDigest, type HealthProbe} from './health-digest.js'

export interface ProbeHealthOptions {
  timeoutMs?: number
  fetch?: typeof globalThis.fetch
  now?: () => Date
}

export interface ProbeHealthResult {
  digest: HealthDigest
  items: EvidenceItem[]
  limitations: string[]
}

const EXCERPT_CHARS = 300
/** Read no more of a body than this: a health page is small, a misrouted probe may not be. */
const MAX_BODY_BYTES = 16 * 1024

/**
 * GETs each `--health` URL once, in parallel, and records status, latency, a redacted body excerpt
 * or why no answer came (timeout, refused, DNS, reset, TLS). An unreachable service is evidence,
 * not a failure of the tool; a malformed URL is a usage error.
 */
export async function probeHealth(urls: string[], options: ProbeHealthOptions = {}): Promise<ProbeHealthResult> {
  const parsed = urls.map(parseProbeUrl)
  const probes = await Promise.all(parsed.map((url) => probeOne(url, options)))
  const digest = HealthDigestSchema.parse({schemaVersion: 1, probes})
  return {digest, items: probes.map((probe, index) => healthEvidence(probe, index + 1)), limitations: []}
}

function parseProbeUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new UsageError(`--health ${redact(text)} is not a URL`, {suggestions: ['Example: --health https://api.example.com/healthz']})
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--health must be an http(s) URL, not ${url.protocol}`, {suggestions: ['Example: --health https://api.example.com/healthz']})
  }
  return url
}

async function probeOne(url: URL, options: ProbeHealthOptions): Promise<HealthProbe> {
  const fetchImpl = options.fetch ?? globalThis.fetch
  const timeoutMs = options.timeoutMs ?? 5000
  const probedAt = (options.now ?? (() => new Date()))().toISOString()
  const shown = displayUrl(url)
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const signal = AbortSignal.timeout(timeoutMs)
  try {
    const headers: Record<string, string> = {accept: 'application/json, text/plain;q=0.9, */*;q=0.5'}
    // fetch refuses URLs with credentials; a user:password in --health means Basic auth.
    const target = new URL(url)
    if (target.username !== '' || target.password !== '') {
      const credentials = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`
      headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`
      target.username = ''
      target.password = ''
    }
    const response = await fetchImpl(target, {signal, redirect: 'follow', headers})
    const body = await readCapped(response)
    return {
      url: shown,
      probedAt,
      status: response.status,
      ok: response.ok,
      latencyMs: elapsed(),
      contentType: response.headers.get('content-type'),
      bodyExcerpt: body === '' ? null : redact(body.replace(/\s+/g, ' ').trim()).slice(0, EXCERPT_CHARS),
      error: null,
      errorDetail: null,
    }
  } catch (error) {
    const {kind, detail} = classifyFetchError(error, signal)
    return {url: shown, probedAt, status: null, ok: false, latencyMs: elapsed(), contentType: null, bodyExcerpt: null, error: kind, errorDetail: detail}
  }
}

async function readCapped(response: Response): Promise<string> {
  if (response.body === null) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  while (size < MAX_BODY_BYTES) {
    const {done, value} = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.byteLength
  }
  await reader.cancel().catch(() => {})
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8')
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/i

function classifyFetchError(error: unknown, signal: AbortSignal): {kind: NonNullable<HealthProbe['error']>; detail: string} {
  if (signal.aborted || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))) {
    return {kind: 'timeout', detail: 'no complete answer before the timeout'}
  }
  const cause = (error as {cause?: {code?: string; message?: string}}).cause
  const code = cause?.code ?? (error as {code?: string}).code ?? ''
  const detail = code || cause?.message || (error instanceof Error ? error.message : String(error))
  if (code === 'ECONNREFUSED') return {kind: 'refused', detail}
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return {kind: 'dns', detail}
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') return {kind: 'reset', detail}
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return {kind: 'timeout', detail}
  if (TLS_CODES.test(code)) return {kind: 'tls', detail}
  return {kind: 'other', detail: redact(detail).slice(0, 200)}
}

/** The URL as saved and printed: no user, password or query string (tokens often ride there). */
function displayUrl(url: URL): string {
  const copy = new URL(url)
  copy.username = ''
  copy.password = ''
  copy.search = ''
  copy.hash = ''
  return copy.toString()
}

function healthEvidence(probe: HealthProbe, n: number): EvidenceItem {
  const kind = probe.error !== null ? 'unreachable' : probe.ok ? 'healthy' : 'unhealthy'
  const outcome =
    probe.error !== null
      ? `${probe.error} (${probe.errorDetail}) after ${probe.latencyMs} ms`
      : `${probe.status} in ${probe.latencyMs} ms${probe.bodyExcerpt === null ? '' : `: ${probe.bodyExcerpt.slice(0, 120)}`}`
  return {
    id: healthEvidenceId(n),
    source: 'health',
    kind,
    summary: `GET ${probe.url} → ${outcome}`,
    at: probe.probedAt,
    ref: {url: probe.url},
    data: {...probe},
  }
}
