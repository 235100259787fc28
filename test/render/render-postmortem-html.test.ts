import {describe, expect, it} from 'vitest'

import {renderPostmortemHtml} from '../../src/render/html/render-postmortem-html.js'
import {samplePostmortem} from './sample-postmortem.js'

const chart = (id: string) => ({id, caption: `Caption of ${id}`, svg: `<svg xmlns="http://www.w3.org/2000/svg" class="${id}" role="img" aria-label="x"><title>${id}</title></svg>`})

describe('renderPostmortemHtml', () => {
  it('inlines both referenced charts as figures, not images or paragraphs', () => {
    const html = renderPostmortemHtml(samplePostmortem())
    expect(html.match(/<figure class="chart"/g)).toHaveLength(2)
    expect(html).toMatch(/<figure class="chart" data-chart="error-rate">\n<svg [^>]*class="chart error-rate-chart"/)
    expect(html).toContain('data-chart="phase-strip"')
    expect(html).toContain('<figcaption>Incident phases and their durations</figcaption>')
    expect(html).not.toMatch(/<p>\s*<figure/)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<section class="charts">')
  })

  it('is self-contained: no scripts, stylesheets, fonts or images fetched', () => {
    const html = renderPostmortemHtml(samplePostmortem())
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|\bsrc=|@import|url\(/i)
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).toContain('<meta charset="utf-8">')
  })

  it('escapes the title and raw HTML from the Markdown', () => {
    const html = renderPostmortemHtml(samplePostmortem())
    expect(html).toContain('<title>Postmortem: checkout-api &lt;errors&gt; &amp; rollback</title>')
    expect(html).toContain('checkout-api errors &lt;P0&gt;</h1>')
    const hostile = renderPostmortemHtml({title: 't', markdown: 'Log: <script>alert(1)</script>\n\n<div onclick="x()">raw</div>\n\n<!-- hint -->', charts: []})
    expect(hostile).not.toMatch(/<script|<div onclick/)
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(hostile).toContain('&lt;div onclick=&quot;x()&quot;&gt;raw&lt;/div&gt;')
    expect(hostile).not.toContain('hint')
  })

  it('renders Markdown tables, code and safe links; drops script links', () => {
    const html = renderPostmortemHtml(samplePostmortem())
    expect(html).toContain('<table class="wide">')
    expect(html).toContain('<th>Time (UTC)</th>')
    expect(html).toContain('<pre><code class="language-text">')
    expect(html).toContain('<a href="https://runbooks.example.com/migrations">runbook</a>')
    const bad = renderPostmortemHtml({title: 't', markdown: '[click](javascript:alert(1)) and [doc](docs/a.md)', charts: []})
    expect(bad).not.toContain('javascript:')
    expect(bad).toContain('click')
    expect(bad).toContain('<a href="docs/a.md">doc</a>')
  })

  it('links evidence ids to their Supporting information entry, and only ids that have one', () => {
    const markdown = ['Root cause [`ev-logs-2`, `ev-git-abc1234`].', '', '## Supporting information', '- `ev-logs-2` — 531× insert failed (app.log:12), cited by `ev-logs-2` itself', ''].join('\n')
    const html = renderPostmortemHtml({title: 't', markdown, charts: []})
    expect(html).toContain('<a class="evidence-ref" href="#ev-logs-2"><code>ev-logs-2</code></a>')
    expect(html).toContain('<li id="ev-logs-2"><code>ev-logs-2</code> — 531×')
    expect(html).toContain('<code>ev-git-abc1234</code>') // no entry: no link to nowhere
    expect(html).not.toContain('href="#ev-git-abc1234"')
    expect(html.match(/id="ev-logs-2"/g)).toHaveLength(1)
  })

  it('keeps the paragraphs of a loose Supporting information list inside the anchored entries', () => {
    const markdown = ['See `ev-logs-2`.', '', '## Supporting information', '', '- `ev-logs-2` — 531× insert failed', '', '- `ev-logs-3` — 12× timeout', ''].join('\n')
    const html = renderPostmortemHtml({title: 't', markdown, charts: []})
    expect(html).toContain('<li id="ev-logs-2"><p><code>ev-logs-2</code> — 531× insert failed</p>\n</li>')
    expect(html).toContain('<li id="ev-logs-3"><p><code>ev-logs-3</code> — 12× timeout</p>\n</li>')
  })

  it('drops a header row of empty cells, and labels the cells of wide tables for the phone layout', () => {
    const html = renderPostmortemHtml({title: 't', markdown: '| | |\n|---|---|\n| Severity | P0 |\n\n| Time | Event | Evidence |\n|---|---|---|\n| 14:02 | Onset | x |\n', charts: []})
    expect(html).toContain('<table class="no-header">\n<tbody>\n<tr><td>Severity</td><td>P0</td></tr>')
    expect(html).not.toMatch(/<th><\/th>/)
    expect(html).toContain('<table class="wide">')
    expect(html).toContain('<td data-label="Event">Onset</td>')
    expect(html).toMatch(/@media screen and \(max-width: 640px\)/)
  })

  it('has print CSS that avoids page breaks in tables and figures and shows link targets', () => {
    const html = renderPostmortemHtml(samplePostmortem())
    expect(html).toMatch(/@media print \{[\s\S]*table, figure[^{]*\{ break-inside: avoid; page-break-inside: avoid; \}/)
    expect(html).toMatch(/a\[href\^="http"\]::after[^{]*\{ content: " \(" attr\(href\) "\)"/)
    expect(html).toMatch(/@media print[\s\S]*background: none !important/)
  })

  it('matches a chart by file stem, inline images inside text, and appends unreferenced charts', () => {
    const html = renderPostmortemHtml({
      title: 't',
      markdown: 'See ![a](./charts/a.svg?v=1) inline.\n\n![missing](photo.png)',
      charts: [chart('a'), chart('b')],
    })
    expect(html).toMatch(/<p>See <span class="chart"><svg [^>]*class="a"/)
    expect(html).toContain('<span class="missing-image">[image not embedded: missing]</span>')
    expect(html).toMatch(/<section class="charts">\n<h2>Charts<\/h2>\n<figure class="chart" data-chart="b">/)
    expect(html).not.toContain('data-chart="a"')
  })

  it('strips an XML prolog from a chart and refuses non-SVG chart content', () => {
    const withProlog = {...chart('a'), svg: `<?xml version="1.0"?>\n${chart('a').svg}`}
    expect(renderPostmortemHtml({title: 't', markdown: '![a](a.svg)', charts: [withProlog]})).not.toContain('<?xml')
    expect(() => renderPostmortemHtml({title: 't', markdown: '', charts: [{id: 'x', caption: 'x', svg: '<img src=x>'}]})).toThrow(/not an <svg>/)
  })
})
