import {describe, expect, it} from 'vitest'

import {IP_RULES, redact, redactUnderKey, redactValue} from '../../src/redact/redact.js'

describe('the IP address rules (applied with ips: true)', () => {
  it('are named and described', () => {
    expect(IP_RULES.map((rule) => rule.id)).toEqual(['ipv6', 'ipv4'])
    for (const rule of IP_RULES) expect(rule.description, rule.id).toMatch(/^IPv[46] addresses$/)
  })

  for (const rule of IP_RULES) {
    describe(rule.id, () => {
      it('masks each of its examples, and leaves each of its counter-examples', () => {
        expect(rule.examples.match.length).toBeGreaterThan(0)
        for (const text of rule.examples.match) expect(redact(text, {ips: true}), text).toContain('[REDACTED:ip]')
        expect(rule.examples.noMatch.length).toBeGreaterThan(0)
        for (const text of rule.examples.noMatch) expect(redact(text, {ips: true}), text).toBe(text)
      })
    })
  }

  it.each(['255.1.2.3', '249.1.2.3', '199.1.2.3', '1.2.3.255', '1.2.3.249', '1.2.3.199', '1.2.3.99', '0.0.0.0'])('masks %s, each octet at the top of its range', (ip) => {
    expect(redact(`from ${ip} ok`, {ips: true})).toBe('from [REDACTED:ip] ok')
  })

  it.each(['256.1.2.3', '1.2.3.256', '1.2.3.300'])('leaves %s, which has an octet past 255', (text) => {
    expect(redact(`v ${text} ok`, {ips: true})).toBe(`v ${text} ok`)
  })
})

describe('redact', () => {
  it('runs every rule after one has changed the text: the keywords are read in the new text', () => {
    expect(redact('url https://deploy:s3cr3tpw@git.example/x and AKIAIOSFODNN7EXAMPLE')).toBe('url https://deploy:[REDACTED:password]@git.example/x and [REDACTED:aws-key]')
  })

  it('leaves a placeholder alone where a rule would take it for a secret', () => {
    for (const text of ['<client_secret>[REDACTED:jwt]</client_secret>', "ALTER USER app PASSWORD '[REDACTED:jwt]'"]) expect(redact(text)).toBe(text)
  })

  it('decodes runs of escapes whole, so a character of several bytes comes back', () => {
    expect(redact('/search?q=caf%C3%A9%20AKIAIOSFODNN7EXAMPLE')).toBe('/search?q=café [REDACTED:aws-key]')
  })

  it('keeps an escape that does not decode as it was', () => {
    expect(redact('ref %E0%A4 key%3DAKIAIOSFODNN7EXAMPLE')).toBe('ref %E0%A4 key=[REDACTED:aws-key]')
  })
})

describe('redactValue', () => {
  /** `levels` objects nested under `a`, the innermost holding 'x'. */
  const nested = (levels: number): unknown => (levels === 0 ? 'x' : {a: nested(levels - 1)})
  const arrays = (levels: number): unknown => (levels === 0 ? 'x' : [arrays(levels - 1)])
  const depthOf = (value: unknown, step: (v: unknown) => unknown): {depth: number; last: unknown} => {
    let depth = 0
    let v = value
    while (typeof v === 'object' && v !== null) {
      v = step(v)
      depth++
    }
    return {depth, last: v}
  }

  it('follows nesting 33 levels deep (depth 0 to 32) and cuts what is deeper', () => {
    expect(depthOf(redactValue(nested(33)), (v) => (v as {a: unknown}).a)).toEqual({depth: 33, last: 'x'})
    expect(depthOf(redactValue(nested(34)), (v) => (v as {a: unknown}).a)).toEqual({depth: 33, last: '[TRUNCATED]'})
    expect(depthOf(redactValue(arrays(33)), (v) => (v as unknown[])[0])).toEqual({depth: 33, last: 'x'})
    expect(depthOf(redactValue(arrays(34)), (v) => (v as unknown[])[0])).toEqual({depth: 33, last: '[TRUNCATED]'})
  })

  it('masks any value under an Authorization or Cookie header, naming which', () => {
    expect(redactValue({authorization: 'abc', 'Proxy-Authorization': 'abc', cookie: 'a=b', 'Set-Cookie': 'a=b', n: 12345})).toEqual({
      authorization: '[REDACTED:api-key]',
      'Proxy-Authorization': '[REDACTED:api-key]',
      cookie: '[REDACTED:cookie]',
      'Set-Cookie': '[REDACTED:cookie]',
      n: 12345,
    })
    expect(redactValue({authorization: 12345})).toEqual({authorization: '[REDACTED:api-key]'})
  })

  it('keeps empty, boolean and nested values under a secret header as they are, and walks into objects', () => {
    expect(redactValue({authorization: null, cookie: undefined, 'set-cookie': '', 'proxy-authorization': true})).toEqual({authorization: null, cookie: undefined, 'set-cookie': '', 'proxy-authorization': true})
    expect(redactValue({authorization: {scheme: 'Bearer'}})).toEqual({authorization: {scheme: 'Bearer'}})
  })

  it('takes header names whole: a longer name holding one is not that header', () => {
    expect(redactValue({'x-authorization': 'strict', 'authorization-mode': 'strict', 'x-cookie-policy': 'lax'})).toEqual({'x-authorization': 'strict', 'authorization-mode': 'strict', 'x-cookie-policy': 'lax'})
  })

  it('masks a key-like value under a key that holds a secret word, and only a key-like one', () => {
    expect(redactValue({session_id: 'Ab1Cd2Ef3Gh4Ij5Kl6Mn', password_hint: 'see the wiki', note: 'Ab1Cd2Ef3Gh4Ij5Kl6Mn'})).toEqual({
      session_id: '[REDACTED:api-key]',
      password_hint: 'see the wiki',
      note: 'Ab1Cd2Ef3Gh4Ij5Kl6Mn',
    })
    expect(redactUnderKey('signature_salt', 'Ab1Cd2Ef3Gh4Ij5Kl6Mn')).toBe('[REDACTED:api-key]')
  })
})
