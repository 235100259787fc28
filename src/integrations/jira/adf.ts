/** Just enough Atlassian Document Format to describe an action item. */

export type AdfInline = {type: 'text'; text: string; marks?: Array<{type: 'strong' | 'code'}>}
export type AdfBlock =
  | {type: 'paragraph'; content: AdfInline[]}
  | {type: 'heading'; attrs: {level: number}; content: AdfInline[]}
  | {type: 'bulletList'; content: Array<{type: 'listItem'; content: AdfBlock[]}>}
export interface AdfDocument {
  type: 'doc'
  version: 1
  content: AdfBlock[]
}

export function adfDocument(content: AdfBlock[]): AdfDocument {
  return {type: 'doc', version: 1, content}
}

/** ADF rejects empty text nodes, so empty strings are dropped. */
export function paragraph(...inlines: AdfInline[]): AdfBlock {
  return {type: 'paragraph', content: inlines.filter((inline) => inline.text !== '')}
}

export function heading(text: string, level = 3): AdfBlock {
  return {type: 'heading', attrs: {level}, content: [plain(text)]}
}

export function bulletList(items: AdfInline[][]): AdfBlock {
  return {type: 'bulletList', content: items.map((inlines) => ({type: 'listItem', content: [paragraph(...inlines)]}))}
}

export function plain(text: string): AdfInline {
  return {type: 'text', text}
}

export function strong(text: string): AdfInline {
  return {type: 'text', text, marks: [{type: 'strong'}]}
}

export function code(text: string): AdfInline {
  return {type: 'text', text, marks: [{type: 'code'}]}
}
