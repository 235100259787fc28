import {readFile} from 'node:fs/promises'

import {parse} from 'csv-parse/sync'

import {parseMetricTime, parseMetricValue, type MetricReadResult, type MetricSource, type RawSeries} from './metric-source.js'

/** A wide CSV: `timestamp,<series>,<series>…`, one row per sample time. */
export class CsvMetricSource implements MetricSource {
  constructor(readonly location: string) {}

  async read(): Promise<MetricReadResult> {
    return parseWideCsv(await readFile(this.location, 'utf8'))
  }
}

export function parseWideCsv(text: string): MetricReadResult {
  const rows: string[][] = parse(text, {relax_column_count: true, skip_empty_lines: true, trim: true, bom: true})
  if (rows.length === 0) return {series: [], problems: ['the file is empty']}
  const [header, ...body] = rows
  const names = header.slice(1)
  const series: RawSeries[] = names.map((name) => ({name, labels: {}, points: []}))
  const badRows: number[] = []
  body.forEach((row, index) => {
    const t = parseMetricTime(row[0] ?? '')
    if (t === null) {
      badRows.push(index + 2)
      return
    }
    series.forEach((s, column) => s.points.push([t, parseMetricValue(row[column + 1])]))
  })
  for (const s of series) s.points.sort((a, b) => a[0] - b[0])
  const problems =
    badRows.length === 0 ? [] : [`${badRows.length} row(s) with an unreadable timestamp skipped (line ${badRows.slice(0, 5).join(', ')}${badRows.length > 5 ? ', …' : ''})`]
  return {series: series.filter((s) => s.name !== ''), problems}
}
