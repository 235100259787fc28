/**
 * The parsing primitives behind the timestamp layout catalogue (catalogue/timestamp-layouts.ts),
 * hand-rolled because they run on every line, and the two readers that do not depend on a
 * learned layout: access-log time and structured field values (JSON, logfmt).
 *
 * A stamp without a zone is read in the context's zone; a stamp without a year takes the
 * context's reference year (one back when that lands more than a day after the reference).
 * The context comes from --started-at, the alert or the file's modification time, never from the
 * clock; without one, year-less stamps are not read at all.
 */
export const MONTHS: Record<string, number> = {Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11}

export interface TimeContext {
  /** Epoch ms the year of year-less stamps is taken from; null when nothing says it. */
  referenceMs: number | null
  /** Minutes east of UTC that zone-less stamps are read in (0: UTC). */
  offsetMinutes: number
}

export const UTC_CONTEXT: TimeContext = {referenceMs: null, offsetMinutes: 0}

export interface ParsedTimestamp {
  ms: number
  /** Index just past the timestamp. */
  end: number
  /** True when the text carried its own zone (Z, an offset, GMT/UTC, an epoch). */
  zoned: boolean
  /** A level the layout carries with the time (klog's leading letter). */
  level: 'debug' | 'info' | 'warn' | 'error' | null
  /** Where the stamp starts in the line (after any opening bracket or `<PRI>`), and where its field starts; set by the locator. */
  start: number
  fieldAt: number
}

/** A parsed stamp, created whole: one object shape for every layout, nothing added to it later. */
export function timestamp(ms: number, end: number, zoned: boolean): ParsedTimestamp {
  return {ms, end, zoned, level: null, start: -1, fieldAt: -1}
}

export const isDigit = (c: number): boolean => c >= 48 && c <= 57

/** `count` digits at `at` as a number, or -1 when any is not a digit. */
export function digits(text: string, at: number, count: number): number {
  let value = 0
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i)
    if (!isDigit(c)) return -1
    value = value * 10 + (c - 48)
  }
  return value
}

/** A three-letter English month name at `at` (`Jan` … `Dec`), or -1. */
export function monthAt(text: string, at: number): number {
  const c = text.charCodeAt(at)
  if (c < 65 || c > 90) return -1
  return MONTHS[text.slice(at, at + 3)] ?? -1
}

// Date.UTC is linear in everything below the day, and consecutive log lines share their day: one
// Date.UTC call per day instead of per line.
let cachedDayKey = -1
let cachedDayMs = 0
/** Epoch ms of 00:00 UTC on that day (month 1–12). */
export function dayStart(year: number, month: number, day: number): number {
  const key = (year * 16 + month) * 32 + day
  if (key !== cachedDayKey) {
    cachedDayMs = Date.UTC(year, month - 1, day)
    cachedDayKey = key
  }
  return cachedDayMs
}

/** Fraction digits after `.` or `,` at `at`, as milliseconds, and where they end (any precision). */
export function fractionAt(text: string, at: number): {millis: number; end: number} {
  const dot = text.charCodeAt(at)
  if (dot !== 46 && dot !== 44) return {millis: 0, end: at}
  let i = at + 1
  let millis = 0
  let scale = 100
  while (isDigit(text.charCodeAt(i))) {
    millis += (text.charCodeAt(i) - 48) * scale
    scale /= 10
    i++
  }
  return {millis: Math.floor(millis), end: i}
}

/** `HH:mm:ss` (seconds optional when `secondsOptional`) at `at`: ms into the day and the end, or null. */
export function clockAt(text: string, at: number, secondsOptional = false): {ms: number; end: number} | null {
  const hour = digits(text, at, 2)
  const minute = digits(text, at + 3, 2)
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || text.charCodeAt(at + 2) !== 58) return null
  if (text.charCodeAt(at + 5) !== 58) return secondsOptional ? {ms: hour * 3_600_000 + minute * 60_000, end: at + 5} : null
  const second = digits(text, at + 6, 2)
  if (second < 0 || second > 60) return null
  return {ms: hour * 3_600_000 + minute * 60_000 + second * 1000, end: at + 8}
}

/**
 * A zone right after a time: `Z`, `+02:00`, `+0200`, `+02`, or ` UTC`/` GMT`. Returns the offset
 * in minutes east and where it ends, or null when there is none.
 */
export function zoneAt(text: string, at: number): {offsetMinutes: number; end: number} | null {
  const c = text.charCodeAt(at)
  if (c === 90 || c === 122) return {offsetMinutes: 0, end: at + 1}
  if (c === 43 || c === 45) {
    const oh = digits(text, at + 1, 2)
    if (oh < 0 || oh > 14) return null
    const colon = text.charCodeAt(at + 3) === 58 ? 1 : 0
    const om = digits(text, at + 3 + colon, 2)
    const sign = c === 45 ? -1 : 1
    if (om >= 0 && om < 60) return {offsetMinutes: sign * (oh * 60 + om), end: at + 5 + colon}
    if (colon === 0 && !isDigit(text.charCodeAt(at + 3))) return {offsetMinutes: sign * oh * 60, end: at + 3}
    return null
  }
  if (c === 32 && (text.startsWith('UTC', at + 1) || text.startsWith('GMT', at + 1)) && !isLetter(text.charCodeAt(at + 4))) return {offsetMinutes: 0, end: at + 4}
  return null
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)

/** A whole stamp from its parts: the zone it carried, else the context's. */
export function stampOf(dayMs: number, clockMs: number, millis: number, end: number, zone: {offsetMinutes: number; end: number} | null, context: TimeContext): ParsedTimestamp {
  const offset = zone ? zone.offsetMinutes : context.offsetMinutes
  return timestamp(dayMs + clockMs + millis - offset * 60_000, zone ? zone.end : end, zone !== null)
}

/**
 * The year for a year-less stamp of that month and day: the reference's, or one back when the
 * stamp would land more than a day after the reference (a December line read in January). Null
 * when there is no reference.
 */
export function yearFor(month: number, day: number, clockMs: number, context: TimeContext): number | null {
  if (context.referenceMs === null) return null
  const reference = context.referenceMs + context.offsetMinutes * 60_000
  const year = new Date(reference).getUTCFullYear()
  return Date.UTC(year, month - 1, day) + clockMs > reference + 86_400_000 ? year - 1 : year
}

/**
 * ISO 8601 / RFC 3339 at `at`: `T` or space between date and time, comma or dot fractions of any
 * precision, `Z`/offsets/` UTC` or nothing (read in the context's zone). A date alone is a
 * timestamp only when `dateOnly` allows it (a structured `date` field), never in a line.
 */
export function parseIsoAt(text: string, at: number, context: TimeContext, dateOnly = false): ParsedTimestamp | null {
  // Written out rather than composed from clockAt/fractionAt/zoneAt: it runs on most lines of most
  // logs, and those each return an object.
  const year = digits(text, at, 4)
  if (year < 0 || text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return null
  const month = digits(text, at + 5, 2)
  const day = digits(text, at + 8, 2)
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  const sep = text.charCodeAt(at + 10)
  if (sep !== 84 && sep !== 32 && sep !== 116) {
    return dateOnly && !isDigit(sep) ? timestamp(Date.UTC(year, month - 1, day), at + 10, false) : null
  }
  const hour = digits(text, at + 11, 2)
  const minute = digits(text, at + 14, 2)
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || text.charCodeAt(at + 13) !== 58) return null
  let i = at + 16
  let second = 0
  let millis = 0
  if (text.charCodeAt(i) === 58) {
    second = digits(text, i + 1, 2)
    if (second < 0 || second > 60) return null
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
  let offsetMinutes = context.offsetMinutes
  let zoned = false
  const zone = text.charCodeAt(i)
  if (zone === 90 || zone === 122) {
    i++
    offsetMinutes = 0
    zoned = true
  } else if (zone === 43 || zone === 45 || zone === 32) {
    const parsed = zoneAt(text, i)
    if (parsed) {
      offsetMinutes = parsed.offsetMinutes
      i = parsed.end
      zoned = true
    }
  }
  const ms = dayStart(year, month, day) + hour * 3_600_000 + minute * 60_000 + second * 1000 + Math.floor(millis) - offsetMinutes * 60_000
  return timestamp(ms, i, zoned)
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

/** Epoch numbers by magnitude: seconds, milliseconds, microseconds, nanoseconds (2001–2286). */
export function epochToMs(value: number): number | null {
  if (!Number.isFinite(value) || value <= 0) return null
  if (value >= 1e9 && value < 1e10) return Math.floor(value * 1000)
  if (value >= 1e12 && value < 1e13) return Math.floor(value)
  if (value >= 1e15 && value < 1e16) return Math.floor(value / 1000)
  if (value >= 1e18 && value < 1e19) return Math.floor(value / 1e6)
  return null
}

/**
 * A timestamp field value from JSON or logfmt: ISO text (a date alone too), epoch seconds,
 * milliseconds, microseconds or nanoseconds as numbers or digit strings (journald's
 * `__REALTIME_TIMESTAMP` is microseconds), or any layout `other` reads (the catalogue's).
 */
export function parseTimestampValue(value: unknown, context: TimeContext = UTC_CONTEXT, other?: (text: string) => number | null): number | null {
  if (typeof value === 'number') return epochToMs(value)
  if (typeof value !== 'string' || value.length < 8) return null
  const iso = parseIsoAt(value, 0, context, true)
  if (iso) return iso.ms
  if (/^\d+(\.\d+)?$/.test(value)) return epochToMs(Number(value))
  return other ? other(value) : null
}
