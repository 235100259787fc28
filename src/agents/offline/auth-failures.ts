import {clock, clockSpan} from '../../render/sentences/sentence.js'
import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import {DEFAULT_SEVERITY_MARKERS} from '../../evidence/logs/content-severity.js'
import type {LogTemplate} from '../../evidence/logs/log-digest.js'
import {failedLoginStream, failedLoginTemplates, type FailedLoginTiming, MIN_FAILED_LOGIN_LINES, problemLineChange} from '../../evidence/logs/failed-login-stream.js'

/** A burst of failed logins: when it started, how sharply, and what the samples show. */
export interface AuthFailureBurst {
  at: string
  /** Problem lines per minute after / before the change; Infinity for an attack under way since the logs begin. */
  factor: number
  /** True when failed logins were under way from the first stretch of the logs, with no quieter baseline to compare with. */
  sustained: boolean
  /** Weight of the evidence: a sharp rise (×3 or more), or a sustained stream concentrated on a few sources. */
  strong: boolean
  /** How it went, for prose: "jumped ×12 at 09:11 UTC", "ran throughout the logs, from 06:55 to 11:04 UTC", "were under way when the logs begin (06:55 UTC) and stopped at 08:10 UTC". */
  trend: string
  /** Failed attempts logged, each once (see attemptTemplates). */
  count: number
  /** Lines about the same attempts that were not counted again: PAM records beside sshd's own, "Invalid user", summaries. */
  companions: number
  evidenceIds: string[]
  /** The client IPs with the most failed logins (else failed lines), counted over the whole log, when the logs carry IPs. */
  topIps: string[]
  /** The share of failed logins (else failed lines) the top three IPs account for, when the logs carry IPs. */
  topIpShare: number | null
  /** What topIps are ranked by: failed logins, each once, or failed lines of any kind (logs that name no login's address). */
  rankedBy: 'logins' | 'lines'
  /** Client addresses seen in the sampled failure lines (the digest keeps three samples per template). */
  sampleIps: string[]
}

const AUTH_ENDPOINT = /login|signin|sign-in|auth|session|token/i
const IP = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g
/** A sustained stream counts as an attack when this many attempts come from the top three sources… */
const CONCENTRATED_SHARE = 0.5
/** …or when it is this large whatever its sources. */
const SUSTAINED_STRONG_COUNT = 500

/**
 * Failed authentication, as failure templates (warnings or errors, but not internal errors such as
 * a 500 with "authentication failed unexpectedly") or as 401/403 answers on login-like endpoints
 * (an access log says nothing else), and the change-point of problem lines per minute they drive.
 * Logs that begin in the middle of an attack have no change-point: failed logins present from the
 * first minutes to the last are a sustained attack, weighed by how concentrated their sources are.
 */
export function authFailureBurst(bundle: EvidenceBundle): AuthFailureBurst | null {
  const templates = failedLoginTemplates(bundle.logs?.templates ?? [])
  const endpoints = (bundle.logs?.endpoints ?? []).filter((e) => AUTH_ENDPOINT.test(e.path))
  const denied = endpoints.filter((e) => (e.denied ?? 0) > 0)
  const counted = attemptTemplates(templates)
  const attempts = counted.reduce((sum, t) => sum + t.count, 0)
  // Both can describe the same lines (a JSON request log saying "login failed" with status 401).
  const count = Math.max(
    attempts,
    denied.reduce((sum, e) => sum + (e.denied ?? 0), 0),
  )
  if (count < MIN_FAILED_LOGIN_LINES) return null
  const {topIps, topIpShare, rankedBy} = concentration(bundle)
  const common = {
    count,
    companions: templates.reduce((sum, t) => sum + t.count, 0) - attempts,
    evidenceIds: [...counted.map((t) => t.evidenceId), ...templates.filter((t) => !counted.includes(t)).map((t) => t.evidenceId), ...(denied.length > 0 ? denied : endpoints).slice(0, 2).map((e) => e.evidenceId)],
    topIps,
    topIpShare,
    rankedBy,
    sampleIps: [...new Set(templates.flatMap((t) => t.samples.flatMap((s) => s.match(IP) ?? [])))],
  }
  // The same reading of the stream as the onset and the incident's arc (failed-login-stream.ts).
  const timing = failedLoginStream(bundle.logs)?.timing ?? riseOnly(bundle)
  if (timing === null) return null
  if (timing.kind === 'rise') {
    const factor = timing.factor
    return {...common, at: timing.at, factor, sustained: false, strong: factor >= 3, trend: `${factor >= 3 ? 'jumped' : 'rose'} ×${Number.isFinite(factor) ? factor.toFixed(factor >= 3 ? 0 : 1) : '∞'} at ${clock(timing.at)}`}
  }
  const strong = (topIpShare !== null && topIpShare >= CONCENTRATED_SHARE) || count >= SUSTAINED_STRONG_COUNT
  return {...common, at: timing.from, factor: Number.POSITIVE_INFINITY, sustained: true, strong, trend: timing.toEnd ? `ran throughout the logs, from ${clockSpan(timing.from, timing.to).replace('–', ' to ')}` : `were under way when the logs begin (${clock(timing.from)}) and stopped at ${clock(timing.to, timing.from)}`}
}

/** Denied answers counted on login endpoints without failed-login lines to time them: only a rise of problem lines says when. */
function riseOnly(bundle: EvidenceBundle): FailedLoginTiming | null {
  const change = problemLineChange(bundle.logs)
  return change ? {kind: 'rise', ...change} : null
}

/**
 * The templates whose lines are failed attempts, one line per attempt: a program's own line
 * (`Failed password for …`, `login failed`); PAM's `authentication failure;` only for a program
 * that writes no line of its own (sshd writes both for each attempt); never the companions
 * ("Invalid user", break-in warnings, "Too many authentication failures", "message repeated").
 */
function attemptTemplates(templates: LogTemplate[]): LogTemplate[] {
  const roles = templates.map((t) => ({template: t, line: t.samples[0] ?? t.template, login: DEFAULT_SEVERITY_MARKERS.markerOf(t.samples[0] ?? t.template)?.login}))
  const ownLinePrograms = new Set(roles.filter((r) => r.login === 'attempt').flatMap((r) => programOf(r.line) ?? []))
  return roles
    .filter((r) => r.login !== 'companion' && !(r.login === 'pam' && ownLinePrograms.has(programOf(r.line) ?? '')))
    .map((r) => r.template)
}

/** The program a syslog line is from: `sshd[24227]:`, and in PAM's lines `pam_unix(sshd:auth)` or `sshd(pam_unix)`. */
function programOf(line: string): string | null {
  return (/\bpam_\w+\(([\w.-]+):/.exec(line) ?? /([\w.-]+)\(pam_\w+\)/.exec(line) ?? /([\w.-]+)\[\d+\]:/.exec(line))?.[1] ?? null
}

/** Where the failures come from: failed logins by address when the logs name them, else failed lines by address. */
function concentration(bundle: EvidenceBundle): Pick<AuthFailureBurst, 'topIps' | 'topIpShare' | 'rankedBy'> {
  const clients = bundle.logs?.clients
  // Masked addresses (--redact-ips) say nothing about where failures come from.
  const unmasked = (ip: string) => !ip.startsWith('[REDACTED')
  const logins = clients?.loginFailures
  if (logins && logins.total > 0) {
    const top = logins.top.filter((entry) => unmasked(entry.ip))
    return {topIps: top.map((entry) => entry.ip), topIpShare: top.length > 0 ? top.slice(0, 3).reduce((sum, entry) => sum + entry.attempts, 0) / logins.total : null, rankedBy: 'logins'}
  }
  const failing = (clients?.topIps ?? []).filter((ip) => ip.failures > 0 && unmasked(ip.ip))
  const failedLines = (bundle.logs?.totals.errors ?? 0) + (bundle.logs?.totals.warnings ?? 0)
  return {topIps: failing.map((ip) => ip.ip), topIpShare: failing.length > 0 && failedLines > 0 ? failing.slice(0, 3).reduce((sum, ip) => sum + ip.failures, 0) / failedLines : null, rankedBy: 'lines'}
}

