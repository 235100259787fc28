import {InternalError} from '../../errors/errors.js'

export interface PostmortemChart {
  /** The chart's file stem: `error-rate` is the chart the Markdown shows as `error-rate.svg`. */
  id: string
  caption: string
  svg: string
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** The chart an image reference points at: `error-rate.svg`, `./charts/error-rate.svg?v=2` or `error-rate`. */
export function chartForImage(href: string, charts: readonly PostmortemChart[]): PostmortemChart | undefined {
  const file = href.split(/[?#]/)[0].split('/').pop() ?? ''
  const stem = file.replace(/\.svg$/i, '')
  return charts.find((chart) => chart.id === stem)
}

/** Our charts are generated, but an XML prolog or anything not an <svg> would break inline HTML. */
export function inlineSvg(chart: PostmortemChart): string {
  const svg = chart.svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').trim()
  if (!svg.startsWith('<svg')) throw new InternalError(`chart "${chart.id}" is not an <svg> element`)
  return svg
}

export function chartFigure(chart: PostmortemChart): string {
  return `<figure class="chart" data-chart="${escapeHtml(chart.id)}">\n${inlineSvg(chart)}\n<figcaption>${escapeHtml(chart.caption)}</figcaption>\n</figure>\n`
}
