import {describe, expect, it} from 'vitest'

import {DEFAULT_ANTHROPIC_MODEL} from '../../../src/agents/anthropic/anthropic-client.js'
import {estimateCostUsd, priceForModel} from '../../../src/agents/pricing.js'

describe('price table', () => {
  it('resolves dated and -latest ids to their alias', () => {
    expect(priceForModel('claude-haiku-4-5-20251001')).toEqual(priceForModel('claude-haiku-4-5'))
    expect(priceForModel('claude-opus-4-5-latest')?.inputPerMTok).toBe(5)
    expect(priceForModel('claude-opus-4-5-20251101')).toEqual({inputPerMTok: 5, outputPerMTok: 25, cacheWritePerMTok: 6.25, cacheReadPerMTok: 0.5})
    expect(priceForModel('gpt-4o')).toBeNull()
  })

  it('prices the default model at its published rate, cache reads at $0.10', () => {
    expect(priceForModel(DEFAULT_ANTHROPIC_MODEL)).toEqual({inputPerMTok: 2, outputPerMTok: 10, cacheWritePerMTok: 2.5, cacheReadPerMTok: 0.1})
  })

  it('leaves a model with a prompt-length-dependent rate unpriced rather than guessing (Haiku 5.5)', () => {
    expect(priceForModel('claude-haiku-5-5')).toBeNull()
  })

  it('prices each kind of token at its own rate', () => {
    const million = (kind: string) => ({inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, [kind]: 1_000_000})
    expect(['inputTokens', 'outputTokens', 'cacheWriteTokens', 'cacheReadTokens'].map((k) => estimateCostUsd('claude-haiku-4-5', million(k)))).toEqual([1, 5, 1.25, 0.1])
    expect(estimateCostUsd('unknown-model', million('inputTokens'))).toBeNull()
  })
})
