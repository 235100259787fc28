import {detach} from './detach.js'

/**
 * Remembers which template cluster a message shape went to, so a message seen before in another
 * form skips tokenising, masking and the tree walk. A shape is the message with each run of
 * digits collapsed to one marker (a lone digit and a longer run kept apart, because `ssh2` is a
 * name where `ssh22` is a value). Masking looks only at the non-digit structure of a token and at
 * whether it holds one digit or more, so two messages of one shape mask to the same tokens, and
 * the miner only remembers shapes whose masked tokens hold no digit at all.
 *
 * Lookups hash the message in place and check the candidate character by character: nothing is
 * allocated for a hit, and a hash collision can never join the wrong cluster.
 */
const SINGLE_DIGIT = 1
const DIGIT_RUN = 2
/** Past this many cached characters the cache starts over, bounding its memory (~4 MB). */
const MAX_CACHED_CHARS = 2_000_000

interface Entry<T> {
  shape: string
  value: T
  next: Entry<T> | null
}

export class ShapeCache<T> {
  private readonly byHash = new Map<number, Entry<T>>()
  private cachedChars = 0

  /**
   * @param collapseDigits false caches only messages without digits, verbatim (for miners whose
   * masking is off or preceded by user regexes, where digits may matter).
   */
  constructor(private readonly collapseDigits: boolean) {}

  get(message: string): T | undefined {
    const hash = this.hashOf(message)
    if (hash === null) return undefined
    for (let entry: Entry<T> | null = this.byHash.get(hash) ?? null; entry; entry = entry.next) {
      if (sameShape(message, entry.shape)) return entry.value
    }
    return undefined
  }

  set(message: string, value: T): void {
    const hash = this.hashOf(message)
    if (hash === null) return
    if (this.cachedChars + message.length > MAX_CACHED_CHARS) {
      this.byHash.clear()
      this.cachedChars = 0
    }
    this.cachedChars += message.length
    this.byHash.set(hash, {shape: shapeOf(message), value, next: this.byHash.get(hash) ?? null})
  }

  /** FNV-1a over the shape; null when the message cannot be cached. */
  private hashOf(message: string): number | null {
    let hash = 0x811c9dc5
    const length = message.length
    for (let i = 0; i < length; i++) {
      let c = message.charCodeAt(i)
      if (c >= 48 && c <= 57) {
        if (!this.collapseDigits) return null
        const start = i
        while (i + 1 < length && isDigitAt(message, i + 1)) i++
        c = i === start ? SINGLE_DIGIT : DIGIT_RUN
      } else if (c <= DIGIT_RUN) {
        return null // would read as a marker
      }
      hash = Math.imul(hash ^ c, 0x01000193)
    }
    return hash
  }
}

const isDigitAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i)
  return c >= 48 && c <= 57
}

function shapeOf(message: string): string {
  let shape = ''
  let i = 0
  while (i < message.length) {
    if (!isDigitAt(message, i)) {
      let end = i + 1
      while (end < message.length && !isDigitAt(message, end)) end++
      shape += message.slice(i, end)
      i = end
      continue
    }
    let end = i + 1
    while (end < message.length && isDigitAt(message, end)) end++
    shape += String.fromCharCode(end - i === 1 ? SINGLE_DIGIT : DIGIT_RUN)
    i = end
  }
  return detach(shape)
}

function sameShape(message: string, shape: string): boolean {
  let j = 0
  const length = message.length
  for (let i = 0; i < length; i++, j++) {
    const c = message.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      const start = i
      while (i + 1 < length && isDigitAt(message, i + 1)) i++
      if (shape.charCodeAt(j) !== (i === start ? SINGLE_DIGIT : DIGIT_RUN)) return false
    } else if (shape.charCodeAt(j) !== c) {
      return false
    }
  }
  return j === shape.length
}
