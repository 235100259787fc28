import {describe, expect, it} from 'vitest'

import {maskToken, takeMaskedWordValue, tokenHasDigit, tokenize} from '../../../src/evidence/logs/mask-tokens.js'

describe('maskToken at its edges', () => {
  it.each(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])(
    'masks the calendar word %s, part of a date spelled out',
    (word) => {
      expect(maskToken(word)).toBe('<*>')
    },
  )

  it.each([
    ['May', 'a month that is also a word'],
    ['Monday', 'a calendar word that is longer'],
    ['mon', 'a calendar word in lower case'],
  ])('keeps %s (%s)', (token) => {
    expect(maskToken(token)).toBe(token)
  })

  it.each([
    ["'x'", '<*>'],
    ['"x"', '<*>'],
    ["''", "''"], // an empty quote is punctuation, not a value
    ['""', '""'],
    ['"x\'', '"x\''], // quotes that do not pair
    ["'x\"", "'x\""],
    ['axa', 'axa'], // same first and last letter, no quotes
    ['/x', '<*>'],
    ['/', '/'], // a lone slash is punctuation
    ['x<*>', '<*>'], // partly replaced by a preprocessing regex: a value as a whole
    ['host-<*>.example.net', '<*>'],
    ['<*>', '<*>'],
  ])('quotes, paths and partly masked tokens: %s → %s', (token, masked) => {
    expect(maskToken(token)).toBe(masked)
  })

  it.each([
    ['ipv4', 'ipv4'],
    ['md5,', 'md5,'],
    ['SOCKS5)', 'SOCKS5)'],
    ['v2', '<*>'], // one letter and a digit: a version, a value
    ['ipv42', '<*>'],
    ['xmd5', 'xmd5'],
    ['md5x', '<*>'],
    ['md5;;', '<*>'],
    ['1md5', '<*>'],
  ])('names ending in one digit are vocabulary: %s → %s', (token, masked) => {
    expect(maskToken(token)).toBe(masked)
  })

  it.each([
    ['A=1', 'A=<*>'],
    ['Z=1', 'Z=<*>'],
    ['a=1', 'a=<*>'],
    ['z=1', 'z=<*>'],
    ['@=1', '<*>'], // the character before A
    ['[=1', '<*>'], // the character after Z; alone it opens nothing
    ['`=1', '<*>'], // the character before a
    ['{=1', '<*>'], // the character after z
    ['user_=1', 'user_=<*>'],
    ['user-id=1', 'user-id=<*>'],
    ['user.id=1', '<*>'],
    ['LOGIN[uid=0]', 'LOGIN[uid=<*>'],
    ['LOGIN(uid=0)', 'LOGIN(uid=<*>'],
    ['(=1', '<*>'], // a bracket and no letters: no key
    ['=1', '<*>'],
    ['took:15ms', 'took:<*>'],
    ['A:1', 'A:<*>'],
    [':15', '<*>'],
    ['10.0.0.1:5432', '<*>'],
  ])('keeps the key of key=value and key:value: %s → %s', (token, masked) => {
    expect(maskToken(token)).toBe(masked)
  })
})

describe('tokenize', () => {
  it('splits on spaces, tabs, newlines and carriage returns, and nothing else', () => {
    expect(tokenize('a b\tc\nd\re\ff\vg', false)).toEqual(['a', 'b', 'c', 'd', 'e\ff\vg'])
  })

  it('masks when asked to, and only then', () => {
    expect(tokenize('took 15 ms', true)).toEqual(['took', '<*>', 'ms'])
    expect(tokenize('took 15 ms', false)).toEqual(['took', '15', 'ms'])
  })

  it('takes a quoted span of words for one value, so free text leaves the shape alone', () => {
    expect(tokenize('query "red running shoes" took 15 ms', true)).toEqual(['query', '<*>', 'took', '<*>', 'ms'])
    expect(tokenize("said 'hello world', then left", true)).toEqual(['said', '<*>', 'then', 'left'])
    expect(tokenize('query "red running shoes" took', false)).toEqual(['query', '"red', 'running', 'shoes"', 'took'])
  })

  it('keeps a quoted span that holds values as one token of structure: a request line', () => {
    expect(tokenize('got "GET /api/orders HTTP/1.1" from', true)).toEqual(['got', '"GET <*> <*>', 'from'])
  })

  it('leaves a quote that never closes to its words', () => {
    expect(tokenize('said "unterminated quote here', true)).toEqual(['said', '"unterminated', 'quote', 'here'])
    expect(tokenize("it's fine", true)).toEqual(["it's", 'fine'])
  })

  it('looks at most 16 tokens ahead for the closing quote', () => {
    const words = (count: number) => Array.from({length: count}, (_, i) => `w${String.fromCharCode(97 + i)}`).join(' ')
    // The opening token, then the closing one as the 16th after it: one value.
    expect(tokenize(`a "open ${words(15)} shut" b`, true)).toEqual(['a', '<*>', 'b'])
    // The closing one as the 17th: too far for one value, the words stay.
    expect(tokenize(`a "open ${words(16)} shut" b`, true)).toHaveLength(20)
  })
})

describe('maskToken on tokens without digits', () => {
  it.each([
    ['alpha', 'alpha'], // a short word
    ['a@b', 'a@b'], // short, and shaped like no value
    ['user@example.org', '<*>'],
    ['(user@example.org),', '<*>'], // punctuation around it
    ['"user@example.org"', '<*>'],
    ['deadbeefcafe', '<*>'],
    ['C:\\tmp', '<*>'],
    ['to=user@example.org', 'to=<*>'],
    ['to:user@example.org', 'to:<*>'],
    ['path=/var/log/app', 'path=<*>'],
    ['url:https://cdn.example.com/x', 'url:<*>'],
    ['owner=alice', 'owner=alice'], // a word after the key is no value
    ['mode:fast', 'mode:fast'],
    ['to=', 'to='],
    ['=user@example.org', '=user@example.org'],
    ['my.key=user@example.org', 'my.key=user@example.org'], // no key worth keeping, and no value as a whole
    ['a=b:user@example.org', 'a=b:user@example.org'], // the first = decides, and b:user@… is no value class
  ])('%s → %s', (token, masked) => {
    expect(maskToken(token)).toBe(masked)
  })

  it('tells the miner when a value without digits was masked, once', () => {
    takeMaskedWordValue()
    maskToken('took')
    maskToken('15')
    expect(takeMaskedWordValue()).toBe(false)
    maskToken('user@example.org')
    expect(takeMaskedWordValue()).toBe(true)
    expect(takeMaskedWordValue()).toBe(false)
    maskToken('to=user@example.org')
    expect(takeMaskedWordValue()).toBe(true)
  })
})

describe('tokenHasDigit', () => {
  it.each([
    ['0', true],
    ['9', true],
    ['ssh2', true],
    ['/', false], // the character before 0
    [':', false], // the character after 9
    ['', false],
  ])('%j → %s', (token, has) => {
    expect(tokenHasDigit(token)).toBe(has)
  })
})

describe('maskToken on short tokens without digits', () => {
  // Five characters or fewer are words unless they hold @ / : or \, the characters every short value has.
  it.each([
    ['~/x', '<*>'], // a path in the home folder
    ['./a', '<*>'], // a relative path
    ['../x', '<*>'],
    ['a@b.c', '<*>'], // an e-mail address: an @ and no slash
    ['C:\\a', '<*>'], // a Windows drive path
    ['k=~/x', 'k=<*>'], // the value of key=value
    ['k:a@b.c', 'k:<*>'], // the value of key:value
  ])('%s → %s', (token, masked) => {
    expect(maskToken(token)).toBe(masked)
  })
})

describe('maskToken on URLs and paths', () => {
  it('masks a URL with digits whole: its scheme is no key', () => {
    expect(maskToken('https://10.0.0.1:8080/health')).toBe('<*>')
  })

  it('masks a protocol-relative URL, a path no value class names', () => {
    expect(maskToken('//cdn.example.com/app.js')).toBe('<*>')
  })
})

describe('tokenize on quoted spans at their edges', () => {
  it('takes a quote standing alone for the opening of a span', () => {
    expect(tokenize('set name " padded value " ok', true)).toEqual(['set', 'name', '<*>', 'ok'])
  })

  it('closes a span on the last token of the message', () => {
    expect(tokenize('said "hello world"', true)).toEqual(['said', '<*>'])
  })

  it('does not take a quote inside a word for the end of a span', () => {
    expect(tokenize("user 'bob said it's fine", true)).toEqual(['user', "'bob", 'said', "it's", 'fine'])
  })

  it('joins the words of a kept span with one space, whatever spacing the message had', () => {
    expect(tokenize('got "GET  /api/orders HTTP/1.1" from', true)).toEqual(['got', '"GET <*> <*>', 'from'])
  })
})
