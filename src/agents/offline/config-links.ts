import type {KeyChange} from '../../evidence/git/config-changes.js'
import {durationMs, magnitude} from './config-values.js'
import {keyWords, ruleForKey} from './config-key-rules.js'
import type {FailureCondition} from './failure-conditions.js'
import type {FailureClass} from './signatures/failure-classes.js'

/** A changed configuration key that can explain a failure condition, and how strongly. */
export interface ConfigLink {
  change: KeyChange
  condition: FailureCondition
  /** 1: the failures show the new value itself (elapsed ≈ the new timeout, the new host). */
  weight: number
  reason: string
}

/** How close an observed duration must be to a new timeout to be that timeout firing. */
const DURATION_TOLERANCE = 0.15
const DURATION_SLACK_MS = 250

/**
 * Links between a change's key changes and the incident's failure conditions: by the kind of key
 * (a timeout, a pool size, an endpoint …) and the direction it moved, made strong when the failures
 * show the new value (calls failing after the new timeout, errors naming the new host, a missing
 * variable the change removed).
 */
export function linkConfigChanges(changes: readonly KeyChange[], conditions: readonly FailureCondition[]): ConfigLink[] {
  const links: ConfigLink[] = []
  for (const change of changes) {
    for (const condition of conditions.filter((c) => c.fresh)) {
      const link = linkOne(change, condition)
      if (link) links.push(link)
    }
  }
  return links.sort((a, b) => b.weight - a.weight)
}

function linkOne(change: KeyChange, condition: FailureCondition): ConfigLink | null {
  const classes = new Set<FailureClass>(condition.hits.map((hit) => hit.signature.failure))
  const moved = `${change.key} ${change.from ?? '(unset)'} → ${change.to ?? '(removed)'}`
  if (classes.has('missing-config') && (change.to === null || change.to === '')) {
    const variables = condition.hits.flatMap((hit) => hit.extracted.variable ?? []).map((v) => v.toLowerCase())
    const name = lastName(change.key).toLowerCase()
    const named = variables.includes(name)
    return {change, condition, weight: named ? 1 : 0.6, reason: named ? `it removed ${change.key}, the setting the failing process asks for` : `it removed ${change.key}`}
  }
  const rule = ruleForKey(change.key)
  if (rule === null) return null
  const direction = directionOf(change)
  const weight = Math.max(0, ...rule.links.filter((link) => classes.has(link.failure)).map((link) => link[direction]))
  if (weight === 0) return null
  if (rule.duration && change.to !== null) {
    const observed = observedDurations(condition)
    const candidates = durationMs(change.to, keyWords(change.key))
    const hit = observed.find((ms) => candidates.some((value) => Math.abs(ms - value) <= Math.max(value * DURATION_TOLERANCE, DURATION_SLACK_MS)))
    if (hit !== undefined) return {change, condition, weight: 1, reason: `it changed ${moved}, and the failing calls gave up after ${Math.round(hit)} ms`}
  }
  if (rule.endpoint && change.to !== null) {
    const host = hostIn(change.to)
    if (host !== null && condition.hosts.some((h) => h === host || h.split('.')[0] === host.split('.')[0])) {
      return {change, condition, weight: 1, reason: `it changed ${moved}, the host the errors name`}
    }
  }
  return {change, condition, weight, reason: `it changed ${moved}${direction === 'other' ? '' : direction === 'down' ? ' (lowered)' : ' (raised)'}`}
}

function directionOf(change: KeyChange): 'down' | 'up' | 'other' {
  if (change.from === null || change.to === null) return 'other'
  const from = magnitude(change.from)
  const to = magnitude(change.to)
  if (from === null || to === null || from === to) return 'other'
  return to < from ? 'down' : 'up'
}

/** Timeouts and elapsed times the condition's lines state, in ms. */
function observedDurations(condition: FailureCondition): number[] {
  return condition.hits.flatMap((hit) => [...(hit.extracted.timeout ?? []), ...(hit.extracted.elapsed ?? [])]).flatMap((text) => durationMs(text, ''))
}

/** The setting a key holds: a Kubernetes `env[NAME]` entry's NAME, else its last segment. */
function lastName(key: string): string {
  const env = /env\[([^\]]+)\]/.exec(key) ?? /\[([^\]]+)\]$/.exec(key)
  return env ? env[1] : key.slice(key.lastIndexOf('.') + 1)
}

/** The host in a URL, a DSN, `host:port` or a bare host name. */
function hostIn(value: string): string | null {
  try {
    if (/^[a-z][\w+.-]*:\/\//i.test(value)) return new URL(value).hostname.toLowerCase() || null
  } catch {
    // not a URL: read it as host[:port]
  }
  const match = /^(?:[\w-]+@)?([A-Za-z0-9][\w.-]*)(?::\d+)?(?:\/.*)?$/.exec(value.trim())
  return match ? match[1].toLowerCase() : null
}
