/**
 * Time bucketing that stays bounded whatever the span: buckets start one minute wide and double
 * in width (merging neighbours) whenever there would be more than `maxBuckets` of them. Keys are
 * `floor(ts / width)`, so coarsening a key is `floor(key / 2)`; series kept elsewhere under the
 * same keys are coarsened through `onCoarsen`.
 */
export const MINUTE_MS = 60_000

export class TimeGrid<T> {
  widthMs = MINUTE_MS
  readonly buckets = new Map<number, T>()
  private readonly listeners: Array<() => void> = []
  private lastKey = Number.NaN
  private lastBucket: T | null = null

  constructor(
    private readonly maxBuckets: number,
    private readonly create: () => T,
    private readonly merge: (into: T, from: T) => void,
  ) {}

  keyOf(ts: number): number {
    return Math.floor(ts / this.widthMs)
  }

  /** The bucket for `ts`, creating it (and coarsening the grid if that overflows it). */
  at(ts: number): T {
    let key = this.keyOf(ts)
    // Lines arrive mostly in time order, so the bucket of the previous line is usually the one.
    if (key === this.lastKey) return this.lastBucket!
    let bucket = this.buckets.get(key)
    if (!bucket) {
      this.buckets.set(key, this.create())
      while (this.buckets.size > this.maxBuckets) {
        this.coarsen()
        key = this.keyOf(ts)
      }
      bucket = this.buckets.get(key)!
    }
    this.lastKey = key
    this.lastBucket = bucket
    return bucket
  }

  /** Registers a callback run after each doubling, to re-key series stored by bucket key. */
  onCoarsen(listener: () => void): void {
    this.listeners.push(listener)
  }

  private coarsen(): void {
    const old = [...this.buckets.entries()]
    this.buckets.clear()
    this.lastKey = Number.NaN
    this.lastBucket = null
    this.widthMs *= 2
    for (const [key, value] of old) {
      const target = Math.floor(key / 2)
      const existing = this.buckets.get(target)
      if (existing) this.merge(existing, value)
      else this.buckets.set(target, value)
    }
    for (const listener of this.listeners) listener()
  }

  sortedKeys(): number[] {
    return [...this.buckets.keys()].sort((a, b) => a - b)
  }
}

/** Halves the keys of a sparse per-bucket count map, summing merged neighbours. */
export function coarsenCounts(counts: Map<number, number>): Map<number, number> {
  const out = new Map<number, number>()
  for (const [key, count] of counts) {
    const target = Math.floor(key / 2)
    out.set(target, (out.get(target) ?? 0) + count)
  }
  return out
}
