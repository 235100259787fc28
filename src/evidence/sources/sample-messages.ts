import type {LogRecord} from '../logs/log-record.js'
import {SourceReader} from '../logs/source-reader.js'

/**
 * The messages of raw log lines, as the log readers see them (a JSON line's message field, a plain
 * line after its timestamp and level), with the level they read: what the new-error probes mine.
 */
export function lineMessages(lines: readonly string[], now: Date): Array<Pick<LogRecord, 'message' | 'level'>> {
  const out: Array<Pick<LogRecord, 'message' | 'level'>> = []
  const reader = new SourceReader('sample', {add: (record) => out.push({message: record.message, level: record.level})}, {now, reference: null})
  lines.forEach((line, index) => reader.line(line, index + 1))
  reader.finish({lines: lines.length, bytes: 0})
  return out
}
