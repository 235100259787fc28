/**
 * The one price table for Claude models, in USD per million tokens.
 *
 * Prices as published on anthropic.com/pricing, checked 2025-11-25 (after the Claude Opus 4.5
 * launch). Cache writes are the 5-minute ephemeral tier (1.25× input), cache reads 0.1× input.
 * Update this table, and its date, when Anthropic changes prices; nothing else holds a price.
 */

export interface ModelPrice {
  inputPerMTok: number
  outputPerMTok: number
  cacheWritePerMTok: number
  cacheReadPerMTok: number
}

const price = (input: number, output: number): ModelPrice => ({
  inputPerMTok: input,
  outputPerMTok: output,
  cacheWritePerMTok: input * 1.25,
  cacheReadPerMTok: input * 0.1,
})

/** Keyed by model alias without a date suffix; dated ids resolve to their alias. */
const PRICE_TABLE: Readonly<Record<string, ModelPrice>> = {
  'claude-opus-4-5': price(5, 25),
  'claude-opus-4-1': price(15, 75),
  'claude-opus-4-0': price(15, 75),
  'claude-opus-4': price(15, 75),
  'claude-4-opus': price(15, 75),
  'claude-sonnet-4-5': price(3, 15),
  'claude-sonnet-4-0': price(3, 15),
  'claude-sonnet-4': price(3, 15),
  'claude-4-sonnet': price(3, 15),
  'claude-3-7-sonnet': price(3, 15),
  'claude-haiku-4-5': price(1, 5),
  'claude-3-5-haiku': price(0.8, 4),
  'claude-3-haiku': price(0.25, 1.25),
}

/** `claude-sonnet-4-5-20250929` and `claude-3-7-sonnet-latest` both name a priced alias. */
export function priceForModel(model: string): ModelPrice | null {
  const alias = model.replace(/-(\d{8}|latest)$/, '')
  return PRICE_TABLE[alias] ?? null
}

export interface TokenCounts {
  inputTokens: number
  outputTokens: number
  cacheWriteTokens: number
  cacheReadTokens: number
}

/** Estimated USD for the tokens, or null when the model is not in the table. */
export function estimateCostUsd(model: string, tokens: TokenCounts): number | null {
  const p = priceForModel(model)
  if (!p) return null
  const usd =
    (tokens.inputTokens * p.inputPerMTok +
      tokens.outputTokens * p.outputPerMTok +
      tokens.cacheWriteTokens * p.cacheWritePerMTok +
      tokens.cacheReadTokens * p.cacheReadPerMTok) /
    1_000_000
  // Round to a millionth of a dollar so sums of many rounds stay readable in incident.json.
  return Math.round(usd * 1_000_000) / 1_000_000
}
