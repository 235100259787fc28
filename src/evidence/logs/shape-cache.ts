import {detach} from './detach.js'

/**
 * Remembers which template cluster a message shape went to, so a message seen before in another
 * form skips tokenising, masking and the tree walk. A shape is the message with each run of
 * digits taken out, a lone digit kept apart from a longer run (`ssh2` is a name where `ssh22`
 * is a value). Masking looks only at the non-digit structure of a token and at whether it holds
 * one digit or more, so messages of one shape mask to the same tokens; the miner only remembers
 * shapes whose masked tokens hold no digit at all.
 *
 * A shape is found by the text before its first digit (one map lookup) and checked segment by
 * segment with startsWith, so a hit allocates little and touches most characters natively, and
 * two different shapes can never be confused.
 */
const SINGLE_DIGIT = 1
const DIGIT_RUN = 2
/**
 * Past this many shapes, or this many cached characters, the cache starts over. An entry costs
 * about 600 bytes besides its text (map entry, arrays, segment strings), so this bounds the cache
 * near 10 MB per thread.
 */
const MAX_SHAPES = 10_000
const MAX_CACHED_CHARS = 1_000_000
/** Shapes kept per leading text; more would make a miss cost a long scan. */
const MAX_SHAPES_PER_PREFIX = 16
/**
 * A shape is remembered the second time it is offered, found by its hash in this many slots (one
 * 32-bit hash each, 256 KB). Ids of letters and digits mixed (`cus_cn0mhIDUEiUvdB`, UUIDs, hex)
 * make nearly every message its own shape: remembering each cost a tenth of the analysis of a JSON
 * or logfmt file (3 % of them ever came back) and churned the cache, which shapes that do repeat
 * then lost.
 */
const DOORKEEPER_SLOTS = 1 << 16

interface Shape<T> {
  /** The non-digit text between digit runs; segments[0] is the map key, the others follow runs. */
  segments: string[]
  runs: number[]
  value: T
}

export class ShapeCache<T> {
  private readonly byPrefix = new Map<string, Array<Shape<T>>>()
  private cachedChars = 0
  private shapeCount = 0
  private readonly offered = new Uint32Array(DOORKEEPER_SLOTS)

  /**
   * @param collapseDigits false caches only messages without digits, verbatim (for miners whose
   * masking is off or preceded by user regexes, where digits may matter).
   */
  constructor(private readonly collapseDigits: boolean) {}

  get(message: string): T | undefined {
    const first = firstDigit(message)
    if (first >= 0 && !this.collapseDigits) return undefined
    const shapes = this.byPrefix.get(first < 0 ? message : message.slice(0, first))
    if (shapes === undefined) return undefined
    const at = first < 0 ? message.length : first
    for (let k = 0; k < shapes.length; k++) {
      const shape = shapes[k]
      if (!matches(message, at, shape)) continue
      // Each hit moves its shape one place forward, so the common shapes of a prefix come first.
      if (k > 0) {
        shapes[k] = shapes[k - 1]
        shapes[k - 1] = shape
      }
      return shape.value
    }
    return undefined
  }

  /** Offers a message's shape; it is remembered once it was offered before (see DOORKEEPER_SLOTS). */
  set(message: string, value: T): void {
    const first = firstDigit(message)
    if (first >= 0 && !this.collapseDigits) return
    const hash = shapeHash(message)
    const slot = hash & (DOORKEEPER_SLOTS - 1)
    if (this.offered[slot] !== hash) {
      this.offered[slot] = hash
      return
    }
    this.offered[slot] = 0
    if (this.shapeCount >= MAX_SHAPES || this.cachedChars + message.length > MAX_CACHED_CHARS) {
      this.byPrefix.clear()
      this.cachedChars = 0
      this.shapeCount = 0
    }
    const shape = shapeOf(message, value)
    const shapes = this.byPrefix.get(shape.segments[0])
    if (shapes === undefined) this.byPrefix.set(shape.segments[0], [shape])
    else if (shapes.length < MAX_SHAPES_PER_PREFIX) shapes.push(shape)
    else return
    this.cachedChars += message.length
    this.shapeCount++
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57

function firstDigit(message: string): number {
  for (let i = 0; i < message.length; i++) if (isDigit(message.charCodeAt(i))) return i
  return -1
}

function digitsEnd(message: string, from: number): number {
  let end = from
  while (isDigit(message.charCodeAt(end))) end++
  return end
}

/** Whether `message`, whose first digit is at `pos` (its text before that matched already), has `shape`. */
function matches<T>(message: string, pos: number, shape: Shape<T>): boolean {
  const {segments, runs} = shape
  for (let k = 0; k < runs.length; k++) {
    const end = digitsEnd(message, pos)
    if (end === pos || (end - pos === 1 ? SINGLE_DIGIT : DIGIT_RUN) !== runs[k]) return false
    const segment = segments[k + 1]
    if (!message.startsWith(segment, end)) return false
    pos = end + segment.length
  }
  return pos === message.length
}

/** A nonzero hash of the shape: each digit run counts as one mark, a lone digit as another. */
function shapeHash(message: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < message.length; ) {
    let c = message.charCodeAt(i)
    if (isDigit(c)) {
      const end = digitsEnd(message, i)
      c = end - i === 1 ? 0x10000 + SINGLE_DIGIT : 0x10000 + DIGIT_RUN
      i = end
    } else i++
    hash = Math.imul(hash ^ c, 0x01000193)
  }
  return hash >>> 0 || 1
}

function shapeOf<T>(message: string, value: T): Shape<T> {
  const segments: string[] = []
  const runs: number[] = []
  let start = 0
  for (;;) {
    let digit = start
    while (digit < message.length && !isDigit(message.charCodeAt(digit))) digit++
    segments.push(detach(message.slice(start, digit)))
    if (digit === message.length) return {segments, runs, value}
    const end = digitsEnd(message, digit)
    runs.push(end - digit === 1 ? SINGLE_DIGIT : DIGIT_RUN)
    start = end
  }
}
