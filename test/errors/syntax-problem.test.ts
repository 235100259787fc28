import {describe, expect, it} from 'vitest'

import {jsonSyntaxError, parseJsonText, parseYamlText} from '../../src/errors/syntax-problem.js'

const TOKEN = 'ghp_R8mZ2kQ7vX4pL9sT3wN6yB1cF5hJ0dG2aE7u'

/** No six characters in a row of the text from `from` on (where the secret sits) are in the message. */
function quotes(message: string, text: string, from: number): string | null {
  for (let i = from; i + 6 <= text.length; i++) if (message.includes(text.slice(i, i + 6))) return text.slice(i, i + 6)
  return null
}

describe('JSON syntax errors name the place, never the text', () => {
  const cases: Array<[string, string, string]> = [
    ['an unquoted value', `{"a": 1,\n "token": ${TOKEN}}`, "line 2, column 11: a value was expected"],
    ['an unquoted key', `{"a": 1,\n ${TOKEN}: 1}`, 'line 2, column 2: a property name in double quotes was expected'],
    ['a missing comma', `{"a": "x"\n "token": "${TOKEN}"}`, "line 2, column 2: ',' or '}' was expected"],
    ['a missing colon', `{"token" "${TOKEN}"}`, "line 1, column 10: ':' was expected after a property name"],
    ['a raw line break in a string', `["${TOKEN}\n"]`, 'line 1, column 43: a control character (a line break or tab) inside a string must be escaped'],
    ['an unknown escape', `["\\q${TOKEN}"]`, 'line 1, column 3: a backslash escape JSON does not know'],
    ['an unclosed string', `{"token": "${TOKEN}`, 'line 1, column 11: a string is not closed'],
    ['text cut short', `{"a": [1, 2,\n`, 'line 2, column 1: it ends early'],
    ['text after the value', `{"a": 1}\n${TOKEN}`, 'line 2, column 1: more text follows the JSON value'],
    ['a wrong closer', `[1, 2}`, "line 1, column 6: ',' or ']' was expected"],
  ]
  it.each(cases)('%s', (_, text, problem) => {
    const parsed = parseJsonText(text)
    expect(parsed).toEqual({ok: false, problem})
    expect(quotes(problem, text, 0)).toBeNull()
  })

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e+3, true, false, null, "\\u00e9\\n"], "b": {}} ', '"x"', '0', '[[], {}]']) {
      expect(jsonSyntaxError(text)).toBeNull()
      expect(parseJsonText(text)).toEqual({ok: true, value: JSON.parse(text)})
    }
    for (const text of ['', '01', '[1,]', '{"a":1,}', 'tru', '-', '1.', '"\\u12"', '{"a"}', '[', 'nul']) {
      expect(() => JSON.parse(text)).toThrow()
      expect(jsonSyntaxError(text)).not.toBeNull()
    }
  })
})

describe('YAML errors name the place, never the text', () => {
  it('an alias naming no anchor: where it is, not its name', () => {
    const text = `service: checkout\nowner: *${TOKEN}\n`
    const parsed = parseYamlText(text)
    expect(parsed).toEqual({ok: false, problem: 'line 2, column 8: an alias names no anchor set before it'})
  })

  it('a syntax error: where, and the parser’s code in words', () => {
    const text = `a: 1\nb: [${TOKEN}\n c: d: e`
    const parsed = parseYamlText(text)
    expect(parsed.ok).toBe(false)
    const problem = parsed.ok ? '' : parsed.problem
    expect(problem).toMatch(/^line 2, column 5: [a-z ]+$/)
    expect(quotes(problem, text, 5)).toBeNull()
  })

  it('an unknown tag is read past: the value is the text it tags', () => {
    expect(parseYamlText(`note: !${TOKEN} seen\n`)).toEqual({ok: true, value: [{note: 'seen'}]})
  })

  it('several documents, each a value; aliases that resolve are kept', () => {
    expect(parseYamlText('a: &x 1\nb: *x\n---\nc: 2\n')).toEqual({ok: true, value: [{a: 1, b: 1}, {c: 2}]})
  })
})
