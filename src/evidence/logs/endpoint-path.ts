/**
 * Normalises a request path so one endpoint is one row: query string dropped, id-like segments
 * (numbers, UUIDs, long hex, tokens mixing letters and digits) become `:id`.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HEX = /^[0-9a-f]{8,}$/i
const MIXED_ID = /^(?=(?:.*\d){2})[A-Za-z0-9_-]{6,}$/

export function normalizeEndpointPath(rawPath: string): string {
  let path = rawPath
  const scheme = path.indexOf('://')
  if (scheme >= 0) {
    const slash = path.indexOf('/', scheme + 3)
    path = slash >= 0 ? path.slice(slash) : '/'
  }
  const query = path.search(/[?#;]/)
  if (query >= 0) path = path.slice(0, query)
  if (path.length > 200) path = path.slice(0, 200)
  // Most paths of a busy endpoint hold no id at all; skip the per-segment work for them.
  if (!/\d/.test(path) && !/\/[a-f]{8,}(?:\/|$)/i.test(path)) return path
  return path
    .split('/')
    .map((segment) => (isIdSegment(segment) ? ':id' : segment))
    .join('/')
}

function isIdSegment(segment: string): boolean {
  // Every id shape we mask holds a digit, except all-letter hex, which needs 8+ chars; test cheaply first.
  if (!/\d/.test(segment) && segment.length < 8) return false
  return /^\d+$/.test(segment) || UUID.test(segment) || HEX.test(segment) || MIXED_ID.test(segment)
}
