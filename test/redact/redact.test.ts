import {describe, expect, it} from 'vitest'

import {isLuhnValid} from '../../src/redact/luhn.js'
import {redact, redactValue} from '../../src/redact/redact.js'

// Each seed is a secret of one kind; the test proves the secret text is gone and the typed
// placeholder is there. Values are fabricated (the AWS one is AWS's documented example key).
const SEEDS: Array<{kind: string; text: string; secret: string}> = [
  {kind: 'aws-key', text: 'using key AKIAIOSFODNN7EXAMPLE for s3', secret: 'AKIAIOSFODNN7EXAMPLE'},
  {kind: 'bearer-token', text: 'Authorization: Bearer abcDEF123456789xyz.qq', secret: 'abcDEF123456789xyz'},
  {kind: 'bearer-token', text: 'Authorization: token 0123456789abcdef0123', secret: '0123456789abcdef0123'},
  {kind: 'api-key', text: 'gh token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 set', secret: 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789'},
  {kind: 'api-key', text: 'slack=xoxb-123456789012-abcdefghijkl posted', secret: 'xoxb-123456789012-abcdefghijkl'},
  {kind: 'api-key', text: 'charge via sk_live_51Habcdefghijklmnop failed', secret: 'sk_live_51Habcdefghijklmnop'},
  {kind: 'api-key', text: 'api_key=9f8e7d6c5b4a39281706 rejected', secret: '9f8e7d6c5b4a39281706'},
  {kind: 'api-key', text: 'X-Api-Key: q1w2e3r4t5y6', secret: 'q1w2e3r4t5y6'},
  {kind: 'password', text: 'connect postgres://app:s3cr3t-pw@db.internal:5432/orders', secret: 's3cr3t-pw'},
  {kind: 'password', text: 'login password=hunter2 user=bob', secret: 'hunter2'},
  {kind: 'password', text: '{"user":"bob","password":"hunter2!x","ok":true}', secret: 'hunter2!x'},
  {kind: 'password', text: '{"msg":"{\\"db_password\\":\\"zz9plural\\"}"}', secret: 'zz9plural'},
  {kind: 'password', text: "DB_PASSWORD='tr0ub4dor&3' loaded", secret: 'tr0ub4dor'},
  {kind: 'password', text: 'Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l', secret: 'YWxhZGRpbjpvcGVuc2VzYW1l'},
  {
    kind: 'private-key',
    text: 'key: -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx\nabc\n-----END RSA PRIVATE KEY----- done',
    secret: 'MIIEowIBAAKCAQEAx',
  },
  {
    kind: 'jwt',
    text: 'cookie session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    secret: 'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
  },
  // A quoted cookie value, and a pair after the header whose name the header's mask takes along (fuzz seed 15014).
  {kind: 'cookie', text: 'Cookie: theme=dark; sid="Zx1Yw2Vu3Ts4Ab5Cd"', secret: 'Zx1Yw2Vu3Ts4Ab5Cd'},
  {kind: 'cookie', text: 'msg="request headers Cookie: locale=de JWT_SIGNING_KEY=\\"U2e/XZAcve1hTU1ZgxhWGRCC\\"" user=bob', secret: 'U2e/XZAcve1hTU1ZgxhWGRCC'},
  {kind: 'email', text: 'order placed by jane.doe+shop@example.co.uk today', secret: 'jane.doe+shop@example.co.uk'},
  {kind: 'card', text: 'charged card 4111 1111 1111 1111 ok', secret: '4111 1111 1111 1111'},
  {kind: 'card', text: 'card=5500-0000-0000-0004', secret: '5500-0000-0000-0004'},
  {kind: 'card', text: 'pan 378282246310005 amex', secret: '378282246310005'},
]

describe('redact', () => {
  for (const seed of SEEDS) {
    it(`masks ${seed.kind} in: ${seed.text.slice(0, 40)}`, () => {
      const out = redact(seed.text)
      expect(out).not.toContain(seed.secret)
      expect(out).toContain(`[REDACTED:${seed.kind}]`)
    })
  }

  it('keeps the user and host of a URL with a password', () => {
    expect(redact('postgres://app:pw123@db.internal:5432/x')).toBe('postgres://app:[REDACTED:password]@db.internal:5432/x')
  })

  it('leaves ordinary log text alone', () => {
    const line = '2024-03-01T14:02:11Z ERROR token verification failed for order 12345 after 250 ms (code 4000)'
    expect(redact(line)).toBe(line)
  })

  it('does not mask digit runs that fail the Luhn check', () => {
    expect(redact('trace 4111111111111112 done')).toBe('trace 4111111111111112 done')
  })

  it('masks IPv4 addresses only when asked', () => {
    expect(redact('from 10.1.2.3 ok')).toBe('from 10.1.2.3 ok')
    expect(redact('from 10.1.2.3 ok', {ips: true})).toBe('from [REDACTED:ip] ok')
    expect(redact('version 1.2.3.400', {ips: true})).toBe('version 1.2.3.400')
  })

  it('masks IPv6 addresses when asked, full or shortened, but not times, MACs or C++ names', () => {
    expect(redact('from 2001:db8::bad and fe80::1', {ips: true})).toBe('from [REDACTED:ip] and [REDACTED:ip]')
    expect(redact('peer 2001:0db8:85a3:0000:0000:8a2e:0370:7334 ok', {ips: true})).toBe('peer [REDACTED:ip] ok')
    expect(redact('client ::1 via [2001:db8::1]:8080', {ips: true})).toBe('client [REDACTED:ip] via [[REDACTED:ip]]:8080')
    expect(redact('mapped ::ffff:10.0.0.1', {ips: true})).not.toContain('10.0.0.1')
    for (const text of ['at 12:30:45', 'mac 00:1a:2b:3c:4d:5e', 'std::string and foo::bar', 'ratio 1:2:3', 'key :: value']) {
      expect(redact(text, {ips: true}), text).toBe(text)
    }
    expect(redact('from 2001:db8::bad')).toBe('from 2001:db8::bad')
  })

  it('is idempotent', () => {
    const once = SEEDS.map((s) => redact(s.text))
    expect(once.map((t) => redact(t))).toEqual(once)
  })

  it('handles a long line quickly', () => {
    const line = 'x=1 '.repeat(250_000)
    const start = performance.now()
    redact(line)
    expect(performance.now() - start).toBeLessThan(2000)
  })
})

describe('redactValue', () => {
  it('replaces values under secret keys and redacts every other string, deeply', () => {
    const out = redactValue({
      user: 'bob',
      password: 'hunter2',
      nested: {api_key: 'abc', headers: {Authorization: 'Bearer xyz123456789'}, list: ['mail me at a@b.io', 3]},
      token: null,
    })
    expect(out).toEqual({
      user: 'bob',
      password: '[REDACTED:password]',
      nested: {api_key: '[REDACTED:api-key]', headers: {Authorization: '[REDACTED:api-key]'}, list: ['mail me at [REDACTED:email]', 3]},
      token: null,
    })
  })

  it('survives cycles', () => {
    const a: Record<string, unknown> = {name: 'a'}
    a.self = a
    expect(redactValue(a)).toEqual({name: 'a', self: '[TRUNCATED]'})
  })
})

describe('isLuhnValid', () => {
  it('accepts test card numbers and rejects near misses', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true)
    expect(isLuhnValid('4111111111111112')).toBe(false)
    expect(isLuhnValid('12')).toBe(false)
  })
})
