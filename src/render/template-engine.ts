/**
 * A logic-less template engine (a small Mustache subset), so users can override our templates
 * without running code: `{{name}}`, `{{a.b}}`, `{{.}}`, sections `{{#list}}…{{/list}}` (repeat for
 * arrays, once for a truthy value, with the value as the new context), inverted sections
 * `{{^list}}…{{/list}}` (only when falsy or empty) and comments `{{! … }}`. The output is Markdown
 * and values are text, much of it quoted from evidence: every value goes in as escaped Markdown
 * text (`markdownText`), so no value can add a heading, a link or HTML.
 */
import {UserError} from '../errors/errors.js'
import {markdownText} from '../output/safe-text.js'

type Context = readonly unknown[]

const TAG = /{{\s*([#^/!]?)\s*([^}]*?)\s*}}/g

/** A template that does not parse. Templates can be the user's own files, so this is a user error. */
export class TemplateError extends UserError {}

export function renderTemplate(template: string, view: unknown): string {
  return renderBlock(template, [view])
}

function renderBlock(template: string, stack: Context): string {
  let out = ''
  let cursor = 0
  TAG.lastIndex = 0
  for (let match = TAG.exec(template); match; match = TAG.exec(template)) {
    const [tag, sigil, name] = match
    out += template.slice(cursor, match.index)
    cursor = match.index + tag.length
    if (sigil === '!') continue
    if (sigil === '/') throw new TemplateError(`Unexpected closing tag {{/${name}}}`)
    if (sigil === '') {
      out += stringify(lookup(stack, name), /(?:^|\n)[ \t]*$/.test(out.slice(-80)))
      continue
    }
    const end = findClosing(template, name, cursor)
    const inner = template.slice(standalone(template, match.index, cursor) ? cursor + 1 : cursor, end.start)
    const value = lookup(stack, name)
    out += sigil === '#' ? renderSection(inner, value, stack) : isFalsy(value) ? renderBlock(inner, stack) : ''
    cursor = end.after
    TAG.lastIndex = cursor
  }
  return out + template.slice(cursor)
}

function renderSection(inner: string, value: unknown, stack: Context): string {
  if (Array.isArray(value)) return value.map((item) => renderBlock(inner, [...stack, item])).join('')
  if (isFalsy(value)) return ''
  return renderBlock(inner, typeof value === 'object' ? [...stack, value] : stack)
}

/** Finds the matching `{{/name}}`, skipping nested sections of the same name. */
function findClosing(template: string, name: string, from: number): {start: number; after: number} {
  const tags = new RegExp(TAG.source, 'g')
  tags.lastIndex = from
  let depth = 1
  for (let match = tags.exec(template); match; match = tags.exec(template)) {
    if (match[2] !== name) continue
    if (match[1] === '#' || match[1] === '^') depth++
    if (match[1] === '/' && --depth === 0) {
      const after = match.index + match[0].length
      return {start: match.index, after: standalone(template, match.index, after) ? after + 1 : after}
    }
  }
  throw new TemplateError(`Section {{#${name}}} is never closed`)
}

/** A section tag alone on its line should not leave an empty line behind; an inline one keeps its newline. */
function standalone(template: string, start: number, end: number): boolean {
  return (start === 0 || template[start - 1] === '\n') && template[end] === '\n'
}

function lookup(stack: Context, name: string): unknown {
  if (name === '.') return stack.at(-1)
  const [head, ...rest] = name.split('.')
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i]
    if (frame !== null && typeof frame === 'object' && head in frame) {
      return rest.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), (frame as Record<string, unknown>)[head])
    }
  }
  return undefined
}

function isFalsy(value: unknown): boolean {
  return value === undefined || value === null || value === false || value === 0 || value === '' || (Array.isArray(value) && value.length === 0)
}

function stringify(value: unknown, startsLine: boolean): string {
  if (value === undefined || value === null) return ''
  return markdownText(typeof value === 'object' ? JSON.stringify(value) : String(value), {startsLine})
}
