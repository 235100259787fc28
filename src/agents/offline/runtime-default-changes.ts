import type {DependencyChange} from '../../evidence/git/dependency-changes.js'
import type {FailureCondition} from './failure-conditions.js'
import type {FailureClass} from './signatures/failure-classes.js'

/**
 * Defaults a runtime changed between versions that break deployments which never set them: an
 * upgrade across one of these, followed by the failures it is known for, is tied to them although
 * no line names the runtime. One entry per documented change.
 */
export interface RuntimeDefaultChange {
  id: string
  /** The runtime as manifests name it (a base image, .nvmrc, .tool-versions). */
  runtime: RegExp
  /** The major.minor from which the new default applies. */
  since: readonly [number, number]
  failures: readonly FailureClass[]
  /** Why, in a few words, for the reasons of the correlation. */
  says: string
  source: string
}

export const RUNTIME_DEFAULT_CHANGES: readonly RuntimeDefaultChange[] = [
  {
    id: 'node-keep-alive-timeout',
    runtime: /^node$/,
    since: [8, 0],
    failures: ['edge-5xx', 'connection-reset'],
    says: 'Node 8 closes idle keep-alive connections after 5 s (server.keepAliveTimeout), shorter than a load balancer’s idle timeout, so the balancer reuses connections the server just closed',
    source: 'https://nodejs.org/api/http.html#serverkeepalivetimeout',
  },
  {
    id: 'node-client-keep-alive',
    runtime: /^node$/,
    since: [19, 0],
    failures: ['connection-reset'],
    says: 'Node 19 keeps client connections alive by default (http.globalAgent keepAlive), so requests reuse sockets servers have closed',
    source: 'https://nodejs.org/en/blog/announcements/v19-release-announce#http-s-1-1-keepalive-by-default',
  },
  {
    id: 'node-request-timeout',
    runtime: /^node$/,
    since: [18, 0],
    failures: ['edge-5xx', 'connection-reset', 'timeout'],
    says: 'Node 18 ends requests still running after 300 s (server.requestTimeout) where it waited forever before',
    source: 'https://nodejs.org/api/http.html#serverrequesttimeout',
  },
]

/** A runtime version's major and minor (`8.11-alpine` → [8, 11], `lts-alpine` → null). */
function majorMinor(version: string | null): [number, number] | null {
  const m = /^v?(\d+)(?:\.(\d+))?/.exec(version ?? '')
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : null
}

const atLeast = (v: readonly [number, number], min: readonly [number, number]) => v[0] > min[0] || (v[0] === min[0] && v[1] >= min[1])

/** The documented default changes an upgrade crossed whose failures the incident shows. */
export function runtimeDefaultLinks(changes: readonly DependencyChange[], conditions: readonly FailureCondition[]): Array<{entry: RuntimeDefaultChange; condition: FailureCondition}> {
  const links: Array<{entry: RuntimeDefaultChange; condition: FailureCondition}> = []
  for (const change of changes) {
    const from = majorMinor(change.from)
    const to = majorMinor(change.to)
    if (!from || !to) continue
    for (const entry of RUNTIME_DEFAULT_CHANGES) {
      if (!entry.runtime.test(change.package) || atLeast(from, entry.since) || !atLeast(to, entry.since)) continue
      const condition = conditions.find((c) => c.fresh && c.hits.some((hit) => entry.failures.includes(hit.signature.failure)))
      if (condition) links.push({entry, condition})
    }
  }
  return links
}
