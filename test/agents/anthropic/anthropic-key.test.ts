import {describe, expect, it} from 'vitest'

import {assertAnthropicKey} from '../../../src/agents/anthropic/anthropic-key.js'
import {UsageError} from '../../../src/errors/errors.js'

describe('assertAnthropicKey', () => {
  it('returns the key when set', () => {
    expect(assertAnthropicKey({ANTHROPIC_API_KEY: ' sk-ant-x '})).toBe('sk-ant-x')
  })

  it.each([{}, {ANTHROPIC_API_KEY: ''}, {ANTHROPIC_API_KEY: '   '}])('is a usage error (exit 2) saying how to set it: %j', (env) => {
    let thrown: unknown
    try {
      assertAnthropicKey(env)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(UsageError)
    const error = thrown as UsageError
    expect(error.exitCode).toBe(2)
    expect(error.message).toMatch(/^ANTHROPIC_API_KEY is not set/)
    expect(error.suggestions.join('\n')).toContain('export ANTHROPIC_API_KEY=')
    expect(error.suggestions.join('\n')).toContain('--provider offline')
  })
})
