import {z} from 'zod'

/**
 * One budget for every live source of a run: a deadline shared by all of them (they run in
 * parallel), and per source a cap on the queries made and on the bytes of answers received. A
 * source that reaches a cap stops there and says so; what it saved before counts.
 */
export const SourceBudgetLimitsSchema = z
  .object({
    /** Wall time for all live sources together. */
    seconds: z.number().positive().max(3600).default(30),
    /** Answer bytes per source (decoded), whatever the volume in the store. */
    megabytes: z.number().positive().max(1024).default(8),
    /** Requests per source. */
    queries: z.number().int().positive().max(1000).default(40),
  })
  .strict()
export type SourceBudgetLimits = z.infer<typeof SourceBudgetLimitsSchema>

export const DEFAULT_SOURCE_BUDGET: SourceBudgetLimits = SourceBudgetLimitsSchema.parse({})

export type BudgetCap = 'time' | 'bytes' | 'queries'

/** Thrown when a source reaches its share of the budget; the source stops and names the cap. */
export class BudgetExhausted extends Error {
  constructor(readonly cap: BudgetCap) {
    super(`budget exhausted (${cap})`)
    this.name = 'BudgetExhausted'
  }
}

/** The running account of one source against the limits; the deadline signal is shared by all sources. */
export class SourceBudget {
  queries = 0
  bytes = 0

  constructor(
    readonly limits: SourceBudgetLimits,
    readonly deadline: AbortSignal,
  ) {}

  get maxBytes(): number {
    return Math.floor(this.limits.megabytes * 1024 * 1024)
  }

  /** Claims one request, or throws when the queries or the time are used up. */
  claimQuery(): void {
    if (this.deadline.aborted) throw new BudgetExhausted('time')
    if (this.queries >= this.limits.queries) throw new BudgetExhausted('queries')
    this.queries++
  }

  /** Counts received bytes; throws once the source has received more than its share. */
  addBytes(count: number): void {
    this.bytes += count
    if (this.bytes > this.maxBytes) throw new BudgetExhausted('bytes')
  }

  /** Queries still allowed, for adapters that plan how many pages or samples to ask for. */
  get queriesLeft(): number {
    return Math.max(0, this.limits.queries - this.queries)
  }

  get bytesLeft(): number {
    return Math.max(0, this.maxBytes - this.bytes)
  }
}
