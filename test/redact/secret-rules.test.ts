import {describe, expect, it} from 'vitest'

import {SECRET_KEYS} from '../../src/redact/catalogue/secret-keys.js'
import {PERSONAL_DATA_RULES, SECRET_RULES} from '../../src/redact/catalogue/secret-rules.js'
import {looksKeyLike} from '../../src/redact/entropy.js'
import {redact} from '../../src/redact/redact.js'
import {SecretBlockFilter} from '../../src/redact/secret-blocks.js'

/** The matches a rule finds in a text, after its own acceptance check. */
function found(rule: (typeof SECRET_RULES)[number], text: string): string[] {
  rule.pattern.lastIndex = 0
  return [...text.matchAll(rule.pattern)].map((m) => m[0]).filter((m) => !rule.accept || rule.accept(m))
}

describe('the secret detector catalogue', () => {
  const rules = [...SECRET_RULES, ...PERSONAL_DATA_RULES]

  it('has unique ids, a description, global patterns and examples both ways', () => {
    expect(rules.length).toBeGreaterThanOrEqual(45)
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length)
    for (const rule of rules) {
      expect(rule.description, rule.id).not.toBe('')
      expect(rule.pattern.flags, rule.id).toContain('g')
      expect(rule.examples.match.length, rule.id).toBeGreaterThan(0)
      expect(rule.examples.noMatch.length, rule.id).toBeGreaterThan(0)
      for (const keyword of rule.keywords) expect(keyword, rule.id).toBe(keyword.toLowerCase())
    }
  })

  for (const rule of rules) {
    describe(rule.id, () => {
      for (const text of rule.examples.match) {
        it(`finds and masks the secret in ${JSON.stringify(text.slice(0, 50))}`, () => {
          const secrets = found(rule, text)
          expect(secrets.length).toBeGreaterThan(0)
          // Its keywords gate it: a match the keywords would not let through is a broken entry.
          expect(rule.keywords.length === 0 || rule.keywords.some((k) => text.toLowerCase().includes(k))).toBe(true)
          const out = redact(text)
          for (const secret of secrets) expect(out).not.toContain(secret)
          expect(out).toContain(`[REDACTED:${rule.kind}]`)
        })
      }
      for (const text of rule.examples.noMatch) {
        it(`leaves ${JSON.stringify(text.slice(0, 50))} alone`, () => {
          expect(found(rule, text)).toEqual([])
        })
      }
    })
  }
})

describe('the secret-named positions (key/value net)', () => {
  for (const [text, value] of SECRET_KEYS.examples.masked) {
    it(`masks the value in ${JSON.stringify(text.slice(0, 50))}`, () => {
      const out = redact(text)
      expect(out).not.toContain(value)
      expect(out).toMatch(/\[REDACTED:[a-z-]+\]/)
    })
  }
  for (const text of SECRET_KEYS.examples.kept) {
    it(`keeps ${JSON.stringify(text)}`, () => {
      expect(redact(text)).toBe(text)
    })
  }
})

describe('looksKeyLike (the entropy net)', () => {
  it('takes generated keys and leaves words, names, paths, times and ids alone', () => {
    for (const key of ['Ab1Cd2Ef3Gh4Ij5Kl6Mn', '0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'Y2ktYm90OlpYMXZWMnUzVHM0', '0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9']) expect(looksKeyLike(key), key).toBe(true)
    for (const word of ['verification', 'orders.currency.not-null', 'db-primary-01.internal.example', '/var/lib/postgresql/data', '2026-11-12T14:02:00Z', 'user:123:profile', '1234567890123456', 'short1A']) {
      expect(looksKeyLike(word), word).toBe(false)
    }
  })
})

describe('SecretBlockFilter (key material over several lines)', () => {
  it('drops the body of a private key block read line by line, keeping the lines around it', () => {
    const lines = ['2026-11-12T14:05:00Z ERROR could not parse key:', '-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAx7qZ1', 'Zm9vYmFyYmF6', '-----END RSA PRIVATE KEY-----', '2026-11-12T14:05:01Z WARN falling back']
    const filter = new SecretBlockFilter()
    expect(lines.map((line) => filter.filter(line))).toEqual([lines[0], '[REDACTED:private-key]', null, null, null, lines[5]])
  })

  it('ends an unterminated block at the first line that cannot be key material', () => {
    const filter = new SecretBlockFilter()
    const out = ['key -----BEGIN PGP PRIVATE KEY BLOCK-----', '', 'lQdGBGVx4ZMBEADQ3Ty', '2026-11-12T14:05:01Z ERROR next event'].map((line) => filter.filter(line))
    expect(out).toEqual(['key [REDACTED:private-key]', null, null, '2026-11-12T14:05:01Z ERROR next event'])
  })

  it('drops the private lines of a PuTTY key', () => {
    const filter = new SecretBlockFilter()
    const out = ['Public-Lines: 1', 'AAAAC3NzaC1lZDI1NTE5', 'Private-Lines: 1', 'AAAAIBx3b2F4c2VjcmV0', 'Private-MAC: 8f0e1d2c', 'done'].map((line) => filter.filter(line))
    expect(out).toEqual(['Public-Lines: 1', 'AAAAC3NzaC1lZDI1NTE5', '[REDACTED:private-key]', null, null, 'done'])
  })
})

describe('percent-encoded text (a URL path or query)', () => {
  it('finds secrets between escapes, and leaves clean encoded text as it was', () => {
    const path = '/api/status=500%20upstream%20denied%20for%20access%20key%20AKIAKNVHYYW6GJDCC5BK%20(SignatureDoesNotMatch)'
    expect(redact(path)).not.toContain('AKIAKNVHYYW6GJDCC5BK')
    expect(redact(path)).toContain('[REDACTED:aws-key]')
    expect(redact('/search?q=red%20shoes&page=2')).toBe('/search?q=red%20shoes&page=2')
  })
})

describe('second looks at a match, at their edges', () => {
  const rule = (id: string) => {
    const found = SECRET_RULES.find((candidate) => candidate.id === id)
    if (!found) throw new Error(`no rule ${id}`)
    return found
  }
  const basic = (credentials: string) => `Authorization: Basic ${Buffer.from(credentials, 'latin1').toString('base64')}`

  it('takes Basic credentials only when the whole value decodes to printable user:password', () => {
    expect(found(rule('basic-auth'), basic('ops:s3cret'))).toHaveLength(1)
    expect(found(rule('basic-auth'), basic('\u0001ops:s3cret'))).toEqual([])
    expect(found(rule('basic-auth'), basic('ops:s3cret\u0001'))).toEqual([])
  })

  it('takes a bearer token without digits from 20 characters on', () => {
    expect(found(rule('bearer-token'), 'Authorization: Bearer abcdefghijklmnopqrst')).toEqual(['abcdefghijklmnopqrst'])
    expect(found(rule('bearer-token'), 'Authorization: Bearer abcdefghijklmnopqrs')).toEqual([])
  })
})
