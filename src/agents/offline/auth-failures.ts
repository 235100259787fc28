import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import {problemLineChange} from './load-signals.js'

/** A burst of failed logins: when it started, how sharply, and what the samples show. */
export interface AuthFailureBurst {
  at: string
  factor: number
  /** Failed attempts logged (all of the matching templates' lines). */
  count: number
  evidenceIds: string[]
  /** The client IPs with the most failed lines (counted over the whole log), when the logs carry IPs. */
  topIps: string[]
  /** Client addresses seen in the sampled failure lines (the digest keeps three samples per template). */
  sampleIps: string[]
}

const AUTH_FAILURE = /login failed|failed login|invalid (password|credentials)|failed password|bad credentials|account locked|authentication failure|unauthori[sz]ed/i
const AUTH_ENDPOINT = /login|signin|sign-in|auth|session|token/i
const IP = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g
/** Fewer failed attempts than this is background noise, not an attack. */
const MIN_FAILURES = 20

/**
 * Failed authentication, as failure templates (warnings or errors, but not internal errors such as
 * a 500 with "authentication failed unexpectedly") or as 401/403 answers on login-like endpoints
 * (an access log says nothing else), and the change-point of problem lines per minute they drive.
 */
export function authFailureBurst(bundle: EvidenceBundle): AuthFailureBurst | null {
  const templates = (bundle.logs?.templates ?? []).filter(
    (t) => AUTH_FAILURE.test(t.template) && (t.levels.includes('warn') || t.levels.includes('error')) && !/unexpected|internal|exception/i.test(t.template),
  )
  const endpoints = (bundle.logs?.endpoints ?? []).filter((e) => AUTH_ENDPOINT.test(e.path))
  const denied = endpoints.filter((e) => (e.denied ?? 0) > 0)
  // Both can describe the same lines (a JSON request log saying "login failed" with status 401).
  const count = Math.max(
    templates.reduce((sum, t) => sum + t.count, 0),
    denied.reduce((sum, e) => sum + (e.denied ?? 0), 0),
  )
  if (count < MIN_FAILURES) return null
  const change = problemLineChange(bundle)
  if (change === null) return null
  return {
    at: change.at,
    factor: change.factor,
    count,
    evidenceIds: [...templates.map((t) => t.evidenceId), ...(denied.length > 0 ? denied : endpoints).slice(0, 2).map((e) => e.evidenceId)],
    // Masked addresses (--redact-ips) say nothing about where failures come from.
    topIps: (bundle.logs?.clients.topIps ?? []).filter((ip) => ip.failures > 0 && !ip.ip.startsWith('[REDACTED')).map((ip) => ip.ip),
    sampleIps: [...new Set(templates.flatMap((t) => t.samples.flatMap((s) => s.match(IP) ?? [])))],
  }
}
