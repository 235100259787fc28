import {describe, expect, it} from 'vitest'

import {redactName} from '../../src/redact/redact-name.js'

describe('redactName: a name is known for a secret by its look, having no key around it', () => {
  it.each([
    ['release-iQ3iRhU3FVsRpdU0ZVE5juX2l9JPqeEX', 'release-[REDACTED:api-key]'],
    ['deploy/d4b26a899b84a9284fbaa4dacdcdf27d', 'deploy/[REDACTED:api-key]'],
    ['Zk8pQ2mN7vX4-Lr9sT3', '[REDACTED:api-key]'],
    // A format the rules know is theirs to name.
    ['release-ghp_T4kQ9mZ2xV7pL3sW8nR6yB1cF5hJ0dG2aE7u', 'release-[REDACTED:api-key]'],
    ['hotfix-AKIAQX7R2M5T9W3Y6Z4B', 'hotfix-[REDACTED:aws-key]'],
  ])('masks %s', (name, masked) => {
    expect(redactName(name)).toBe(masked)
  })

  it.each(['v1.4.0', 'v2.14.3-rc.1', 'release-2026-11-12', 'prod/2026-11-12T14-00', 'deploy-3f2a9c1e', 'build-48213', 'checkout-api-v1.24.10', 'release-candidate-final'])('keeps %s', (name) => {
    expect(redactName(name)).toBe(name)
  })
})
