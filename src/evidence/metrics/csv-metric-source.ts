import {parse} from 'csv-parse/sync'

import {redact} from '../../redact/redact.js'
import {MAX_INPUT_FILE_BYTES, readBoundedText} from '../read-bounded-text.js'
import {parseMetricTime, parseMetricValue, type MetricReadResult, type MetricSource, type RawSeries} from './metric-source.js'

/** A wide CSV: `timestamp,<series>,<series>…`, one row per sample time. */
export class CsvMetricSource implements MetricSource {
  constructor(readonly location: string) {}

  async read(): Promise<MetricReadResult> {
    const text = await readBoundedText(this.location)
    return text === null ? {series: [], problems: [`larger than ${MAX_INPUT_FILE_BYTES / 1024 ** 2} MiB, not read`]} : parseWideCsv(text)
  }
}

export function parseWideCsv(text: string): MetricReadResult {
  let rows: string[][]
  try {
    rows = parse(text, {relax_column_count: true, skip_empty_lines: true, trim: true, bom: true})
  } catch (error) {
    // A quote never closed, a broken record: the file is unreadable as CSV, which is said, not thrown.
    return {series: [], problems: [`not a readable CSV (${redact(String((error as Error).message ?? error)).split('\n')[0].slice(0, 200)})`]}
  }
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
