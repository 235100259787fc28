/**
 * How well the readers read Loghub-2k as a user would hand it over (the raw `<S>_2k.log`, year and
 * zone from the file's modification time): (1) timestamps: the share of lines whose own time is
 * read, and that time agrees with the structured file's `Date`/`Time` columns up to one constant
 * zone offset per system; (2) error lines: precision and recall of the events the analysis counts
 * as errors against the `Level` column, over the systems whose structured file has one.
 *
 * Which `Level` values mean "error", per system: Android E/F/A, Apache error, BGL
 * FATAL/ERROR/SEVERE/FAILURE, HDFS/Hadoop/Spark/Zookeeper ERROR/FATAL, OpenStack ERROR/CRITICAL,
 * Windows Error. A third figure runs the severity markers alone on the structured Content (the
 * level word and column taken away), to show what content says by itself. Linux is left out: its `Level` column holds the host name (`combo`). Systems
 * without a level column (HealthApp, HPC, Mac, OpenSSH, Proxifier, Thunderbird) have no ground
 * truth for levels and are not counted.
 */
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'

import {parse} from 'csv-parse/sync'

import {DEFAULT_SEVERITY_MARKERS} from '../src/evidence/logs/content-severity.js'
import {DEFAULT_LAYOUTS} from '../src/evidence/logs/line-layout.js'
import {learnLineLayout, parseLine} from '../src/evidence/logs/line-parsers.js'
import type {LogRecord} from '../src/evidence/logs/log-record.js'
import {SourceReader, type TimeReference} from '../src/evidence/logs/source-reader.js'
import {MONTHS, type TimeContext} from '../src/evidence/logs/timestamp.js'

type Row = Record<string, string>

const ERROR_LEVELS = new Set(['E', 'F', 'A', 'error', 'FATAL', 'ERROR', 'SEVERE', 'FAILURE', 'CRITICAL', 'Error', 'crit', 'alert', 'emerg'])
const LEVEL_SYSTEMS = new Set(['Android', 'Apache', 'BGL', 'HDFS', 'Hadoop', 'OpenStack', 'Spark', 'Windows', 'Zookeeper'])

export interface SystemReading {
  system: string
  layout: string
  /** Lines whose own time was read / lines whose structured row has a time. */
  timed: number
  /** Of those, the ones that agree with the structured time (up to the system's zone offset). */
  agreeing: number
  lines: number
  offsetHours: number | null
  errors: {tp: number; fp: number; fn: number} | null
  /** The same count from the severity markers alone, run on the structured `Content` (no level word, no column). */
  contentOnly: {tp: number; fp: number; fn: number} | null
}

const clock = (time: string) => {
  const [h, m, s] = time.replace(',', '.').split(':')
  return (Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000
}
const ymd = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d)

/** The structured file's time of a row as wall-clock ms (the year from `year` where the row has none). */
function truthOf(system: string, row: Row, year: number): number | null {
  switch (system) {
    case 'Android':
      return ymd(year, Number(row.Date.slice(0, 2)), Number(row.Date.slice(3, 5))) + clock(row.Time)
    case 'Apache': {
      const [, month, day, time, y] = row.Time.split(/\s+/)
      return ymd(Number(y), MONTHS[month] + 1, Number(day)) + clock(time)
    }
    case 'BGL':
    case 'Thunderbird':
      return Number(row.Timestamp) * 1000
    case 'HPC':
      return Number(row.Time) * 1000
    case 'HDFS':
      return ymd(2000 + Number(row.Date.slice(0, 2)), Number(row.Date.slice(2, 4)), Number(row.Date.slice(4, 6))) + clock(`${row.Time.slice(0, 2)}:${row.Time.slice(2, 4)}:${row.Time.slice(4, 6)}`)
    case 'HealthApp': {
      const [date, time] = row.Time.split('-')
      const [h, m, s, ms] = time.split(':')
      return ymd(Number(date.slice(0, 4)), Number(date.slice(4, 6)), Number(date.slice(6, 8))) + clock(`${h}:${m}:${s}.${ms}`)
    }
    case 'Linux':
    case 'Mac':
      return ymd(year, MONTHS[row.Month] + 1, Number(row.Date)) + clock(row.Time)
    case 'OpenSSH':
      return ymd(year, MONTHS[row.Date] + 1, Number(row.Day)) + clock(row.Time)
    case 'Proxifier': {
      const [date, time] = row.Time.split(' ')
      return ymd(year, Number(date.slice(0, 2)), Number(date.slice(3, 5))) + clock(time)
    }
    case 'Spark':
      return ymd(2000 + Number(row.Date.slice(0, 2)), Number(row.Date.slice(3, 5)), Number(row.Date.slice(6, 8))) + clock(row.Time)
    case 'Hadoop':
    case 'OpenStack':
    case 'Windows':
    case 'Zookeeper': {
      const [y, m, d] = row.Date.split('-').map(Number)
      return ymd(y, m, d) + clock(row.Time)
    }
    default:
      return null
  }
}

/** The most frequent value, rounded to the second. */
function mode(values: number[]): number | null {
  const counts = new Map<number, number>()
  for (const value of values) {
    const key = Math.round(value / 1000) * 1000
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  let best: number | null = null
  let bestCount = 0
  for (const [key, count] of counts) if (count > bestCount) [best, bestCount] = [key, count]
  return best
}

export async function readSystem(system: string, logPath: string, now: Date): Promise<SystemReading> {
  const lines = (await readFile(logPath, 'utf8')).split('\n').map((line) => line.replace(/\r$/, ''))
  while (lines.length > 0 && lines.at(-1) === '') lines.pop()
  const rows = parse(await readFile(`${logPath}_structured.csv`), {columns: true, bom: true}) as Row[]
  const mtime = (await stat(logPath)).mtimeMs
  const reference: TimeReference = {at: mtime, offsetMinutes: null, source: 'file-mtime'}
  const time: TimeContext = {referenceMs: mtime, offsetMinutes: 0}
  const context = {time, layouts: DEFAULT_LAYOUTS}

  // Timestamps: each line's own time, read with the layout learned from the first 50 lines.
  const layout = learnLineLayout(lines.slice(0, 50).filter((line) => line.trim() !== ''), context, now.getTime())
  const own = lines.map((line) => parseLine(line, layout, context).ts)
  const diffs: number[] = []
  own.forEach((ts, i) => {
    const truth = rows[i] ? truthOf(system, rows[i], new Date(ts).getUTCFullYear()) : null
    if (!Number.isNaN(ts) && truth !== null) diffs.push(ts - truth)
  })
  const offset = mode(diffs)
  const zoneLike = offset !== null && offset % (15 * 60_000) === 0
  let timed = 0
  let agreeing = 0
  own.forEach((ts, i) => {
    if (Number.isNaN(ts)) return
    timed++
    const truth = rows[i] ? truthOf(system, rows[i], new Date(ts).getUTCFullYear()) : null
    if (zoneLike && truth !== null && Math.abs(ts - truth - offset!) <= 1000) agreeing++
  })

  // Levels: events as the analysis reads them (traces attached, level from content when none is said).
  const predicted = new Array<boolean>(lines.length).fill(false)
  const sink = {
    add(record: LogRecord, _raw: string, _file: string, line: number, trace: readonly string[]) {
      const error = record.level === 'error' || (record.status !== null && record.status >= 500)
      for (let k = 0; k <= trace.length; k++) if (line - 1 + k < predicted.length) predicted[line - 1 + k] = error
    },
  }
  const reader = new SourceReader(logPath, sink, {now, reference})
  lines.forEach((line, i) => reader.line(line, i + 1))
  reader.finish({lines: lines.length, bytes: 0})
  let errors: SystemReading['errors'] = null
  let contentOnly: SystemReading['contentOnly'] = null
  if (LEVEL_SYSTEMS.has(system)) {
    errors = {tp: 0, fp: 0, fn: 0}
    contentOnly = {tp: 0, fp: 0, fn: 0}
    const tally = (into: {tp: number; fp: number; fn: number}, predicted: boolean, truth: boolean) => {
      if (predicted && truth) into.tp++
      else if (predicted) into.fp++
      else if (truth) into.fn++
    }
    rows.forEach((row, i) => {
      const truth = ERROR_LEVELS.has(row.Level)
      tally(errors!, predicted[i], truth)
      tally(contentOnly!, DEFAULT_SEVERITY_MARKERS.levelOf(row.Content) === 'error', truth)
    })
  }
  return {
    system,
    layout: layout.timestamp ? `${layout.timestamp.layout.id}@${layout.timestamp.from === 'start' ? '' : 'end-'}${layout.timestamp.field}` : 'none',
    timed,
    agreeing,
    lines: rows.length,
    offsetHours: zoneLike ? offset! / 3_600_000 : null,
    errors,
    contentOnly,
  }
}

export function summarize(readings: readonly SystemReading[]): string[] {
  const f = (n: number) => n.toFixed(2)
  const out = ['system        timestamp layout         timed  agree  zone offset   error lines tp/fp/fn']
  for (const r of readings) {
    const e = r.errors ? `${r.errors.tp}/${r.errors.fp}/${r.errors.fn}` : '-'
    out.push(`${r.system.padEnd(13)} ${r.layout.padEnd(24)} ${f(r.timed / r.lines).padStart(5)}  ${f(r.agreeing / r.lines).padStart(5)}  ${(r.offsetHours === null ? '-' : `${r.offsetHours} h`).padStart(11)}   ${e}`)
  }
  const systems = readings.filter((r) => r.agreeing >= 0.99 * r.lines).length
  const share = readings.reduce((sum, r) => sum + r.agreeing, 0) / readings.reduce((sum, r) => sum + r.lines, 0)
  const totals = readings.reduce((sum, r) => (r.errors ? {tp: sum.tp + r.errors.tp, fp: sum.fp + r.errors.fp, fn: sum.fn + r.errors.fn} : sum), {tp: 0, fp: 0, fn: 0})
  out.push(`loghub-2k timestamps: ${systems}/${readings.length} systems, ${f(share)} of lines`)
  out.push(`loghub-2k error lines: precision ${f(totals.tp / Math.max(1, totals.tp + totals.fp))} recall ${f(totals.tp / Math.max(1, totals.tp + totals.fn))}`)
  // Loghub's level systems say their level in a word or a column; what the markers find without it is a different, harder figure.
  const content = readings.reduce((sum, r) => (r.contentOnly ? {tp: sum.tp + r.contentOnly.tp, fp: sum.fp + r.contentOnly.fp, fn: sum.fn + r.contentOnly.fn} : sum), {tp: 0, fp: 0, fn: 0})
  out.push(`(severity markers alone, on the Content column without its level: precision ${f(content.tp / Math.max(1, content.tp + content.fp))} recall ${f(content.tp / Math.max(1, content.tp + content.fn))})`)
  return out
}

export async function readAllSystems(datasetDir: string, systems: ReadonlyArray<{system: string; logFile: string}>): Promise<string[]> {
  const now = new Date()
  const readings: SystemReading[] = []
  for (const {system, logFile} of systems) readings.push(await readSystem(system, path.join(datasetDir, logFile), now))
  return summarize(readings)
}
