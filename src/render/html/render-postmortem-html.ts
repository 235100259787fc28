import {Marked, type Tokens} from 'marked'

import {chartFigure, chartForImage, escapeHtml, inlineSvg, type PostmortemChart} from './chart-figures.js'
import {POSTMORTEM_CSS} from './postmortem-css.js'

export type {PostmortemChart} from './chart-figures.js'

export interface PostmortemHtmlInput {
  title: string
  markdown: string
  /** Inlined where the Markdown references `<id>.svg`; any not referenced are appended at the end. */
  charts: PostmortemChart[]
}

const SAFE_HREF = /^(?:https?:|mailto:|#|\.{0,2}\/|[\w.-]+(?:[/?#]|$))/i

/**
 * The postmortem as one self-contained HTML file: no scripts, stylesheets, fonts or images are
 * fetched. Charts the Markdown shows as SVG files beside it are inlined as <svg>; raw HTML in the
 * Markdown is shown as text, because the Markdown quotes (redacted) evidence we do not control.
 */
export function renderPostmortemHtml(input: PostmortemHtmlInput): string {
  const {title, markdown, charts} = input
  const inlined = new Set<string>()
  const marked = new Marked({
    gfm: true,
    renderer: {
      paragraph({tokens}: Tokens.Paragraph): string | false {
        const visible = tokens.filter((t) => !(t.type === 'text' && t.raw.trim() === '') && t.type !== 'br')
        const only = visible.length === 1 && visible[0].type === 'image' ? (visible[0] as Tokens.Image) : null
        const chart = only ? chartForImage(only.href, charts) : undefined
        if (!chart) return false
        inlined.add(chart.id)
        return chartFigure(chart)
      },
      image({href, text}: Tokens.Image): string {
        const chart = chartForImage(href, charts)
        if (chart) {
          inlined.add(chart.id)
          return `<span class="chart">${inlineSvg(chart)}</span>`
        }
        // Loading a file beside the HTML would make it depend on more than itself.
        return `<span class="missing-image">[image not embedded: ${escapeHtml(text || href)}]</span>`
      },
      html({text, block}: Tokens.HTML | Tokens.Tag): string {
        if (/^\s*<!--[\s\S]*-->\s*$/.test(text)) return ''
        return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text)
      },
      link({href, tokens}: Tokens.Link): string | false {
        if (SAFE_HREF.test(href.trim())) return false
        return this.parser.parseInline(tokens)
      },
    },
  })

  const body = marked.parse(markdown, {async: false})
  const appended = charts.filter((chart) => !inlined.has(chart.id))
  const chartSection = appended.length > 0 ? `<section class="charts">\n<h2>Charts</h2>\n${appended.map(chartFigure).join('')}</section>\n` : ''

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="incident-response">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${POSTMORTEM_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body + chartSection,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
