import type {EvidenceBundle} from '../evidence/evidence-bundle.js'
import {commitDiff} from '../evidence/git/commit-diff.js'
import {searchLogLines} from '../evidence/logs/search-log-lines.js'
import {metricSlice} from '../evidence/metrics/metric-slice.js'
import type {Incident} from '../incident/incident.js'
import {capRedacted} from '../redact/cap-redacted.js'
import type {EvidenceTools} from './specialist-input.js'

/** No single tool answer may be longer than this (a model's context is not a log viewer). */
export const MAX_TOOL_CHARS = 12_000
const MAX_LOG_MATCHES = 200
const MAX_DIFF_BYTES = 20_000
const MAX_LISTED_ITEMS = 100

/**
 * The bounded ways a specialist digs deeper than its digest, over the incident's own inputs:
 * every answer is redacted and capped, and a question that cannot be answered (no repository,
 * logs read from stdin) gets a sentence saying why rather than an exception.
 */
export function createEvidenceTools(bundle: EvidenceBundle, inputs: Incident['inputs']): EvidenceTools {
  const logFiles = inputs.logs.filter((source) => source !== '-')
  const stdinNote = inputs.logs.includes('-') ? 'Logs read from stdin (-) were consumed once and cannot be searched again.' : null
  return {
    async searchLogs(query) {
      if (logFiles.length === 0) return stdinNote ?? 'No log files were given (--logs), so there is nothing to search.'
      const limit = Math.min(Math.max(1, query.limit ?? 50), MAX_LOG_MATCHES)
      const lines = await searchLogLines(logFiles, {...query, limit}, {redactIps: inputs.redactIps})
      const header = lines.length === 0 ? `No lines match /${query.pattern}/.` : `${lines.length}${lines.length === limit ? '+' : ''} matching line(s):`
      return cap([header, ...lines, ...(stdinNote ? [stdinNote] : [])].join('\n'), inputs.redactIps)
    },
    async commitDiff(sha, maxBytes) {
      if (!inputs.repo) return 'No repository was given (--repo), so no commit can be shown.'
      return cap(await commitDiff(inputs.repo, sha, Math.min(Math.max(1, maxBytes), MAX_DIFF_BYTES)), inputs.redactIps)
    },
    async metricSlice(query) {
      const sources = inputs.metrics.filter((source) => !/^https?:/i.test(source))
      if (sources.length === 0) return 'No metric files were given (--metrics), so there is no series to read.'
      return cap(await metricSlice(sources, query.series, query.from, query.to), inputs.redactIps)
    },
    async listEvidence(query) {
      const items = bundle.items.filter((item) => (!query.source || item.source === query.source) && (!query.kind || item.kind === query.kind))
      if (items.length === 0) return `No evidence items${query.source ? ` from ${query.source}` : ''}${query.kind ? ` of kind ${query.kind}` : ''}.`
      const lines = items.slice(0, MAX_LISTED_ITEMS).map((item) => `${item.id} [${item.source}/${item.kind}]${item.at ? ` ${item.at}` : ''}: ${item.summary}`)
      const more = items.length > MAX_LISTED_ITEMS ? [`… and ${items.length - MAX_LISTED_ITEMS} more; filter by source or kind.`] : []
      return cap([...lines, ...more].join('\n'), inputs.redactIps)
    },
  }
}

const cap = (text: string, ips: boolean): string => capRedacted(text, MAX_TOOL_CHARS, {ips})
