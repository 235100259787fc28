import {LEVEL_SPELLINGS} from './catalogue/level-spellings.js'
import {detach} from './detach.js'

/** One parsed log event (a line, plus any stack-trace lines attached to it later). */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | null

export interface LogRecord {
  /** Epoch milliseconds (UTC), or NaN when the line carried no usable timestamp. */
  ts: number
  level: LogLevel
  /** The text that is mined for templates (message part, not the whole line). */
  message: string
  status: number | null
  method: string | null
  path: string | null
  latencyMs: number | null
  user: string | null
  ip: string | null
  /** A stack trace carried in a structured field (JSON `stack`, `error.stack` …). */
  stack: string | null
  /** The id of the request the line is about (field-roles.ts REQUEST_ID_FIELDS), to match one request's lines across sources. */
  requestId: string | null
  /** A failed login's own line, or PAM's record of one (see the severity markers' `login`); null for every other line. */
  loginFailure: 'attempt' | 'pam' | null
}

export const emptyRecord = (): LogRecord => ({
  ts: Number.NaN,
  level: null,
  message: '',
  status: null,
  method: null,
  path: null,
  latencyMs: null,
  user: null,
  ip: null,
  stack: null,
  requestId: null,
  loginFailure: null,
})

const LEVELS: Record<string, LogLevel> = {
  trace: 'debug',
  debug: 'debug',
  dbug: 'debug',
  fine: 'debug',
  info: 'info',
  information: 'info',
  notice: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  eror: 'error',
  fatal: 'error',
  crit: 'error',
  critical: 'error',
  alert: 'error',
  emerg: 'error',
  emergency: 'error',
  panic: 'error',
  severe: 'error',
}

// What other loggers call their levels (catalogue/level-spellings.ts).
for (const spelling of LEVEL_SPELLINGS) for (const [word, level] of Object.entries(spelling.words)) LEVELS[word] ??= level

/** Level names in any case, and pino/bunyan numbers (50 error, 40 warn …). */
export function normalizeLevel(value: unknown): LogLevel {
  if (typeof value === 'number') {
    if (value >= 50) return 'error'
    if (value >= 40) return 'warn'
    if (value >= 30) return 'info'
    return 'debug'
  }
  if (typeof value !== 'string') return null
  // A log repeats a handful of level spellings; comparing with the last one beats lower-casing.
  if (value === lastLevelText) return lastLevel
  const lower = value.toLowerCase()
  const level = Object.hasOwn(LEVELS, lower) ? LEVELS[lower] : null
  if (value.length <= 16) {
    lastLevelText = detach(value)
    lastLevel = level
  }
  return level
}
let lastLevelText = ''
let lastLevel: LogLevel = null

/** A level word near the start of a plain message: `ERROR`, `[warn]`, `level=error`, `E/`-less. */
export function findLevelWord(text: string): {level: LogLevel; end: number} | null {
  const limit = Math.min(text.length, 80)
  let start = -1
  for (let i = 0; i <= limit; i++) {
    const c = i < limit ? text.charCodeAt(i) : 32
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    if (letter) {
      if (start < 0) start = i
    } else if (start >= 0) {
      const length = i - start
      if (length >= 3 && length <= 11) {
        const word = text.slice(start, i)
        // Level words are written in capitals, inside brackets, or as the label that opens the
        // message (.NET's `fail: `, winston's `error: `); "error" in prose is not a level.
        const bracketed = start > 0 && (text.charCodeAt(start - 1) === 91 || text.charCodeAt(start - 1) === 60)
        const label = start === 0 && text.charCodeAt(i) === 58 && text.charCodeAt(i + 1) === 32
        if (word === word.toUpperCase() || bracketed || label) {
          const level = LEVELS[word.toLowerCase()]
          if (level) return {level, end: i}
        }
      }
      start = -1
    }
  }
  return null
}
