import {z} from 'zod'

import {formatDurationMinutes} from '../format.js'
import {ChartTimeSchema, parseChartInput} from './chart-input.js'
import {estimateTextWidth, escapeXml, num, svgDocument, tickLabelAnchor, truncateLabel} from './svg-text.js'
import {formatUtcClock, formatUtcDateRange, linearScale, MINUTE, paddedTimeDomain, timeTicks} from './time-axis.js'

const PhaseStripInputSchema = z.object({
  phases: z.array(z.object({name: z.string().min(1), from: ChartTimeSchema, to: ChartTimeSchema.nullable()})),
  /** The end of phases still open (`to: null`); passed in so output stays deterministic. */
  now: ChartTimeSchema,
  width: z.number().int().min(320).default(800),
})
export type PhaseStripInput = z.input<typeof PhaseStripInputSchema>

const FILLS = ['#fecaca', '#fde68a', '#bfdbfe', '#bbf7d0', '#99f6e4', '#ddd6fe', '#fbcfe8']
const STROKES = ['#b91c1c', '#b45309', '#1d4ed8', '#047857', '#0f766e', '#6d28d9', '#be185d']
const ROW = 28
const BAR = 20
const TOP = 32
const LABEL_COLUMN = 120
const FONT = 11

interface Bar {
  name: string
  from: number
  to: number
  open: boolean
  /** Human duration, or a note when the data is inconsistent. */
  duration: string
}

/**
 * One row per incident phase (impact, detection, response, mitigation, resolution …) on a shared
 * UTC time axis, each bar labelled with its duration. Phases may overlap (impact spans them all),
 * which is why each gets its own row instead of sharing one strip.
 */
export function renderPhaseStrip(input: PhaseStripInput): string {
  const {phases, now, width} = parseChartInput(PhaseStripInputSchema, input, 'phase strip')
  const nowMs = Date.parse(now)
  const bars: Bar[] = phases.map((phase) => {
    const from = Date.parse(phase.from)
    const to = phase.to === null ? nowMs : Date.parse(phase.to)
    const minutes = (to - from) / MINUTE
    const duration = minutes < 0 ? 'ends before it starts' : `${formatDurationMinutes(minutes)}${phase.to === null ? ' so far' : ''}`
    return {name: phase.name, from, to: Math.max(from, to), open: phase.to === null, duration}
  })

  const height = TOP + Math.max(bars.length, 1) * ROW + 40
  if (bars.length === 0) {
    const body = `<text x="12" y="18" font-size="13" font-weight="600" fill="#0f172a">Incident phases</text>\n<text class="no-data" x="${num(width / 2)}" y="${TOP + 14}" text-anchor="middle" font-size="13" fill="#475569">No phase timestamps recorded</text>`
    return wrapSvg(width, height, 'Incident phases: no phase timestamps recorded', body)
  }

  const [from, to] = paddedTimeDomain(Math.min(...bars.map((b) => b.from)), Math.max(...bars.map((b) => b.to)))
  const left = LABEL_COLUMN
  const right = width - 16
  const x = linearScale([from, to], [left, right])
  const axisY = TOP + bars.length * ROW + 2

  const rows = bars.map((bar, index) => renderBar(bar, index, x, left, right))
  const ticks = timeTicks(from, to, right - left).map((tick) => {
    const xx = num(x(tick.at))
    return [
      `<line x1="${xx}" x2="${xx}" y1="${TOP - 4}" y2="${axisY + 4}" stroke="#e2e8f0"/>`,
      `<text x="${xx}" y="${axisY + 16}" text-anchor="${tickLabelAnchor(x(tick.at), tick.label, FONT, width)}" font-size="${FONT}" fill="#475569">${tick.label}</text>`,
    ].join('\n')
  })
  const body = [
    `<text x="12" y="18" font-size="13" font-weight="600" fill="#0f172a">Incident phases (UTC, ${escapeXml(formatUtcDateRange(from, to))})</text>`,
    `<g class="time-axis">\n${ticks.join('\n')}\n<line x1="${left}" x2="${right}" y1="${axisY}" y2="${axisY}" stroke="#64748b"/>\n</g>`,
    ...rows,
  ].join('\n')
  const description = `Incident phases: ${bars
    .map((b) => `${b.name} ${formatUtcClock(b.from)}–${b.open ? 'ongoing' : formatUtcClock(b.to)} (${b.duration})`)
    .join(', ')}`
  return wrapSvg(width, height, description, body)
}

function renderBar(bar: Bar, index: number, x: (v: number) => number, left: number, right: number): string {
  const y = TOP + index * ROW
  const x0 = x(bar.from)
  const barWidth = Math.max(2, x(bar.to) - x0)
  const fill = FILLS[index % FILLS.length]
  const stroke = STROKES[index % STROKES.length]
  const dash = bar.open ? ' stroke-dasharray="4 3"' : ''
  const textWidth = estimateTextWidth(bar.duration, FONT)
  // Inside the bar when it fits, else after it, else before it.
  let textX = x0 + 6
  let anchor = ''
  if (textWidth + 12 > barWidth) {
    if (x0 + barWidth + 6 + textWidth <= right) textX = x0 + barWidth + 6
    else {
      textX = x0 - 6
      anchor = ' text-anchor="end"'
    }
  }
  return [
    `<g class="phase${bar.open ? ' phase-open' : ''}">`,
    `<title>${escapeXml(`${bar.name}: ${bar.duration}`)}</title>`,
    `<text x="${left - 8}" y="${y + BAR / 2}" dy="0.32em" text-anchor="end" font-size="12" fill="#0f172a">${escapeXml(truncateLabel(bar.name, 16))}</text>`,
    `<rect x="${num(x0)}" y="${y}" width="${num(barWidth)}" height="${BAR}" rx="3" fill="${fill}" stroke="${stroke}"${dash}/>`,
    `<text x="${num(textX)}" y="${y + BAR / 2}" dy="0.32em"${anchor} font-size="${FONT}" fill="#0f172a">${escapeXml(bar.duration)}</text>`,
    '</g>',
  ].join('\n')
}

function wrapSvg(width: number, height: number, description: string, body: string): string {
  return svgDocument({className: 'phase-strip', width, height, title: 'Incident phases', description, body})
}
