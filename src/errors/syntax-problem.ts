import {LineCounter, parseAllDocuments, visit} from 'yaml'

/**
 * JSON and YAML read from the user's files, with what is wrong said as `line L, column C: what`
 * and never by quoting the text: the parsers' own messages quote the text around the error
 * (`Unexpected token 'g', "{"a": ghp_abcdef"...`, `Unresolved alias …: <name>`), and a file
 * holding secrets is broken exactly where one sits as often as anywhere else. YAML warnings
 * (unknown tags) stay in the document instead of going to the process's stderr, which prints them.
 */
export type ParsedText<T> = {ok: true; value: T} | {ok: false; problem: string}

export function parseJsonText(text: string): ParsedText<unknown> {
  try {
    return {ok: true, value: JSON.parse(text)}
  } catch {
    const error = jsonSyntaxError(text)
    return {ok: false, problem: error === null ? 'not valid JSON' : `${position(text, error.at)}: ${error.what}`}
  }
}

/** Every document of a YAML text (several `---` documents, as kubectl writes them). */
export function parseYamlText(text: string): ParsedText<unknown[]> {
  const lineCounter = new LineCounter()
  const parsed = parseAllDocuments(text, {logLevel: 'silent', lineCounter})
  const documents = Array.isArray(parsed) ? parsed : [...parsed]
  const values: unknown[] = []
  for (const document of documents) {
    const error = document.errors[0]
    if (error) return {ok: false, problem: `${linePosition(error.linePos?.[0])}: ${error.code.toLowerCase().replaceAll('_', ' ')}`}
    let unresolved: number | null = null
    visit(document, {
      Alias(_, node) {
        if (unresolved === null && node.resolve(document) === undefined) unresolved = node.range?.[0] ?? 0
      },
    })
    if (unresolved !== null) return {ok: false, problem: `${linePosition(lineCounter.linePos(unresolved))}: an alias names no anchor set before it`}
    try {
      values.push(document.toJS())
    } catch {
      // The one failure left is the alias-expansion bound (a "billion laughs" document).
      return {ok: false, problem: 'its aliases expand to more than a document may hold'}
    }
  }
  return {ok: true, value: values}
}

function linePosition(at: {line: number; col: number} | undefined): string {
  return at ? `line ${at.line}, column ${at.col}` : 'somewhere'
}

function position(text: string, at: number): string {
  const before = text.slice(0, at)
  return `line ${before.split('\n').length}, column ${at - before.lastIndexOf('\n')}`
}

type Expect = 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'after'

/**
 * Where JSON.parse fails, and why, found by reading the text as JSON's grammar says: V8's message
 * gives a position for some errors only, and quotes the text for the others. Null when the text
 * reads as valid (no second opinion to give).
 */
export function jsonSyntaxError(text: string): {at: number; what: string} | null {
  const closers: Array<'}' | ']'> = []
  let expect: Expect = 'value'
  let i = 0
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
    if (i >= text.length) return expect === 'after' && closers.length === 0 ? null : {at: i, what: 'it ends early'}
    const c = text[i]
    if (expect === 'value' || expect === 'first-value') {
      if (c === ']' && expect === 'first-value') {
        closers.pop()
        i++
        expect = 'after'
      } else if (c === '{' || c === '[') {
        closers.push(c === '{' ? '}' : ']')
        i++
        expect = c === '{' ? 'first-key' : 'first-value'
      } else {
        const end = scalarEnd(text, i)
        if (typeof end !== 'number') return end
        i = end
        expect = 'after'
      }
    } else if (expect === 'key' || expect === 'first-key') {
      if (c === '}' && expect === 'first-key') {
        closers.pop()
        i++
        expect = 'after'
      } else if (c === '"') {
        const end = stringEnd(text, i)
        if (typeof end !== 'number') return end
        i = end
        expect = 'colon'
      } else return {at: i, what: 'a property name in double quotes was expected'}
    } else if (expect === 'colon') {
      if (c !== ':') return {at: i, what: "':' was expected after a property name"}
      i++
      expect = 'value'
    } else {
      const closer = closers.at(-1)
      if (closer === undefined) return {at: i, what: 'more text follows the JSON value'}
      if (c === ',') {
        i++
        expect = closer === '}' ? 'key' : 'value'
      } else if (c === closer) {
        closers.pop()
        i++
      } else return {at: i, what: `',' or '${closer}' was expected`}
    }
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

function scalarEnd(text: string, at: number): number | {at: number; what: string} {
  if (text[at] === '"') return stringEnd(text, at)
  for (const literal of ['true', 'false', 'null']) if (text.startsWith(literal, at)) return at + literal.length
  NUMBER.lastIndex = at
  if (NUMBER.test(text)) return NUMBER.lastIndex
  return {at, what: 'a value was expected'}
}

function stringEnd(text: string, start: number): number | {at: number; what: string} {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0x22) return i + 1
    if (code < 0x20) return {at: i, what: 'a control character (a line break or tab) inside a string must be escaped'}
    if (code === 0x5c) {
      const next = text[i + 1]
      if (next === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !'"\\/bfnrt'.includes(next ?? 'x')) return {at: i, what: 'a backslash escape JSON does not know'}
      i += next === 'u' ? 5 : 1
    }
  }
  return {at: start, what: 'a string is not closed'}
}
