/**
 * The one price table for Claude models, in USD per million tokens, checked 2026-12-03 against
 * Anthropic's pages:
 * - https://platform.claude.com/docs/en/about-claude/pricing ("Model pricing": base input,
 *   5-minute cache writes, cache hits, output) for Fable, Mythos and Opus 4.5–5;
 * - the model pages https://platform.claude.com/docs/en/models/<model>/overview for Opus 5.5,
 *   Sonnet 5 and Sonnet 5.5, and the Sonnet 5.5 migration guide
 *   (https://platform.claude.com/docs/en/models/sonnet-5-5/migration-guide), which gives its cache
 *   reads at $0.10 (half the Sonnet 5 rate, since 2026-10-07);
 * - Sonnet 4.6 and Haiku 4.5 keep the rates of their generation ($3/$15 and $1/$5, cache reads 0.1×).
 * Cache writes are the 5-minute ephemeral tier (1.25× input), the one `cache_control` uses here.
 *
 * Only models in the SDK's own `Model` list (@anthropic-ai/sdk 1.16) are here, and of those only the
 * ones with one published rate. Not priced, so shown as "no price" rather than guessed: Claude Haiku
 * 5.5 (its rate depends on each request's prompt length), Fable 5.2 and Mythos 5.2 (no rate on
 * Anthropic's pricing page when checked), Mythos Preview (research preview).
 * Update this table, and its date, when Anthropic changes prices; nothing else holds a price.
 */

export interface ModelPrice {
  inputPerMTok: number
  outputPerMTok: number
  cacheWritePerMTok: number
  cacheReadPerMTok: number
}

const price = (input: number, output: number, cacheRead: number): ModelPrice => ({
  inputPerMTok: input,
  outputPerMTok: output,
  cacheWritePerMTok: input * 1.25,
  cacheReadPerMTok: cacheRead,
})

/** Keyed by model alias without a date suffix; dated ids resolve to their alias. */
const PRICE_TABLE: Readonly<Record<string, ModelPrice>> = {
  'claude-fable-5-1': price(10, 50, 0.25),
  'claude-mythos-5-1': price(10, 50, 0.25),
  'claude-fable-5': price(10, 50, 1),
  'claude-mythos-5': price(10, 50, 1),
  'claude-opus-5-5': price(4, 20, 0.2),
  'claude-opus-5': price(5, 25, 0.5),
  'claude-opus-4-8': price(5, 25, 0.5),
  'claude-opus-4-7': price(5, 25, 0.5),
  'claude-opus-4-6': price(5, 25, 0.5),
  'claude-opus-4-5': price(5, 25, 0.5),
  'claude-sonnet-5-5': price(2, 10, 0.1),
  'claude-sonnet-5': price(2, 10, 0.2),
  'claude-sonnet-4-6': price(3, 15, 0.3),
  'claude-haiku-4-5': price(1, 5, 0.1),
}

/** `claude-haiku-4-5-20251001` and `claude-opus-4-5-latest` both name a priced alias. */
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
