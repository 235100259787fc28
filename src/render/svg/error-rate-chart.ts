import {z} from 'zod'

import {ChartTimeSchema, parseChartInput} from './chart-input.js'
import {MARKER_KINDS, MARKER_STYLES, type MarkerKind} from './marker-style.js'
import {estimateTextWidth, escapeXml, num, svgDocument, tickLabelAnchor} from './svg-text.js'
import {formatUtcClock, formatUtcDateRange, linearScale, paddedTimeDomain, timeTicks} from './time-axis.js'

const ErrorRateChartInputSchema = z.object({
  buckets: z.array(z.object({t: ChartTimeSchema, total: z.number().nonnegative(), error: z.number().nonnegative()})),
  markers: z.array(z.object({at: ChartTimeSchema, label: z.string(), kind: z.enum(MARKER_KINDS)})),
  width: z.number().int().min(320).default(800),
  height: z.number().int().min(200).default(320),
})
export type ErrorRateChartInput = z.input<typeof ErrorRateChartInputSchema>

const LINE_COLOR = '#334155'
const AREA_COLOR = '#94a3b8'
const LABEL_FONT = 11
const LABEL_ROW = 14
const MAX_LABEL_ROWS = 4
/** Lines of the numbered marker list under the chart. */
const KEY_ROW = 15
const KEY_INDENT = 28

interface Point {
  at: number
  /** Percent, or null where the bucket saw no lines at all (a gap, not 0 %). */
  rate: number | null
}

interface PlacedMarker {
  at: number
  kind: MarkerKind
  /** The full text, listed under the chart next to `number`. */
  label: string
  /** What the chart itself shows at the marker: its number in the list. */
  number: number
  row: number
  anchorEnd: boolean
}

/**
 * The error rate (errors / total, %) over time with a vertical line per event. Pure and
 * deterministic: the same input gives the same bytes, so the SVG can be committed and diffed.
 */
export function renderErrorRateChart(input: ErrorRateChartInput): string {
  const {buckets, markers, width, height} = parseChartInput(ErrorRateChartInputSchema, input, 'error-rate chart')
  const points: Point[] = buckets
    .map((b) => ({at: Date.parse(b.t), rate: b.total > 0 ? (Math.min(b.error, b.total) / b.total) * 100 : null}))
    .sort((a, b) => a.at - b.at)
  const rated = points.filter((p): p is {at: number; rate: number} => p.rate !== null)
  if (rated.length === 0) return renderNoData(width, height)

  const events = markers.map((m) => ({at: Date.parse(m.at), kind: m.kind, label: m.label})).sort((a, b) => a.at - b.at)
  const [from, to] = paddedTimeDomain(
    Math.min(points[0].at, ...events.map((e) => e.at)),
    Math.max(points[points.length - 1].at, ...events.map((e) => e.at)),
  )

  const left = 52
  const right = width - 16
  const plotWidth = right - left
  const x = linearScale([from, to], [left, right])
  const placed = placeMarkerLabels(events, x, left, right)
  const rows = placed.reduce((max, m) => Math.max(max, m.row + 1), 0)
  const labelTop = 34
  const top = labelTop + rows * LABEL_ROW + 6
  const bottom = height - 60
  const peak = rated.reduce((best, p) => (p.rate > best.rate ? p : best))
  const axis = rateAxis(peak.rate)
  const y = linearScale([0, axis.max], [bottom, top])
  // Marker texts are never cut: the chart shows numbers, and the list under it wraps.
  const key = markerKey(placed, left, width - 16)
  const total = height + (key.length > 0 ? key.length * KEY_ROW + 8 : 0)

  const parts: string[] = []
  parts.push(`<text x="${left}" y="18" font-size="13" font-weight="600" fill="#0f172a">Error rate over time (UTC)</text>`)
  parts.push(renderYAxis(axis, y, left, right))
  parts.push(renderXAxis(from, to, x, bottom, plotWidth, width))
  parts.push(renderSeries(points, x, y, bottom))
  parts.push(...placed.map((m) => renderMarker(m, x, labelTop, bottom)))
  parts.push(renderLegend(events.map((e) => e.kind), left, height - 12))
  if (key.length > 0) parts.push(renderKey(key, left, height + 8))

  const dateRange = formatUtcDateRange(from, to)
  const description = describe(peak, events, dateRange)
  return wrapSvg(width, total, 'Error rate over time', description, parts.join('\n'))
}

function renderNoData(width: number, height: number): string {
  const body = [
    `<text x="52" y="18" font-size="13" font-weight="600" fill="#0f172a">Error rate over time (UTC)</text>`,
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="none" stroke="#cbd5e1"/>`,
    `<text class="no-data" x="${num(width / 2)}" y="${num(height / 2)}" text-anchor="middle" font-size="14" fill="#475569">No log data: the error rate cannot be charted</text>`,
  ].join('\n')
  return wrapSvg(width, height, 'Error rate over time', 'Error rate over time: no log data', body)
}

function wrapSvg(width: number, height: number, title: string, description: string, body: string): string {
  return svgDocument({className: 'error-rate-chart', width, height, title, description, body})
}

/** Round axis tops and their grid step; the first leaving 10 % headroom above the peak is used. */
const RATE_AXES: ReadonlyArray<{max: number; step: number}> = [
  {max: 1, step: 0.25}, {max: 2, step: 0.5}, {max: 5, step: 1}, {max: 10, step: 2}, {max: 20, step: 5},
  {max: 25, step: 5}, {max: 40, step: 10}, {max: 50, step: 10}, {max: 60, step: 15}, {max: 80, step: 20},
  {max: 100, step: 20},
]

function rateAxis(peak: number): {max: number; step: number} {
  return RATE_AXES.find((axis) => peak * 1.1 <= axis.max) ?? RATE_AXES[RATE_AXES.length - 1]
}

function renderYAxis(axis: {max: number; step: number}, y: (v: number) => number, left: number, right: number): string {
  const {max, step} = axis
  const lines: string[] = []
  for (let value = 0; value <= max + 1e-9; value += step) {
    const yy = num(y(value))
    const label = `${step < 1 ? value.toFixed(2).replace(/0$/, '') : Math.round(value)}%`
    lines.push(`<line x1="${left}" x2="${right}" y1="${yy}" y2="${yy}" stroke="${value === 0 ? '#64748b' : '#e2e8f0'}"/>`)
    lines.push(`<text x="${left - 6}" y="${yy}" dy="0.32em" text-anchor="end" font-size="11" fill="#475569">${label}</text>`)
  }
  return `<g class="y-axis">\n${lines.join('\n')}\n</g>`
}

function renderXAxis(from: number, to: number, x: (v: number) => number, bottom: number, plotWidth: number, width: number): string {
  const ticks = timeTicks(from, to, plotWidth)
  const lines = ticks.map((tick) => {
    const xx = num(x(tick.at))
    return [
      `<line x1="${xx}" x2="${xx}" y1="${bottom}" y2="${bottom + 4}" stroke="#64748b"/>`,
      `<text x="${xx}" y="${bottom + 16}" text-anchor="${tickLabelAnchor(x(tick.at), tick.label, 11, width)}" font-size="11" fill="#475569">${tick.label}</text>`,
    ].join('\n')
  })
  const title = `<text x="${num(x(from) + plotWidth / 2)}" y="${bottom + 32}" text-anchor="middle" font-size="11" fill="#475569">Time (UTC), ${escapeXml(formatUtcDateRange(from, to))}</text>`
  return `<g class="x-axis">\n${lines.join('\n')}\n${title}\n</g>`
}

/** Line and area per run of buckets with data; a run of one bucket is drawn as a dot. */
function renderSeries(points: Point[], x: (v: number) => number, y: (v: number) => number, bottom: number): string {
  const runs: Array<Array<{at: number; rate: number}>> = [[]]
  for (const p of points) {
    if (p.rate === null) runs.push([])
    else runs[runs.length - 1].push({at: p.at, rate: p.rate})
  }
  const out: string[] = []
  for (const run of runs.filter((r) => r.length > 0)) {
    if (run.length === 1) {
      out.push(`<circle class="error-rate-point" cx="${num(x(run[0].at))}" cy="${num(y(run[0].rate))}" r="3" fill="${LINE_COLOR}"/>`)
      continue
    }
    const coords = run.map((p) => `${num(x(p.at))},${num(y(p.rate))}`)
    const first = num(x(run[0].at))
    const last = num(x(run[run.length - 1].at))
    out.push(`<path class="error-rate-area" d="M${first},${bottom} L${coords.join(' L')} L${last},${bottom} Z" fill="${AREA_COLOR}" fill-opacity="0.35"/>`)
    out.push(`<path class="error-rate-line" d="M${coords.join(' L')}" fill="none" stroke="${LINE_COLOR}" stroke-width="2" stroke-linejoin="round"/>`)
  }
  return `<g class="series">\n${out.join('\n')}\n</g>`
}

/** Greedy rows: each marker's number takes the first row where it does not overlap the previous one. */
function placeMarkerLabels(
  events: Array<{at: number; kind: MarkerKind; label: string}>,
  x: (v: number) => number,
  left: number,
  right: number,
): PlacedMarker[] {
  const rowEnds: number[] = []
  return events.map((event, index) => {
    const number = index + 1
    const xx = x(event.at)
    const textWidth = estimateTextWidth(String(number), LABEL_FONT)
    const anchorEnd = xx + 3 + textWidth > right && xx - 3 - textWidth >= left
    const start = anchorEnd ? xx - 3 - textWidth : xx + 3
    let row = rowEnds.findIndex((end) => end + 4 <= start)
    if (row === -1) row = rowEnds.length < MAX_LABEL_ROWS ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds))
    rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, start + textWidth)
    return {at: event.at, kind: event.kind, label: event.label, number, row, anchorEnd}
  })
}

function renderMarker(marker: PlacedMarker, x: (v: number) => number, labelTop: number, bottom: number): string {
  const style = MARKER_STYLES[marker.kind]
  const xx = num(x(marker.at))
  const labelY = labelTop + marker.row * LABEL_ROW
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : ''
  const textX = num(x(marker.at) + (marker.anchorEnd ? -3 : 3))
  const anchor = marker.anchorEnd ? ' text-anchor="end"' : ''
  return [
    `<g class="marker marker-${marker.kind}">`,
    `<title>${escapeXml(`${marker.number}. ${style.legend}: ${marker.label} at ${formatUtcClock(marker.at)} UTC`)}</title>`,
    `<line x1="${xx}" x2="${xx}" y1="${labelY - 10}" y2="${bottom}" stroke="${style.color}" stroke-width="1.5"${dash}/>`,
    `<text x="${textX}" y="${labelY}"${anchor} font-size="${LABEL_FONT}" font-weight="600" fill="${style.color}">${marker.number}</text>`,
    '</g>',
  ].join('\n')
}

interface KeyLine {
  kind: MarkerKind
  /** The marker's number on its first line, null on the lines that continue it. */
  number: number | null
  text: string
}

/** The numbered list of markers, each wrapped at word boundaries to the chart's width. */
function markerKey(placed: PlacedMarker[], left: number, right: number): KeyLine[] {
  const room = right - left - KEY_INDENT
  return placed.flatMap((marker) =>
    wrapWords(`${formatUtcClock(marker.at)} ${MARKER_STYLES[marker.kind].legend.toLowerCase()}: ${marker.label}`, room).map((text, i) => ({kind: marker.kind, number: i === 0 ? marker.number : null, text})),
  )
}

function wrapWords(text: string, room: number): string[] {
  const lines: string[] = []
  let line = ''
  // A word wider than a line (a URL, a long identifier) is broken across lines rather than cut.
  const perLine = Math.max(8, Math.floor(room / (LABEL_FONT * 0.6)))
  const words = text.split(/\s+/).flatMap((word) => word.match(new RegExp(`.{1,${perLine}}`, 'gu')) ?? [word])
  for (const word of words) {
    const next = line ? `${line} ${word}` : word
    if (line && estimateTextWidth(next, LABEL_FONT) > room) {
      lines.push(line)
      line = word
    } else line = next
  }
  lines.push(line)
  return lines
}

function renderKey(lines: KeyLine[], left: number, top: number): string {
  const out = lines.map((line, i) => {
    const y = num(top + (i + 1) * KEY_ROW - 4)
    const mark = line.number === null ? '' : `<text x="${left}" y="${y}" font-size="${LABEL_FONT}" font-weight="600" fill="${MARKER_STYLES[line.kind].color}">${line.number}</text>`
    return `${mark}<text x="${left + KEY_INDENT}" y="${y}" font-size="${LABEL_FONT}" fill="#334155">${escapeXml(line.text)}</text>`
  })
  return `<g class="marker-key">\n${out.join('\n')}\n</g>`
}

function renderLegend(kinds: MarkerKind[], left: number, baseline: number): string {
  const present = MARKER_KINDS.filter((kind) => kinds.includes(kind))
  const items: string[] = [
    `<rect x="${left}" y="${baseline - 9}" width="18" height="10" fill="${AREA_COLOR}" fill-opacity="0.35" stroke="${LINE_COLOR}" stroke-width="1.5"/>`,
    `<text x="${left + 24}" y="${baseline}" font-size="11" fill="#334155">Error rate (% of lines)</text>`,
  ]
  let cursor = left + 24 + estimateTextWidth('Error rate (% of lines)', 11) + 18
  for (const kind of present) {
    const style = MARKER_STYLES[kind]
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : ''
    items.push(`<line x1="${num(cursor)}" x2="${num(cursor + 18)}" y1="${baseline - 4}" y2="${baseline - 4}" stroke="${style.color}" stroke-width="2"${dash}/>`)
    items.push(`<text x="${num(cursor + 24)}" y="${baseline}" font-size="11" fill="#334155">${style.legend}</text>`)
    cursor += 24 + estimateTextWidth(style.legend, 11) + 18
  }
  return `<g class="legend">\n${items.join('\n')}\n</g>`
}

function describe(peak: {at: number; rate: number}, events: Array<{at: number; kind: MarkerKind; label: string}>, dateRange: string): string {
  const listed = events.slice(0, 8).map((e) => `${MARKER_STYLES[e.kind].legend.toLowerCase()} at ${formatUtcClock(e.at)} (${e.label})`)
  const more = events.length > 8 ? `, and ${events.length - 8} more` : ''
  const markerText = listed.length > 0 ? `; ${listed.join(', ')}${more}` : ''
  return `Error rate over time, UTC ${dateRange}: peak ${peak.rate.toFixed(1)}% at ${formatUtcClock(peak.at)}${markerText}`
}
