import {TOKEN_CLASSES} from './catalogue/token-classes.js'

/**
 * Normalises a request path so one endpoint is one row: scheme and host dropped, query string
 * dropped, id-like segments (numbers, UUIDs, long hex, tokens mixing letters and at least two
 * digits, and ids of the token-class catalogue without digits, like `ord_auxrrbemqm`) become `:id`. One pass over the characters, since it runs on every request line.
 */
const MAX_PATH_CHARS = 200

export function normalizeEndpointPath(rawPath: string): string {
  let start = 0
  const scheme = rawPath.indexOf('://')
  if (scheme >= 0) {
    const slash = rawPath.indexOf('/', scheme + 3)
    if (slash < 0) return '/'
    start = slash
  }
  let end = rawPath.length
  for (let i = start; i < end; i++) {
    const c = rawPath.charCodeAt(i)
    if (c === 63 || c === 35 || c === 59) end = i // ? # ;
  }
  if (end - start > MAX_PATH_CHARS) end = cutAtBoundary(rawPath, start, start + MAX_PATH_CHARS)
  let out = ''
  let copied = start
  let segment = start
  for (let i = start; i <= end; i++) {
    if (i < end && rawPath.charCodeAt(i) !== 47) continue
    if (i > segment && isIdSegment(rawPath, segment, i)) {
      out += `${rawPath.slice(copied, segment)}:id`
      copied = i
    }
    segment = i + 1
  }
  return copied === start ? rawPath.slice(start, end) : out + rawPath.slice(copied, end)
}

/**
 * Where a long path is cut: after its last separator before the limit, never inside a word, so a
 * token in the path is kept whole (for redaction to recognise) or left out, never halved.
 */
function cutAtBoundary(path: string, start: number, limit: number): number {
  for (let i = limit; i > start; i--) {
    const c = path.charCodeAt(i)
    if (c === 47 || c === 32 || c === 37 || c === 38 || c === 44 || c === 43) return i // / space % & , +
  }
  return path.charCodeAt(start) === 47 ? start + 1 : start
}

function isIdSegment(path: string, start: number, end: number): boolean {
  const length = end - start
  let digits = 0
  let hex = true
  let word = true // [A-Za-z0-9_-] only
  for (let i = start; i < end; i++) {
    const c = path.charCodeAt(i)
    if (c >= 48 && c <= 57) digits++
    else if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)) continue
    else {
      hex = false
      if (!((c >= 103 && c <= 122) || (c >= 71 && c <= 90) || c === 95 || c === 45)) word = false
    }
  }
  if (digits === length) return true
  if (hex && length >= 8) return true
  if (length === 36 && isUuid(path, start)) return true
  if (!word || length < 6) return false
  return digits >= 2 || isClassValue(path.slice(start, end))
}

function isClassValue(segment: string): boolean {
  for (const tokenClass of TOKEN_CLASSES) if (tokenClass.test(segment)) return true
  return false
}

function isUuid(path: string, start: number): boolean {
  for (let i = 0; i < 36; i++) {
    const c = path.charCodeAt(start + i)
    const dash = i === 8 || i === 13 || i === 18 || i === 23
    if (dash ? c !== 45 : !((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false
  }
  return true
}
