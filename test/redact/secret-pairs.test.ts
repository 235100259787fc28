import {describe, expect, it} from 'vitest'

import {redact} from '../../src/redact/redact.js'

/** Secret-named pairs through the whole pass, to the character: what is masked, how it is quoted, what stays. */
describe('secret-named pairs', () => {
  it.each(['null', 'NULL', 'true', 'false', 'none', 'undefined', 'nil', '""', "''", '\\"\\"'])('leave the literal %s alone, even under a password key', (literal) => {
    expect(redact(`password=${literal} next`)).toBe(`password=${literal} next`)
  })

  it('mask the value of a strong key in place, keeping what is around it', () => {
    expect(redact('login password=hunter2 user=bob')).toBe('login password=[REDACTED:password] user=bob')
    expect(redact('a=1 password=hunter2 b=2 api_key=xyz c=3')).toBe('a=1 password=[REDACTED:password] b=2 api_key=[REDACTED:api-key] c=3')
  })

  it('keep the quotes of a masked value: double, single and escaped', () => {
    expect(redact('{"password":"hunter2"}')).toBe('{"password":"[REDACTED:password]"}')
    expect(redact("password='hunter2' ok")).toBe("password='[REDACTED:password]' ok")
    expect(redact('{"msg":"{\\"password\\":\\"hunter2\\"}"}')).toBe('{"msg":"{\\"password\\":\\"[REDACTED:password]\\"}"}')
  })

  it('judge a quoted value under a weak key without its quotes: a key is masked, a path is not', () => {
    expect(redact('session_id="Ab1Cd2Ef3Gh4Ij5Kl6Mn"')).toBe('session_id="[REDACTED:api-key]"')
    expect(redact("session_id='Ab1Cd2Ef3Gh4Ij5Kl6Mn'")).toBe("session_id='[REDACTED:api-key]'")
    expect(redact('{\\"session_id\\":\\"Ab1Cd2Ef3Gh4Ij5Kl6Mn\\"}')).toBe('{\\"session_id\\":\\"[REDACTED:api-key]\\"}')
    for (const path of ['session_id="/var/lib/Ab3kD9xQ2mZ7"', "session_id='/var/lib/Ab3kD9xQ2mZ7'", 'session_id=\\"/var/lib/Ab3kD9xQ2mZ7\\"']) expect(redact(path)).toBe(path)
  })

  it.each(['access_token=[REDACTED:jwt]', 'access_token="[REDACTED:jwt]"', "access_token='[REDACTED:jwt]'", 'access_token=\\"[REDACTED:jwt]\\"'])(
    'leave a value already redacted as it was: %s',
    (text) => {
      expect(redact(text)).toBe(text)
    },
  )

  it('read a key behind dashes as the key, and a dash inside it as part of it', () => {
    expect(redact('db-pass=hunter2')).toBe('db-pass=[REDACTED:password]')
    expect(redact('twine upload --password hunter2')).toBe('twine upload --password [REDACTED:password]')
  })

  it('mask a password that contains a key word itself', () => {
    expect(redact('password=mypass123')).toBe('password=[REDACTED:password]')
  })

  it('mask the pair behind a key named as a value, and a key-like value that ends in =', () => {
    expect(redact('token=JWT_SIGNING_KEY=abc')).toBe('token=[REDACTED:api-key]')
    expect(redact('api_token=Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Key=')).toBe('api_token=[REDACTED:api-key]')
  })
})
