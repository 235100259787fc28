import {redactSample} from '../../redact/cap-redacted.js'
import {SecretBlockFilter} from '../../redact/secret-blocks.js'
import {modificationTime} from './analyze-source.js'
import {DEFAULT_LAYOUTS} from './line-layout.js'
import {parseLine} from './line-parsers.js'
import {readFormattedLines} from './read-formatted-lines.js'

/**
 * Re-reads log files for a specialist's question and returns matching lines, redacted and
 * prefixed with `file:line`, capped. The pattern is a regex when it compiles, else plain text;
 * `from`/`to` (ISO) filter by each line's own timestamp (untimestamped lines pass the filter).
 */
export interface LogLineQuery {
  pattern: string
  from?: string
  to?: string
  limit?: number
}

const DEFAULT_LIMIT = 50
const MAX_LIMIT = 500
const MAX_LINE_CHARS = 1000

export async function searchLogLines(sources: string[], query: LogLineQuery, options: {redactIps?: boolean; now?: () => Date} = {}): Promise<string[]> {
  const matcher = compile(query.pattern)
  const from = query.from ? Date.parse(query.from) : Number.NEGATIVE_INFINITY
  const to = query.to ? Date.parse(query.to) : Number.POSITIVE_INFINITY
  const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_LIMIT), MAX_LIMIT)
  const timeFiltered = Number.isFinite(from) || Number.isFinite(to)
  const now = options.now?.() ?? new Date()
  const results: string[] = []
  for (const source of sources) {
    if (results.length >= limit) break
    // The file's own layout, as the analysis read it: an access log's stamps sit in brackets mid-line.
    const reference = await modificationTime(source)
    const context = {time: {referenceMs: reference?.at ?? null, offsetMinutes: 0}, layouts: DEFAULT_LAYOUTS}
    const secretBlocks = new SecretBlockFilter()
    await readFormattedLines(
      source,
      (rawLine, lineNumber, layout) => {
        const line = secretBlocks.filter(rawLine)
        if (line === null || !matcher(line)) return true
        if (timeFiltered) {
          const ts = parseLine(line, layout, context).ts
          if (!Number.isNaN(ts) && (ts < from || ts > to)) return true
        }
        results.push(`${source}:${lineNumber}: ${redactSample(line, MAX_LINE_CHARS, {ips: options.redactIps})}`)
        return results.length < limit
      },
      {now, context},
    )
  }
  return results
}

function compile(pattern: string): (line: string) => boolean {
  try {
    const regex = new RegExp(pattern, 'i')
    return (line) => regex.test(line)
  } catch {
    const needle = pattern.toLowerCase()
    return (line) => line.toLowerCase().includes(needle)
  }
}
