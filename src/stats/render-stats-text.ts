import {formatDurationMinutes} from '../render/format.js'
import type {IncidentStats} from './incident-stats.js'

/** A plain-text report of `computeIncidentStats` for the terminal: no colour, fixed columns. */
export function renderStatsText(stats: IncidentStats): string {
  if (stats.incidentCount === 0) return 'No incidents found.\n'
  const severities = Object.entries(stats.bySeverity).map(([s, n]) => `${s} ${n}`).join(' · ')
  const statuses = Object.entries(stats.byStatus).map(([s, n]) => `${s} ${n}`).join(' · ')
  const lines: string[] = [
    `Incidents: ${stats.incidentCount} (${severities}; ${statuses})`,
    '',
    'By root cause category',
    ...table(
      ['category', 'count'],
      stats.byCategory.map((c) => [c.category, String(c.count)]),
      ['left', 'right'],
    ),
    '',
    'Durations',
    ...table(
      ['duration', 'n', 'median', 'p90', 'measured as'],
      stats.durations.map((d) => [
        d.label,
        String(d.n),
        d.medianMinutes === null ? '–' : formatDurationMinutes(d.medianMinutes),
        d.p90Minutes === null ? '–' : formatDurationMinutes(d.p90Minutes),
        d.definition,
      ]),
      ['left', 'right', 'right', 'right', 'left'],
    ),
    '',
    `Medians and p90 (${stats.method.p90}) with the sample size n: incident durations are skewed, so means mislead.`,
  ]
  if (stats.warnings.length > 0) lines.push('', 'Warnings', ...stats.warnings.map((w) => `  ! ${w}`))
  return `${lines.join('\n')}\n`
}

function table(header: string[], rows: string[][], align: Array<'left' | 'right'>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const format = (cells: string[]) =>
    `  ${cells.map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd()}`
  return [format(header), `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...rows.map(format)]
}
