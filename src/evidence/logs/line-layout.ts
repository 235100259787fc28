import {LEVEL_SPELLINGS} from './catalogue/level-spellings.js'
import {TIMESTAMP_LAYOUTS, type TimestampLayout} from './catalogue/timestamp-layouts.js'
import type {LogLevel} from './log-record.js'
import {isDigit, type ParsedTimestamp, type TimeContext} from './timestamp.js'

/**
 * Where a file's lines keep their timestamp and their level, learned from its first lines: which
 * layout of the catalogue, at which whitespace-separated field counted from the start or from the
 * end, and which field (if any) always holds a level word or letter. Reading a line then tries
 * the learned place first (one parse), and only when that fails looks for any distinctive layout
 * at any field.
 */
export interface LearnedTimestamp {
  layout: TimestampLayout
  from: 'start' | 'end'
  /** Field index from the start (0: the line's start), or fields from the end (1: the last field). */
  field: number
  /** Whether most sampled stamps carried their own zone. */
  zoned: boolean
}

export interface LearnedLevel {
  field: number
  /** The column holds single letters (`D`, `I`, `W`, `E` as in logcat), accepted only there. */
  letters: boolean
  /**
   * Fields between the end of a stamp at the line start and the level (0: right after it), when
   * the sample agrees: the level is then found from the stamp's end, not by walking the line again.
   */
  afterStamp: number | null
}

/** A stamp found in a line: `start` and `fieldAt` say where. */
export type LocatedTimestamp = ParsedTimestamp

/** How many fields from the start, and from the end, a timestamp is looked for in. */
const MAX_START_FIELDS = 24
const MAX_SCAN_CHARS = 240
const END_FIELDS = 3

/** The catalogue grouped by the first character each layout accepts. */
export class TimestampLayouts {
  readonly all: readonly TimestampLayout[]
  private readonly byStart: Groups
  private readonly scanned: Groups

  constructor(layouts: readonly TimestampLayout[] = TIMESTAMP_LAYOUTS) {
    this.all = layouts
    const group = (list: readonly TimestampLayout[]): Groups => ({
      digit: list.filter((l) => l.startsWith === 'digit' || l.startsWith === 'any'),
      upper: list.filter((l) => l.startsWith === 'upper' || l.startsWith === 'letter' || l.startsWith === 'any'),
      lower: list.filter((l) => l.startsWith === 'letter' || l.startsWith === 'any'),
      other: list.filter((l) => l.startsWith === 'any'),
    })
    this.byStart = group(layouts)
    this.scanned = group(layouts.filter((l) => l.anywhere))
  }

  candidates(c: number, anywhereOnly: boolean): readonly TimestampLayout[] {
    const groups = anywhereOnly ? this.scanned : this.byStart
    if (isDigit(c)) return groups.digit
    if (c >= 65 && c <= 90) return groups.upper
    if (c >= 97 && c <= 122) return groups.lower
    return groups.other
  }
}
interface Groups {
  digit: TimestampLayout[]
  upper: TimestampLayout[]
  lower: TimestampLayout[]
  other: TimestampLayout[]
}

export const DEFAULT_LAYOUTS = new TimestampLayouts()

const isSpace = (c: number): boolean => c === 32 || c === 9

/** The start index of field `field` (0-based, whitespace-separated), or -1. */
export function fieldStart(line: string, field: number): number {
  let i = 0
  while (isSpace(line.charCodeAt(i))) i++
  for (let k = 0; k < field; k++) {
    while (i < line.length && !isSpace(line.charCodeAt(i))) i++
    while (isSpace(line.charCodeAt(i))) i++
    if (i >= line.length) return -1
  }
  return i < line.length ? i : -1
}

/** The start of the `fromEnd`-th field counted from the end (1: the last), or -1. */
function fieldStartFromEnd(line: string, fromEnd: number): number {
  let i = line.length
  while (i > 0 && isSpace(line.charCodeAt(i - 1))) i--
  for (let k = 0; k < fromEnd; k++) {
    if (i === 0) return -1
    while (i > 0 && !isSpace(line.charCodeAt(i - 1))) i--
    if (k < fromEnd - 1) while (i > 0 && isSpace(line.charCodeAt(i - 1))) i--
  }
  return i
}

/** Tries `layout` at `at`, then past an opening bracket or quote, or a syslog `<PRI>`. */
function parseAtField(line: string, at: number, layout: TimestampLayout, context: TimeContext): LocatedTimestamp | null {
  const direct = layout.parse(line, at, context)
  if (direct) return located(direct, at, at)
  const inner = openerEnd(line, at)
  if (inner === at) return null
  const parsed = layout.parse(line, inner, context)
  return parsed ? located(parsed, inner, at) : null
}

function located(stamp: ParsedTimestamp, start: number, fieldAt: number): LocatedTimestamp {
  stamp.start = start
  stamp.fieldAt = fieldAt
  return stamp
}

/** Past `[`, `(`, `{`, a quote, or `<digits>` at `at`; `at` itself when there is none. */
function openerEnd(line: string, at: number): number {
  const c = line.charCodeAt(at)
  if (c === 91 || c === 40 || c === 123 || c === 34 || c === 39) return at + 1
  if (c === 60) {
    let i = at + 1
    while (isDigit(line.charCodeAt(i))) i++
    if (i > at + 1 && i <= at + 4 && line.charCodeAt(i) === 62) return i + 1
  }
  return at
}

function firstCharAt(line: string, at: number): number {
  return line.charCodeAt(openerEnd(line, at))
}

/** Reads the stamp at the learned place only. */
export function timestampAt(line: string, learned: LearnedTimestamp, context: TimeContext): LocatedTimestamp | null {
  const at = learned.from === 'start' ? (learned.field === 0 ? 0 : fieldStart(line, learned.field)) : fieldStartFromEnd(line, learned.field)
  return at < 0 ? null : parseAtField(line, at, learned.layout, context)
}

/** Looks for a distinctive stamp at every field start of the line's head, then its last fields; the leftmost wins. */
export function scanForTimestamp(line: string, layouts: TimestampLayouts, context: TimeContext): LocatedTimestamp | null {
  let i = 0
  while (isSpace(line.charCodeAt(i))) i++
  const limit = Math.min(line.length, MAX_SCAN_CHARS)
  let lastTried = -1
  while (i < limit) {
    const found = tryLayoutsAt(line, i, layouts, context)
    if (found) return found
    lastTried = i
    while (i < line.length && !isSpace(line.charCodeAt(i))) i++
    while (isSpace(line.charCodeAt(i))) i++
  }
  for (let k = END_FIELDS; k >= 1; k--) {
    const at = fieldStartFromEnd(line, k)
    if (at <= lastTried) continue
    const found = tryLayoutsAt(line, at, layouts, context)
    if (found) return found
  }
  return null
}

function tryLayoutsAt(line: string, at: number, layouts: TimestampLayouts, context: TimeContext): LocatedTimestamp | null {
  for (const layout of layouts.candidates(firstCharAt(line, at), true)) {
    const found = parseAtField(line, at, layout, context)
    if (found) return found
  }
  return null
}

interface Tally {
  layout: TimestampLayout
  from: 'start' | 'end'
  field: number
  hits: number
  zoned: number
  order: number
}

/**
 * The layout and place most sample lines agree on. Places within 90 % of the best count are
 * equals, and among equals a stamp that carries its zone beats one that carries its year beats one
 * that carries neither (an epoch column over a local time beside it), then the place nearer the
 * start. Layouts that are not distinctive need half the lines to agree. Stamps outside
 * [2000, now + 1 year] do not count.
 */
export function learnTimestamp(sample: readonly string[], layouts: TimestampLayouts, context: TimeContext, nowMs: number): LearnedTimestamp | null {
  const tallies = new Map<string, Tally>()
  const earliest = Date.UTC(2000, 0, 1)
  const latest = nowMs + 366 * 86_400_000
  let lines = 0
  for (const line of sample) {
    lines++
    const seen = new Set<string>()
    const count = (layout: TimestampLayout, from: 'start' | 'end', field: number, stamp: ParsedTimestamp) => {
      if (stamp.ms < earliest || stamp.ms > latest) return
      const key = `${layout.id}|${from}|${field}`
      if (seen.has(key)) return
      seen.add(key)
      let tally = tallies.get(key)
      if (!tally) tallies.set(key, (tally = {layout, from, field, hits: 0, zoned: 0, order: layouts.all.indexOf(layout)}))
      tally.hits++
      if (stamp.zoned) tally.zoned++
    }
    const starts: number[] = []
    for (let field = 0; field < MAX_START_FIELDS; field++) {
      const at = fieldStart(line, field)
      if (at < 0 || at > MAX_SCAN_CHARS) break
      starts.push(at)
      for (const layout of layouts.candidates(firstCharAt(line, at), false)) {
        const stamp = parseAtField(line, at, layout, context)
        if (stamp) count(layout, 'start', field, stamp)
      }
    }
    for (let k = 1; k <= END_FIELDS; k++) {
      const at = fieldStartFromEnd(line, k)
      if (at < 0) break
      for (const layout of layouts.candidates(firstCharAt(line, at), true)) {
        const stamp = parseAtField(line, at, layout, context)
        if (stamp) count(layout, 'end', k, stamp)
      }
    }
  }
  const credible = [...tallies.values()].filter((t) => t.layout.anywhere || t.hits * 2 >= lines)
  if (credible.length === 0) return null
  const best = Math.max(...credible.map((t) => t.hits))
  const quality = (t: Tally) => (t.layout.zone === 'always' || t.zoned * 2 > t.hits ? 2 : t.layout.year ? 1 : 0)
  const chosen = credible
    .filter((t) => t.hits * 10 >= best * 9)
    .sort((a, b) => quality(b) - quality(a) || (a.from === b.from ? 0 : a.from === 'start' ? -1 : 1) || a.field - b.field || a.order - b.order)[0]
  return {layout: chosen.layout, from: chosen.from, field: chosen.field, zoned: chosen.layout.zone === 'always' || chosen.zoned * 2 > chosen.hits}
}

/** Level words as a column may hold them (any case), and logcat's letters. */
const COLUMN_WORDS: Record<string, Exclude<LogLevel, null>> = {
  trace: 'debug',
  debug: 'debug',
  dbug: 'debug',
  verbose: 'debug',
  fine: 'debug',
  finer: 'debug',
  finest: 'debug',
  info: 'info',
  information: 'info',
  notice: 'info',
  config: 'info',
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
  failure: 'error',
}
for (const spelling of LEVEL_SPELLINGS) for (const [word, level] of Object.entries(spelling.words)) COLUMN_WORDS[word] ??= level
// Written as logs write them (INFO, Info, info), so a column token is looked up without lower-casing it.
for (const [word, level] of Object.entries(COLUMN_WORDS)) {
  COLUMN_WORDS[word.toUpperCase()] = level
  COLUMN_WORDS[word[0].toUpperCase() + word.slice(1)] = level
}
const COLUMN_LETTERS: Record<string, Exclude<LogLevel, null>> = {V: 'debug', D: 'debug', I: 'info', W: 'warn', E: 'error', F: 'error', A: 'error'}

/** The level a column token names: `INFO`, `Info`, `[error]`, `<warn>`, `WARN:`, or a letter where letters are allowed. */
export function levelOfToken(token: string, letters: boolean): Exclude<LogLevel, null> | null {
  let start = 0
  let end = token.length
  while (start < end && isPunctuation(token.charCodeAt(start))) start++
  while (end > start && isPunctuation(token.charCodeAt(end - 1))) end--
  const length = end - start
  if (length === 1) return letters && Object.hasOwn(COLUMN_LETTERS, token[start]) ? COLUMN_LETTERS[token[start]] : null
  if (length < 3 || length > 11) return null
  const word = start === 0 && end === token.length ? token : token.slice(start, end)
  if (Object.hasOwn(COLUMN_WORDS, word)) return COLUMN_WORDS[word]
  const lower = word.toLowerCase()
  return Object.hasOwn(COLUMN_WORDS, lower) ? COLUMN_WORDS[lower] : null
}

const isPunctuation = (c: number): boolean => c === 91 || c === 93 || c === 40 || c === 41 || c === 60 || c === 62 || c === 58 || c === 44 || c === 124

/** The token of field `field`, or null. */
export function fieldToken(line: string, field: number): string | null {
  const start = fieldStart(line, field)
  if (start < 0) return null
  let end = start
  while (end < line.length && !isSpace(line.charCodeAt(end))) end++
  return line.slice(start, end)
}

// Column words by length and first character, so a field is compared in place (startsWith at an
// offset) against one or two spellings, nothing sliced; the last word matched is tried first, since
// a log repeats a handful of levels.
const COLUMN_INDEX: Array<Map<number, Array<[string, Exclude<LogLevel, null>]>>> = []
for (const [word, level] of Object.entries(COLUMN_WORDS)) {
  const byFirst = (COLUMN_INDEX[word.length] ??= new Map())
  const list = byFirst.get(word.charCodeAt(0))
  if (list) list.push([word, level])
  else byFirst.set(word.charCodeAt(0), [[word, level]])
}
let lastColumnWord = ''
let lastColumnLevel: Exclude<LogLevel, null> = 'info'

/** The level field `field` of `line` names, compared in place; falls back to lower-casing an odd spelling. */
export function levelAtField(line: string, field: number, letters: boolean): Exclude<LogLevel, null> | null {
  return levelAt(line, 0, field, letters)
}

/** The level the field `skip` fields on from `from` names (`from` at a field start or in the spaces before one). */
export function levelAt(line: string, from: number, skip: number, letters: boolean): Exclude<LogLevel, null> | null {
  let start = from
  while (isSpace(line.charCodeAt(start))) start++
  for (let k = 0; k < skip; k++) {
    while (start < line.length && !isSpace(line.charCodeAt(start))) start++
    while (isSpace(line.charCodeAt(start))) start++
  }
  if (start >= line.length) return null
  let end = start
  while (end < line.length && !isSpace(line.charCodeAt(end))) end++
  while (start < end && isPunctuation(line.charCodeAt(start))) start++
  while (end > start && isPunctuation(line.charCodeAt(end - 1))) end--
  const length = end - start
  if (length === 1) return letters && Object.hasOwn(COLUMN_LETTERS, line[start]) ? COLUMN_LETTERS[line[start]] : null
  if (length === lastColumnWord.length && line.startsWith(lastColumnWord, start)) return lastColumnLevel
  const candidates = COLUMN_INDEX[length]?.get(line.charCodeAt(start))
  if (candidates !== undefined) {
    for (const [word, level] of candidates) {
      if (line.startsWith(word, start)) {
        lastColumnWord = word
        lastColumnLevel = level
        return level
      }
    }
  }
  if (length < 3 || length > 11) return null
  const word = line.slice(start, end).toLowerCase()
  return Object.hasOwn(COLUMN_WORDS, word) ? COLUMN_WORDS[word] : null
}

const LEVEL_FIELDS = 12

/** Fields from `from` (a stamp's end) to the start of field `field`; -1 when the field starts before it. */
export function fieldsBetween(line: string, from: number, field: number): number {
  const target = fieldStart(line, field)
  if (target < from) return -1
  let count = 0
  let i = from
  while (isSpace(line.charCodeAt(i))) i++
  while (i < target) {
    while (i < line.length && !isSpace(line.charCodeAt(i))) i++
    while (isSpace(line.charCodeAt(i))) i++
    count++
  }
  return count
}

/** The field that holds a level in at least 60 % of the sample lines (and two of them), if one does. */
export function learnLevelField(sample: readonly string[]): LearnedLevel | null {
  const words = new Array<number>(LEVEL_FIELDS).fill(0)
  const letters = new Array<number>(LEVEL_FIELDS).fill(0)
  for (const line of sample) {
    for (let field = 0; field < LEVEL_FIELDS; field++) {
      const token = fieldToken(line, field)
      if (token === null) break
      if (levelOfToken(token, false)) words[field]++
      else if (levelOfToken(token, true)) letters[field]++
    }
  }
  const needed = Math.max(Math.min(2, sample.length), Math.ceil(sample.length * 0.6))
  let best: LearnedLevel | null = null
  let bestHits = 0
  for (let field = 0; field < LEVEL_FIELDS; field++) {
    const hits = words[field] + letters[field]
    if (hits >= needed && hits > bestHits) {
      best = {field, letters: letters[field] > words[field], afterStamp: null}
      bestHits = hits
    }
  }
  return best
}
