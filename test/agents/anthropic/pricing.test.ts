import {describe, expect, it} from 'vitest'

import {estimateCostUsd, priceForModel} from '../../../src/agents/pricing.js'

describe('price table', () => {
  it('resolves dated and -latest ids to their alias', () => {
    expect(priceForModel('claude-sonnet-4-5-20250929')).toEqual(priceForModel('claude-sonnet-4-5'))
    expect(priceForModel('claude-3-7-sonnet-latest')?.inputPerMTok).toBe(3)
    expect(priceForModel('claude-opus-4-5-20251101')).toEqual({inputPerMTok: 5, outputPerMTok: 25, cacheWritePerMTok: 6.25, cacheReadPerMTok: 0.5})
    expect(priceForModel('gpt-4o')).toBeNull()
  })

  it('prices each kind of token at its own rate', () => {
    const million = (kind: string) => ({inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, [kind]: 1_000_000})
    expect(['inputTokens', 'outputTokens', 'cacheWriteTokens', 'cacheReadTokens'].map((k) => estimateCostUsd('claude-haiku-4-5', million(k)))).toEqual([1, 5, 1.25, 0.1])
    expect(estimateCostUsd('unknown-model', million('inputTokens'))).toBeNull()
  })
})
