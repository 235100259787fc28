import {describe, expect, it} from 'vitest'

import {renderTemplate, TemplateError} from '../../src/render/template-engine.js'

describe('renderTemplate', () => {
  it('substitutes names and dotted paths', () => {
    expect(renderTemplate('{{a}} / {{b.c}} / {{missing}}', {a: 1, b: {c: 'x'}})).toBe('1 / x / ')
  })

  it('repeats sections over arrays with the item as context and {{.}}', () => {
    const out = renderTemplate('{{#items}}\n- {{name}} ({{sev}})\n{{/items}}\n', {sev: 'P0', items: [{name: 'a'}, {name: 'b'}]})
    expect(out).toBe('- a (P0)\n- b (P0)\n')
    expect(renderTemplate('{{#xs}}[{{.}}]{{/xs}}', {xs: [1, 2]})).toBe('[1][2]')
  })

  it('renders inverted sections only for falsy or empty values', () => {
    expect(renderTemplate('{{^xs}}none{{/xs}}', {xs: []})).toBe('none')
    expect(renderTemplate('{{^xs}}none{{/xs}}', {xs: [1]})).toBe('')
    expect(renderTemplate('{{#flag}}on{{/flag}}{{^flag}}off{{/flag}}', {flag: false})).toBe('off')
  })

  it('handles nested sections of the same name and comments', () => {
    const out = renderTemplate('{{! note }}{{#a}}({{#a}}{{v}}{{/a}}){{/a}}', {a: [{v: 1, a: [{v: 2}]}]})
    expect(out).toBe('(2)')
  })

  it('reports an unclosed section', () => {
    expect(() => renderTemplate('{{#a}}x', {a: true})).toThrow(TemplateError)
  })
})

describe('renderTemplate with lengths', () => {
  it('treats a zero length as falsy so optional blocks disappear', () => {
    expect(renderTemplate('{{#xs.length}}has {{xs.length}}{{/xs.length}}{{^xs.length}}empty{{/xs.length}}', {xs: []})).toBe('empty')
    expect(renderTemplate('{{#xs.length}}has {{xs.length}}{{/xs.length}}', {xs: [1, 2]})).toBe('has 2')
  })
})

describe('renderTemplate with inline sections', () => {
  it('keeps the newline after a section that ends inside a line', () => {
    expect(renderTemplate('{{#xs}}\n- {{n}}{{#r}} ({{r}}){{/r}}\n{{/xs}}', {xs: [{n: 'a', r: 'x'}, {n: 'b'}]})).toBe('- a (x)\n- b\n')
    expect(renderTemplate('A{{#f}} · {{f}}{{/f}}\n\nB', {f: 'note'})).toBe('A · note\n\nB')
  })
})
