/**
 * The postmortem's stylesheet: readable on screen, economical on paper. Kept inline so the HTML
 * is one self-contained file (opened from an artifact zip, attached to a ticket, printed).
 */
export const POSTMORTEM_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 16px; line-height: 1.55; color: #1e293b; background: #ffffff;
}
h1, h2, h3, h4 { line-height: 1.25; color: #0f172a; margin: 1.8em 0 0.6em; }
h1 { font-size: 1.9rem; margin-top: 0; padding-bottom: 0.3em; border-bottom: 2px solid #e2e8f0; }
h2 { font-size: 1.4rem; padding-bottom: 0.2em; border-bottom: 1px solid #e2e8f0; }
h3 { font-size: 1.15rem; }
p, ul, ol, table, pre, blockquote, figure { margin: 0 0 1em; }
a { color: #1d4ed8; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; background: #f1f5f9; padding: 0.1em 0.3em; border-radius: 3px; }
pre { background: #f8fafc; border: 1px solid #e2e8f0; border-radius: 4px; padding: 0.8em 1em; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
pre code { background: none; padding: 0; }
blockquote { margin-left: 0; padding: 0.2em 1em; border-left: 4px solid #cbd5e1; color: #475569; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { border: 1px solid #cbd5e1; padding: 0.4em 0.6em; text-align: left; vertical-align: top; overflow-wrap: break-word; }
/* Long values (shas, paths, sample lines) may break anywhere; a key column keeps its words whole. */
td:not(:first-child) { overflow-wrap: anywhere; }
p, li { overflow-wrap: anywhere; }
code { overflow-wrap: anywhere; }
a.evidence-ref { text-decoration: none; }
a.evidence-ref:hover code, a.evidence-ref:focus code { text-decoration: underline; }
li:target { background: #fef9c3; }
th { background: #f1f5f9; }
tr:nth-child(even) td { background: #f8fafc; }
figure.chart { margin: 1.5em 0; }
figure.chart svg { display: block; width: 100%; height: auto; border: 1px solid #e2e8f0; border-radius: 4px; }
figure.chart figcaption { font-size: 0.9em; color: #475569; margin-top: 0.4em; }
.missing-image { color: #64748b; font-style: italic; }
/* A phone: rows of wide tables become blocks, each cell labelled with its column; a chart keeps a
   readable size and scrolls sideways inside its frame instead of shrinking its text away. */
@media screen and (max-width: 640px) {
  body { padding: 1rem 0.8rem 3rem; font-size: 15px; }
  table.wide, table.wide tbody, table.wide tr, table.wide td { display: block; width: 100%; }
  table.wide thead { display: none; }
  table.wide tr { margin: 0 0 0.8em; border: 1px solid #cbd5e1; border-radius: 4px; }
  table.wide td { border: none; border-top: 1px solid #e2e8f0; }
  table.wide tr td:first-child { border-top: none; }
  table.wide td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: #475569; }
  table.wide tr:nth-child(even) td { background: none; }
  table.wide td:empty { display: none; }
  figure.chart { overflow-x: auto; }
  figure.chart svg { min-width: 640px; }
}
@media print {
  @page { margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; color: #000000; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, figure, pre, blockquote, tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  th, tr:nth-child(even) td, code, pre { background: none !important; }
  figure.chart svg { border: none; }
  a { color: #000000; text-decoration: underline; }
  a[href^="http"]::after, a[href^="mailto:"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
}
`
