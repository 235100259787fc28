/**
 * Timestamp parsing for log lines, hand-rolled because it runs on every line: ISO 8601 /
 * RFC 3339 (offsets normalised to UTC; no offset means UTC), syslog (`Mar  1 14:02:11`, year from
 * the reference date), Apache/nginx access (`10/Oct/2024:13:55:36 +0000`), Apache error log
 * (`Wed Oct 11 14:32:52.123 2024`) and epoch seconds/milliseconds in structured fields.
 */
const MONTHS: Record<string, number> = {Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11}

export interface ParsedTimestamp {
  ms: number
  /** Index just past the timestamp (and a closing bracket, if it was bracketed). */
  end: number
}

const isDigit = (c: number) => c >= 48 && c <= 57

function digits(text: string, at: number, count: number): number {
  let value = 0
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i)
    if (!isDigit(c)) return -1
    value = value * 10 + (c - 48)
  }
  return value
}

/** ISO 8601 / RFC 3339 starting at `at`; null when the text there is not one. */
function parseIsoAt(text: string, at: number): ParsedTimestamp | null {
  const year = digits(text, at, 4)
  if (year < 0 || text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return null
  const month = digits(text, at + 5, 2)
  const day = digits(text, at + 8, 2)
  const sep = text.charCodeAt(at + 10)
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  if (sep !== 84 && sep !== 32 && sep !== 116) {
    return {ms: Date.UTC(year, month - 1, day), end: at + 10}
  }
  const hour = digits(text, at + 11, 2)
  const minute = digits(text, at + 14, 2)
  if (hour < 0 || minute < 0 || text.charCodeAt(at + 13) !== 58) return null
  let i = at + 16
  let second = 0
  let millis = 0
  if (text.charCodeAt(i) === 58) {
    second = digits(text, i + 1, 2)
    if (second < 0) return null
    i += 3
    const dot = text.charCodeAt(i)
    if (dot === 46 || dot === 44) {
      i++
      let scale = 100
      while (isDigit(text.charCodeAt(i))) {
        millis += (text.charCodeAt(i) - 48) * scale
        scale /= 10
        i++
      }
    }
  }
  let offsetMinutes = 0
  const zone = text.charCodeAt(i)
  if (zone === 90 || zone === 122) {
    i++
  } else if (zone === 43 || zone === 45) {
    const oh = digits(text, i + 1, 2)
    if (oh >= 0) {
      const colon = text.charCodeAt(i + 3) === 58 ? 1 : 0
      const om = digits(text, i + 3 + colon, 2)
      if (om >= 0) {
        offsetMinutes = (zone === 45 ? -1 : 1) * (oh * 60 + om)
        i += 5 + colon
      } else if (!isDigit(text.charCodeAt(i + 3))) {
        offsetMinutes = (zone === 45 ? -1 : 1) * oh * 60
        i += 3
      }
    }
  }
  const ms = dayStart(year, month, day) + hour * 3_600_000 + minute * 60_000 + second * 1000 + Math.floor(millis) - offsetMinutes * 60_000
  return {ms, end: i}
}

// Date.UTC is linear in everything below the day, and consecutive log lines share their day: one
// Date.UTC call per day instead of per line.
let cachedDayKey = -1
let cachedDayMs = 0
function dayStart(year: number, month: number, day: number): number {
  const key = (year * 16 + month) * 32 + day
  if (key !== cachedDayKey) {
    cachedDayMs = Date.UTC(year, month - 1, day)
    cachedDayKey = key
  }
  return cachedDayMs
}

/** `Mar  1 14:02:11` (no year): the year is taken from `reference`, one back if that lands in the future. */
function parseSyslogAt(text: string, at: number, reference: Date): ParsedTimestamp | null {
  const month = MONTHS[text.slice(at, at + 3)]
  if (month === undefined || text.charCodeAt(at + 3) !== 32) return null
  let i = at + 4
  if (text.charCodeAt(i) === 32) i++
  const dayDigits = isDigit(text.charCodeAt(i + 1)) ? 2 : 1
  const day = digits(text, i, dayDigits)
  i += dayDigits
  if (day < 1 || text.charCodeAt(i) !== 32) return null
  const hour = digits(text, i + 1, 2)
  const minute = digits(text, i + 4, 2)
  const second = digits(text, i + 7, 2)
  if (hour < 0 || minute < 0 || second < 0 || text.charCodeAt(i + 3) !== 58 || text.charCodeAt(i + 6) !== 58) return null
  i += 9
  let year = reference.getUTCFullYear()
  let ms = Date.UTC(year, month, day, hour, minute, second)
  if (ms > reference.getTime() + 86_400_000) {
    year--
    ms = Date.UTC(year, month, day, hour, minute, second)
  }
  return {ms, end: i}
}

/** `10/Oct/2024:13:55:36 +0000` as written by nginx and Apache access logs. */
export function parseAccessTimestamp(text: string): number | null {
  const day = digits(text, 0, 2)
  const month = MONTHS[text.slice(3, 6)]
  const year = digits(text, 7, 4)
  const hour = digits(text, 12, 2)
  const minute = digits(text, 15, 2)
  const second = digits(text, 18, 2)
  if (day < 0 || month === undefined || year < 0 || hour < 0 || minute < 0 || second < 0) return null
  let offset = 0
  const sign = text.charCodeAt(21)
  if (sign === 43 || sign === 45) {
    const oh = digits(text, 22, 2)
    const om = digits(text, 24, 2)
    if (oh >= 0 && om >= 0) offset = (sign === 45 ? -1 : 1) * (oh * 60 + om)
  }
  return Date.UTC(year, month, day, hour, minute, second) - offset * 60_000
}

/** `Wed Oct 11 14:32:52.123456 2024` (Apache error log, ctime). */
function parseCtimeAt(text: string, at: number): ParsedTimestamp | null {
  const match = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? (\d{4})/.exec(text.slice(at, at + 40))
  if (!match) return null
  const month = MONTHS[match[1]]
  if (month === undefined) return null
  const millis = match[6] ? Math.floor(Number(`0.${match[6]}`) * 1000) : 0
  const ms = Date.UTC(Number(match[7]), month, Number(match[2]), Number(match[3]), Number(match[4]), Number(match[5]), millis)
  return {ms, end: at + match[0].length}
}

/** A timestamp at the start of a plain-text line, optionally inside `[...]`. */
export function parseLeadingTimestamp(line: string, reference: Date): ParsedTimestamp | null {
  const bracket = line.charCodeAt(0) === 91 ? 1 : 0
  const c = line.charCodeAt(bracket)
  let parsed: ParsedTimestamp | null = null
  if (isDigit(c)) parsed = parseIsoAt(line, bracket)
  else if (c >= 65 && c <= 90) parsed = parseSyslogAt(line, bracket, reference) ?? parseCtimeAt(line, bracket)
  if (!parsed) return null
  if (bracket === 1 && line.charCodeAt(parsed.end) === 93) parsed.end++
  return parsed
}

/** A timestamp field value from JSON or logfmt: ISO text, epoch seconds or epoch milliseconds. */
export function parseTimestampValue(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (value > 1e11 && value < 1e14) return Math.floor(value)
    if (value > 1e8 && value < 1e11) return Math.floor(value * 1000)
    if (value > 1e17 && value < 1e20) return Math.floor(value / 1e6)
    return null
  }
  if (typeof value !== 'string' || value.length < 10) return null
  const iso = parseIsoAt(value, 0)
  if (iso) return iso.ms
  if (/^\d+(\.\d+)?$/.test(value)) return parseTimestampValue(Number(value))
  return null
}
