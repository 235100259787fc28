import {detectChangePoint} from '../metrics/change-point.js'
import type {LogDigest, LogTemplate} from './log-digest.js'

// Failed logins in the words of web apps, sshd and PAM: "Failed password for", "Invalid user",
// "POSSIBLE BREAK-IN ATTEMPT", "authentication failure;", "Too many authentication failures".
const AUTH_FAILURE =
  /login failed|failed login|invalid (password|credentials)|failed (password|publickey|none|keyboard-interactive)|bad credentials|account locked|authentication failures?\b|authentication failed|unauthori[sz]ed|invalid user|break-in attempt/i
// An access log says nothing but the status: a 401/403 answer to a login-like request line.
const DENIED_LOGIN_REQUEST = /"(?:GET|POST|PUT|PATCH)\s+\S*(?:login|signin|sign-in|auth|session|token)\S*\s+HTTP\/[\d.]+"\s+40[13]\b/i
/** Fewer failed-login lines than this is background noise, not an attack. */
export const MIN_FAILED_LOGIN_LINES = 20

/** A change of problem lines per minute: when, and after / before (Infinity when there were none before). */
export interface ProblemLineChange {
  at: string
  factor: number
}

/** How the failed logins went: rising at a moment, or under way from the first stretch of the logs (to their end, or stopping before it). */
export type FailedLoginTiming = {kind: 'rise'; at: string; factor: number} | {kind: 'sustained'; from: string; to: string; toEnd: boolean}

/** The failed logins of the logs: their templates, when they began and ended, and how they went. */
export interface FailedLoginStream {
  templates: LogTemplate[]
  lines: number
  first: string
  last: string
  timing: FailedLoginTiming | null
}

/**
 * Failure templates (warnings or errors) that are failed logins, but not internal errors such as a
 * 500 with "authentication failed unexpectedly".
 */
export function failedLoginTemplates(templates: readonly LogTemplate[]): LogTemplate[] {
  return templates.filter(
    (t) => (AUTH_FAILURE.test(t.template) || DENIED_LOGIN_REQUEST.test(t.samples[0] ?? t.template)) && (t.levels.includes('warn') || t.levels.includes('error')) && !/unexpected|internal|exception/i.test(t.template),
  )
}

/** The change-point of warnings plus errors per log bucket (an auth-failure burst is often only warnings). */
export function problemLineChange(logs: LogDigest | null): ProblemLineChange | null {
  const cp = detectChangePoint((logs?.buckets ?? []).map((b) => [Date.parse(b.t), b.warn + b.error]))
  if (!cp || cp.direction !== 'up') return null
  return {at: cp.at, factor: cp.before > 0 ? cp.after / cp.before : Number.POSITIVE_INFINITY}
}

/**
 * The failed logins of the logs and how they went: a rise at the change-point of problem lines, or,
 * in logs that begin in the middle of an attack (no rise), a sustained stream from the first tenth
 * of the time range. Null with fewer than MIN_FAILED_LOGIN_LINES lines. One
 * reading for every reader: the security finding, the onset and the incident's arc.
 */
export function failedLoginStream(logs: LogDigest | null): FailedLoginStream | null {
  if (!logs) return null
  const templates = failedLoginTemplates(logs.templates)
  const lines = templates.reduce((sum, t) => sum + t.count, 0)
  const firsts = templates.flatMap((t) => t.firstSeen ?? []).sort()
  const lasts = templates.flatMap((t) => t.lastSeen ?? []).sort()
  if (lines < MIN_FAILED_LOGIN_LINES || firsts.length === 0 || lasts.length === 0) return null
  const first = firsts[0]
  const last = lasts.at(-1)!
  const change = problemLineChange(logs)
  const timing: FailedLoginTiming | null = change ? {kind: 'rise', at: change.at, factor: change.factor} : sustained(logs, first, last) ? {kind: 'sustained', from: first, to: last, toEnd: toEnd(logs, last)} : null
  return {templates, lines, first, last, timing}
}

/**
 * True when failed logins start in the first tenth of the logs' time range and go on over at least
 * a third of it: an attack under way when the logs begin (whether it lasts to their end or stops),
 * not a handful of failures in one corner.
 */
function sustained(logs: LogDigest, first: string, last: string): boolean {
  const range = logs.timeRange
  if (!range) return false
  const start = Date.parse(range.from)
  const length = Date.parse(range.to) - start
  if (length <= 0) return false
  return Date.parse(first) - start <= length / 10 && Date.parse(last) - Date.parse(first) >= length / 3
}

/** True when the last failed login falls in the final tenth of the logs' time range. */
function toEnd(logs: LogDigest, last: string): boolean {
  const range = logs.timeRange!
  return Date.parse(range.to) - Date.parse(last) <= (Date.parse(range.to) - Date.parse(range.from)) / 10
}

/** The start of an attack already under way when the logs begin (a sustained stream), else null. */
export function attackUnderWayAtStart(logs: LogDigest | null): string | null {
  const stream = failedLoginStream(logs)
  return stream?.timing?.kind === 'sustained' ? stream.timing.from : null
}
