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
const EVIDENCE_ID = /^ev-[a-z0-9][a-z0-9._-]*$/
/** A list item that defines an evidence id: "- `ev-logs-2` — …" (the Supporting information list). */
const EVIDENCE_ENTRY = /^[ \t]*[-*+] `(ev-[a-z0-9][a-z0-9._-]*)`/gm

/**
 * The postmortem as one self-contained HTML file: no scripts, stylesheets, fonts or images are
 * fetched. Charts the Markdown shows as SVG files beside it are inlined as <svg>; raw HTML in the
 * Markdown is shown as text, because the Markdown quotes (redacted) evidence we do not control.
 */
export function renderPostmortemHtml(input: PostmortemHtmlInput): string {
  const {title, markdown, charts} = input
  const inlined = new Set<string>()
  // Evidence ids link to their entry, and only ids that have one do: no link without a target.
  const entries = new Set([...markdown.matchAll(EVIDENCE_ENTRY)].map((match) => match[1]))
  const anchored = new Set<string>()
  let defining: string | null = null
  const marked = new Marked({
    gfm: true,
    renderer: {
      codespan({text}: Tokens.Codespan): string | false {
        if (!EVIDENCE_ID.test(text) || !entries.has(text) || text === defining) return false
        return `<a class="evidence-ref" href="#${text}"><code>${escapeHtml(text)}</code></a>`
      },
      listitem(item: Tokens.ListItem): string | false {
        const id = /^`(ev-[a-z0-9][a-z0-9._-]*)`/.exec(item.text)?.[1]
        if (!id || !entries.has(id) || anchored.has(id) || item.task) return false
        anchored.add(id)
        defining = id
        // Since marked 17 a loose item's text already comes as paragraph tokens.
        const body = this.parser.parse(item.tokens)
        defining = null
        return `<li id="${id}">${body}</li>\n`
      },
      table(token: Tokens.Table): string {
        // A header row of empty cells (a Markdown key/value table) is no header at all; body cells
        // carry their column's name, which the narrow layout shows beside each value.
        const names = token.header.map((cell) => plainText(this.parser.parseInline(cell.tokens)))
        const cell = (item: Tokens.TableCell, index: number, tag: 'th' | 'td') => {
          const align = item.align ? ` style="text-align:${item.align}"` : ''
          const label = tag === 'td' && names[index] ? ` data-label="${escapeHtml(names[index])}"` : ''
          return `<${tag}${align}${label}>${this.parser.parseInline(item.tokens)}</${tag}>`
        }
        const head = names.some((name) => name !== '') ? `<thead>\n<tr>${token.header.map((item, i) => cell(item, i, 'th')).join('')}</tr>\n</thead>\n` : ''
        const rows = token.rows.map((row) => `<tr>${row.map((item, i) => cell(item, i, 'td')).join('')}</tr>`).join('\n')
        // Tables of more than two columns become labelled blocks on a phone; key/value tables fit as they are.
        const classes = [head ? '' : 'no-header', token.header.length > 2 ? 'wide' : ''].filter(Boolean).join(' ')
        return `<table${classes ? ` class="${classes}"` : ''}>\n${head}<tbody>\n${rows}\n</tbody>\n</table>\n`
      },
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

function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim()
}
