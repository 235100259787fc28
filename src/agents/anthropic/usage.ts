import type {Usage} from '../../incident/finding.js'
import type {Incident} from '../../incident/incident.js'
import {estimateCostUsd, type TokenCounts} from '../pricing.js'
import type {ReplyUsage} from './message-reply.js'

export const NO_TOKENS: TokenCounts = {inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0}

/** Adds one Messages API reply's usage; the cache fields are absent or null when caching did not apply. */
export function addMessageUsage(counts: TokenCounts, usage: ReplyUsage): TokenCounts {
  return {
    inputTokens: counts.inputTokens + usage.input_tokens,
    outputTokens: counts.outputTokens + usage.output_tokens,
    cacheWriteTokens: counts.cacheWriteTokens + (usage.cache_creation_input_tokens ?? 0),
    cacheReadTokens: counts.cacheReadTokens + (usage.cache_read_input_tokens ?? 0),
  }
}

/** Every token the API processed for us, cached or not: what the per-specialist budget bounds. */
export function totalTokens(counts: TokenCounts): number {
  return counts.inputTokens + counts.outputTokens + counts.cacheWriteTokens + counts.cacheReadTokens
}

/** `costUsd` is 0 when the model has no price in the table; `priced` says so. */
export function toUsage(model: string, counts: TokenCounts, wallMs: number): {usage: Usage; priced: boolean} {
  const cost = estimateCostUsd(model, counts)
  return {usage: {...counts, wallMs: Math.round(wallMs), costUsd: cost ?? 0}, priced: cost !== null}
}

/**
 * Totals for incident.json. Tokens and cost add up; wall time adds up too unless the caller
 * passes the phase's own wall time (specialists run concurrently, so the sum overstates it).
 */
export function sumUsage(usages: readonly Usage[], options: {wallMs?: number} = {}): Usage {
  const total: Usage = {inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, wallMs: 0, costUsd: 0}
  for (const u of usages) {
    total.inputTokens += u.inputTokens
    total.outputTokens += u.outputTokens
    total.cacheReadTokens += u.cacheReadTokens
    total.cacheWriteTokens += u.cacheWriteTokens
    total.wallMs += u.wallMs
    total.costUsd += u.costUsd
  }
  total.costUsd = Math.round(total.costUsd * 1_000_000) / 1_000_000
  if (options.wallMs !== undefined) total.wallMs = Math.round(options.wallMs)
  return total
}

/**
 * The incident's usage with one more consumer's tokens added (the postmortem narrative): its own
 * line in `perSpecialist` (summed when the postmortem is drafted again) and the total re-summed.
 */
export function withUsage(current: Incident['usage'], key: string, extra: Usage): NonNullable<Incident['usage']> {
  const perSpecialist = {...(current?.perSpecialist ?? {})}
  perSpecialist[key] = perSpecialist[key] ? sumUsage([perSpecialist[key], extra]) : extra
  return {perSpecialist, total: current ? sumUsage([current.total, extra]) : extra}
}
