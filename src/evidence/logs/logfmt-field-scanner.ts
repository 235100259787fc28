import {roleSpecAt, type FoundFields} from './field-roles.js'

/**
 * Reads the known fields of a logfmt line (`key=value key="quoted \"value\"" flag`) straight
 * into the per-line slots: building an object of every key and value per line, then walking it,
 * was the largest cost of reading logfmt after the template miner. Only the values of keys that
 * name a role are cut out of the line. It reads exactly as parseLogfmt (structured-fields.ts)
 * followed by its walk, and gives up (-1) on the one thing a walk of the object reads otherwise:
 * a role's key given twice, where the object keeps the last value.
 */
const SPACE = 32
const EQUALS = 61
const QUOTE = 34
const BACKSLASH = 92

/** Fills `into` from a logfmt line; returns its number of key=value pairs, or -1 when the line must be read as an object. */
export function scanLogfmt(line: string, into: FoundFields): number {
  let pairs = 0
  let i = 0
  const n = line.length
  while (i < n) {
    while (i < n && line.charCodeAt(i) === SPACE) i++
    const keyStart = i
    for (let c = line.charCodeAt(i); i < n && c !== EQUALS && c !== SPACE; c = line.charCodeAt(++i));
    const spec = i > keyStart ? roleSpecAt(line, keyStart, i) : null
    if (spec !== null && into.rank[spec.role] === spec.rank) return -1
    if (i >= n || line.charCodeAt(i) !== EQUALS) {
      // A bare key is a flag, true.
      if (spec !== null) into.offer(spec, true)
      continue
    }
    i++
    let value = ''
    if (line.charCodeAt(i) === QUOTE) {
      i++
      let start = i
      while (i < n && line.charCodeAt(i) !== QUOTE) {
        if (line.charCodeAt(i) === BACKSLASH && i + 1 < n) {
          if (spec !== null) value += line.slice(start, i)
          i++
          start = i
        }
        i++
      }
      if (spec !== null) value += line.slice(start, i)
      i++
    } else {
      const start = i
      while (i < n && line.charCodeAt(i) !== SPACE) i++
      if (spec !== null) value = line.slice(start, i)
    }
    // A pair needs a key: `=value` alone is none.
    if (line.charCodeAt(keyStart) !== EQUALS) pairs++
    // An empty value is no value, as for the object's walk; it still counts as a pair.
    if (spec !== null && value !== '') into.offer(spec, value)
  }
  return pairs
}
