import {describe, expect, it} from 'vitest'

import {renderMarkdownForTerminal} from '../../src/render/terminal-markdown.js'

const markdown = `# Postmortem: checkout-api

## Summary
Requests **failed** with HTTP 500 after the deploy of \`v2.3\`. See [runbook](https://runbooks.example.com/db).

| Time (UTC) | Event |
|---|---|
| 14:02 | Onset |

\`\`\`js
const pool = createPool({max: 10})
\`\`\`

- Roll back **v2.3** ([runbook](https://runbooks.example.com/rollback))
- Add a lock-wait alert
`

describe('renderMarkdownForTerminal', () => {
  it('renders headings, tables, code and lists as plain text when color is off', () => {
    const text = renderMarkdownForTerminal(markdown, {color: false})
    expect(text).not.toMatch(/\u001b/)
    expect(text).toContain('Postmortem: checkout-api')
    expect(text).toContain('Requests failed with HTTP 500')
    expect(text).toMatch(/14:02\s*│?\s*Onset/)
    expect(text).toContain('const pool = createPool({max: 10})')
    expect(text).toMatch(/\* Roll back v2\.3 \(?runbook.*https:\/\/runbooks\.example\.com\/rollback/)
    expect(text).toContain('https://runbooks.example.com/db')
    expect(text).not.toContain('**')
  })

  it('uses colour when asked', () => {
    const text = renderMarkdownForTerminal(markdown, {color: true})
    expect(text).toMatch(/\u001b\[\d+m/)
  })

  it('wraps prose at the given width', () => {
    const long = `${'word '.repeat(60)}end`
    const lines = renderMarkdownForTerminal(long, {color: false, width: 40}).split('\n').filter((l) => l.trim() !== '')
    expect(lines.length).toBeGreaterThan(5)
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(40)
  })

  it('keeps control characters from the Markdown out of the output', () => {
    expect(renderMarkdownForTerminal('log: \u001b[31mred\u001b[0m and \u0007bell', {color: false})).not.toMatch(/[\u0007\u001b]/)
  })
})
