import {Marked} from 'marked'
import {describe, expect, it} from 'vitest'

import {markdownText, stripControls, terminalOutput} from '../../src/output/safe-text.js'
import {redact} from '../../src/redact/redact.js'

const ESC = '\u001b'
const BEL = '\u0007'
const HOSTILE = [
  `${ESC}]0;pwned${BEL}`, // window title
  `${ESC}[2J${ESC}[H`, // clear screen, cursor home
  `${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`, // OSC 8 hyperlink
  `${ESC}P1$r${ESC}\\`, // DCS
  '\u009b31m', // 8-bit CSI
  'a\rb', // carriage return overwrite
  'safe\u202eevil', // right-to-left override
]

describe('stripControls (issue L, item 2)', () => {
  it('removes escape sequences, C0/C1 controls and bidi overrides, keeping tab and newline', () => {
    for (const text of HOSTILE) expect(stripControls(text), JSON.stringify(text)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
    expect(stripControls(`${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\ here`)).toBe('click here')
    expect(stripControls(`deploy ${ESC}[31m2.14${ESC}[0m\tok\nnext`)).toBe('deploy 2.14\tok\nnext')
  })

  it('is part of redaction, so evidence text is clean at its source', () => {
    expect(redact(`subject ${ESC}]0;title${BEL}done`)).toBe('subject done')
  })

  it('terminalOutput keeps our colours and drops everything else', () => {
    expect(terminalOutput(`${ESC}[1mIncident${ESC}[22m ${ESC}]0;x${BEL}${ESC}[2J`, true)).toBe(`${ESC}[1mIncident${ESC}[22m `)
    expect(terminalOutput(`${ESC}[1mIncident${ESC}[22m`, false)).toBe('Incident')
  })
})

describe('markdownText (issue L, item 3)', () => {
  const html = (markdown: string) => new Marked({gfm: true}).parse(markdown, {async: false})

  it('renders evidence as the text it is: no heading, HTML, link, image, list or table cell break', () => {
    const evil = '# Heading\n<iframe src="https://evil.example/"></iframe> [login](https://evil.example/a) ![x](https://evil.example/p.png) https://evil.example/b www.evil.example | cell\n- item'
    const out = html(`Deploy: ${markdownText(evil, {startsLine: false})}\n\n${markdownText('# also a heading')}`)
    expect(out).not.toMatch(/<h\d|<iframe|<a |<img|<li|<table/)
    expect(out).toContain('&lt;iframe')
    expect(out).toContain('# also a heading')
    const cell = html(`| a | b |\n|---|---|\n| ${markdownText('x | y')} | z |`)
    expect(cell).toContain('<td>x | y</td>')
  })

  it('keeps code spans and words with underscores as they are', () => {
    expect(markdownText('rolled back `git revert a1b2c3d` on orders_pkey')).toBe('rolled back `git revert a1b2c3d` on orders_pkey')
    expect(markdownText(' [`ev-logs-2`]', {startsLine: false})).toBe(' \\[`ev-logs-2`\\]')
  })
})
