import {detach} from './detach.js'

/**
 * Path positions that vary widely, learned while reading: ids that do not look like ids
 * (`/orders/ord_sswusexyiq`, `/products/SKU-AJXE5I`, `/static/app.e167bf35.js`) pass the
 * per-segment rules of endpoint-path.ts as words, and each would open an endpoint of its own,
 * filling the endpoint cap with one-request rows. As in Drain's bound on children per node, a
 * position that has shown more than `maxValues` distinct segments under one parent path is a
 * parameter from then on: its segment reads `:id`, and a `:id` seen there (from another thread's
 * results) makes it one at once. Memory: at most maxValues + 1 segments per parent path.
 */
export const WIDE_SEGMENT = ':id'

export class EndpointShapes {
  /** Parent path → the distinct segments seen below it, or null once the position is wide. */
  private readonly below = new Map<string, Set<string> | null>()

  /**
   * @param maxParents bound on the parent paths remembered: past it (paths of random segments at
   * every depth) a segment under a parent never seen is taken as a parameter, merging rows rather
   * than growing.
   */
  constructor(
    private readonly maxValues = 100,
    private readonly maxParents = 20_000,
  ) {}

  /**
   * The path with its wide positions as `:id`, and the parent paths this path just made wide
   * (the caller then folds the endpoints it already holds below them).
   */
  shape(path: string): {path: string; widened: string[]} {
    const widened: string[] = []
    let out = ''
    let from = path.charCodeAt(0) === 47 ? 1 : 0
    while (from <= path.length) {
      let to = path.indexOf('/', from)
      if (to < 0) to = path.length
      const segment = path.slice(from, to)
      const parent = out
      let seen = this.below.get(parent)
      if (seen === undefined && this.below.size < this.maxParents) this.below.set(detach(parent), (seen = new Set()))
      let value = segment
      // Past the bound an unseen parent is not remembered: its positions read as parameters.
      if (seen === undefined || seen === null) value = WIDE_SEGMENT
      else if (segment === WIDE_SEGMENT) {
        this.below.set(parent, null)
        widened.push(parent)
      } else if (!seen.has(segment)) {
        if (seen.size >= this.maxValues) {
          this.below.set(parent, null)
          widened.push(parent)
          value = WIDE_SEGMENT
        } else seen.add(detach(segment))
      }
      out = `${parent}/${value}`
      if (to === path.length) break
      from = to + 1
    }
    return {path: path.charCodeAt(0) === 47 ? out : out.slice(1), widened}
  }
}

/** `path` with its segment right below `parent` read as `:id`, or null when it is not below `parent` or already reads so. */
export function widenedPath(path: string, parent: string): string | null {
  if (!path.startsWith(`${parent}/`)) return null
  const from = parent.length + 1
  let to = path.indexOf('/', from)
  if (to < 0) to = path.length
  if (path.slice(from, to) === WIDE_SEGMENT) return null
  return `${parent}/${WIDE_SEGMENT}${path.slice(to)}`
}
