import {z} from 'zod'

import {CatalogueEntryId, RegexFlags, regexProblem} from '../../../config/user-entry-fields.js'

import {type TimeContext, dayStart, fractionAt, MONTHS, stampOf, yearFor, zoneAt, type ParsedTimestamp} from '../timestamp.js'
import {SEVERITY_MARKERS, type SeverityMarker} from './severity-markers.js'
import {TIMESTAMP_LAYOUTS, EXAMPLE_CONTEXT, type TimestampLayout} from './timestamp-layouts.js'

/**
 * Entries users add to the severity-marker and timestamp-layout catalogues from the config file
 * (`severityMarkers`, `timestampLayouts`). They are plain data (so they also travel to worker
 * threads), validated when the config is read: the regex must compile and the entry's own
 * examples must hold, or the config is refused naming the entry, before any evidence is read.
 * User entries are tried before the built-in ones.
 */
export const UserSeverityMarkerSchema = z
  .object({
    id: CatalogueEntryId,
    description: z.string().default(''),
    level: z.enum(['error', 'warn']),
    /** A JavaScript regular expression, tried on the message of lines no level field or word classifies. */
    pattern: z.string().min(1),
    flags: RegexFlags,
    /** Substrings of which one must occur for the pattern to be tried; none: tried on every such line. */
    keywords: z.array(z.string().min(1)).default([]),
    examples: z.object({match: z.array(z.string()).default([]), nonMatch: z.array(z.string()).default([])}).default({match: [], nonMatch: []}),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const problem = regexProblem(entry.pattern, entry.flags)
    if (problem) {
      ctx.addIssue({code: 'custom', path: ['pattern'], message: `does not compile: ${problem}`})
      return
    }
    const marker = severityMarkerOf(entry)
    for (const text of entry.examples.match) {
      if (!marker.pattern.test(text)) ctx.addIssue({code: 'custom', path: ['examples', 'match'], message: `the pattern does not match its example "${text}"`})
      else if (entry.keywords.length > 0 && !entry.keywords.some((keyword) => text.includes(keyword))) ctx.addIssue({code: 'custom', path: ['keywords'], message: `no keyword occurs in the example "${text}"`})
    }
    for (const text of entry.examples.nonMatch) if (marker.pattern.test(text)) ctx.addIssue({code: 'custom', path: ['examples', 'nonMatch'], message: `the pattern matches its non-example "${text}"`})
  })
export type UserSeverityMarker = z.infer<typeof UserSeverityMarkerSchema>

export function severityMarkerOf(entry: UserSeverityMarker): SeverityMarker {
  return {
    id: entry.id,
    description: entry.description,
    level: entry.level,
    keywords: entry.keywords,
    pattern: new RegExp(entry.pattern, entry.flags),
    examples: entry.examples,
  }
}

/** The catalogue with the user's markers first. */
export function severityMarkersWith(entries: readonly UserSeverityMarker[]): readonly SeverityMarker[] {
  return [...entries.map(severityMarkerOf), ...SEVERITY_MARKERS]
}

const GROUPS = ['year', 'month', 'day', 'hour', 'minute'] as const

export const UserTimestampLayoutSchema = z
  .object({
    id: CatalogueEntryId,
    description: z.string().default(''),
    /**
     * A regular expression with named groups: `year` (2 or 4 digits; absent: the reference's),
     * `month` (digits or Jan…Dec), `day`, `hour`, `minute`, optional `second`, `fraction`, `zone`
     * (Z or ±hh:mm). It is matched at the start of a field.
     */
    pattern: z.string().min(1),
    /** Looked for at any field when the learned place fails (otherwise only where learned). */
    anywhere: z.boolean().default(false),
    examples: z.array(z.object({line: z.string(), iso: z.string().datetime({offset: true})})).min(1, 'give at least one example line with the time it holds'),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const problem = regexProblem(entry.pattern, '')
    if (problem) {
      ctx.addIssue({code: 'custom', path: ['pattern'], message: `does not compile: ${problem}`})
      return
    }
    const missing = GROUPS.filter((group) => group !== 'year' && !entry.pattern.includes(`(?<${group}>`))
    if (missing.length > 0) {
      ctx.addIssue({code: 'custom', path: ['pattern'], message: `needs the named groups ${missing.join(', ')}`})
      return
    }
    const layout = timestampLayoutOf(entry)
    for (const example of entry.examples) {
      const found = findIn(example.line, layout, EXAMPLE_CONTEXT)
      if (found !== Date.parse(example.iso)) {
        ctx.addIssue({code: 'custom', path: ['examples'], message: `reads "${example.line}" as ${found === null ? 'no time' : new Date(found).toISOString()}, not ${example.iso} (year-less stamps take the year of 2024-06-15)`})
      }
    }
  })
export type UserTimestampLayout = z.infer<typeof UserTimestampLayoutSchema>

function findIn(line: string, layout: TimestampLayout, context: TimeContext): number | null {
  for (let at = 0; at < line.length; at++) {
    if (at > 0 && line[at - 1] !== ' ') continue
    const stamp = layout.parse(line, at, context)
    if (stamp) return stamp.ms
  }
  return null
}

export function timestampLayoutOf(entry: UserTimestampLayout): TimestampLayout {
  const regex = new RegExp(entry.pattern, 'y')
  const hasYear = entry.pattern.includes('(?<year>')
  return {
    id: entry.id,
    description: entry.description,
    year: hasYear,
    date: true,
    zone: entry.pattern.includes('(?<zone>') ? 'sometimes' : 'never',
    anywhere: entry.anywhere,
    startsWith: 'any',
    parse: (text, at, context) => parseWith(regex, text, at, context),
    examples: {match: entry.examples, nonMatch: []},
  }
}

function parseWith(regex: RegExp, text: string, at: number, context: TimeContext): ParsedTimestamp | null {
  regex.lastIndex = at
  const match = regex.exec(text)
  const groups = match?.groups
  if (!match || !groups) return null
  const monthText = groups.month ?? ''
  const month = /^\d+$/.test(monthText) ? Number(monthText) : (MONTHS[monthText.slice(0, 1).toUpperCase() + monthText.slice(1, 3).toLowerCase()] ?? -1) + 1
  const day = Number(groups.day)
  const hour = Number(groups.hour)
  const minute = Number(groups.minute)
  const second = groups.second === undefined ? 0 : Number(groups.second)
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60)) return null
  const clockMs = hour * 3_600_000 + minute * 60_000 + second * 1000
  let year: number | null = groups.year === undefined ? yearFor(month, day, clockMs, context) : Number(groups.year)
  if (year === null || Number.isNaN(year)) return null
  if (year < 100) year += 2000
  const millis = groups.fraction === undefined ? 0 : fractionAt(`.${groups.fraction}`, 0).millis
  const zone = groups.zone === undefined ? null : zoneAt(groups.zone, 0)
  return stampOf(dayStart(year, month, day), clockMs, millis, at + match[0].length, zone ? {offsetMinutes: zone.offsetMinutes, end: at + match[0].length} : null, context)
}

/** The catalogue with the user's layouts first. */
export function timestampLayoutsWith(entries: readonly UserTimestampLayout[]): readonly TimestampLayout[] {
  return [...entries.map(timestampLayoutOf), ...TIMESTAMP_LAYOUTS]
}
