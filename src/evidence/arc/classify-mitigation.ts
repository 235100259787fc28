import type {MitigationKind} from '../../incident/incident-arc.js'
import type {DeployEvent} from '../deploys/deploy-event.js'

const ROLLBACK_WORDS = /\b(roll(?:ed|ing)?[ -]?back|revert(?:ed|ing|s)?|downgrade[sd]?)\b/i

/**
 * What kind of change a deploy event after the onset was: a flag flip, a config change, a
 * rollback (its text says so, or it redeploys a version or commit that ran before, or its version
 * is lower than the one it replaced), otherwise a forward change — a new version — even when it
 * undoes what the cause did (a migration rolled forward).
 */
export function classifyDeploy(event: DeployEvent, earlier: readonly DeployEvent[]): MitigationKind {
  if (event.kind === 'feature-flag') return 'flag-flip'
  if (event.kind === 'config') return 'config-change'
  if (ROLLBACK_WORDS.test(event.description ?? '')) return 'rollback'
  const sameService = earlier.filter((other) => other.kind === 'deploy' && other.service === event.service && other.time < event.time)
  if (event.sha && sameService.some((other) => other.sha === event.sha)) return 'rollback'
  if (event.version && sameService.some((other) => other.version === event.version)) return 'rollback'
  const previous = sameService.at(-1)
  if (event.version && previous?.version && compareVersions(event.version, previous.version) < 0) return 'rollback'
  return 'forward-change'
}

/** A commit after the onset, without a deploy event: a revert by its subject, else a forward change. */
export function classifyCommit(subject: string): MitigationKind {
  return /^revert\b/i.test(subject) || ROLLBACK_WORDS.test(subject) ? 'rollback' : 'forward-change'
}

/**
 * Dotted numeric versions compared part by part (`2.14.3` > `2.14.1`), after the name both share
 * (`release-42` > `release-41`, `ghcr.io/acme/api:1.10` > `ghcr.io/acme/api:1.9`); other text
 * compares as equal.
 */
export function compareVersions(a: string, b: string): number {
  const shared = sharedName(a, b)
  const parts = (v: string) => v.slice(shared).replace(/^v/i, '').split(/[.+-]/).map((part) => Number.parseInt(part, 10))
  const [pa, pb] = [parts(a), parts(b)]
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const [x, y] = [pa[i] ?? 0, pb[i] ?? 0]
    if (Number.isNaN(x) || Number.isNaN(y)) return 0
    if (x !== y) return x - y
  }
  return 0
}

/** Length of the text both start with, up to the last separator before their first digit. */
function sharedName(a: string, b: string): number {
  let length = 0
  while (length < a.length && a[length] === b[length] && !/\d/.test(a[length])) length++
  const cut = Math.max(a.lastIndexOf('-', length - 1), a.lastIndexOf(':', length - 1), a.lastIndexOf('/', length - 1), a.lastIndexOf('_', length - 1))
  return cut + 1
}

export const MITIGATION_WORDS: Readonly<Record<MitigationKind, string>> = {
  rollback: 'a rollback',
  'forward-change': 'a forward change, not a rollback',
  'flag-flip': 'a feature-flag change',
  'config-change': 'a configuration change',
}
