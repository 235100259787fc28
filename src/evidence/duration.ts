import {UsageError} from '../errors/errors.js'

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
}

const MAX_DURATION_MS = 3650 * 86_400_000

/**
 * Parses a duration flag such as `48h`, `30m`, `2d`, `90s` or a compound `1h30m` into milliseconds.
 * A bare number is rejected on purpose: `--lookback 48` is ambiguous (hours? minutes?).
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim().toLowerCase()
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g
  let total = 0
  let consumed = 0
  for (const match of trimmed.matchAll(part)) {
    if (match.index !== consumed) break
    total += Number(match[1]) * UNIT_MS[match[2]]
    consumed += match[0].length
  }
  if (trimmed === '' || consumed !== trimmed.length || total <= 0) {
    throw new UsageError(`Invalid duration "${text}"`, {
      suggestions: ['Use a number with a unit: 90s, 30m, 48h, 2d (or combined: 1h30m)'],
    })
  }
  // Beyond this, times computed from the duration fall off the calendar (and no incident needs it).
  if (total > MAX_DURATION_MS) {
    throw new UsageError(`Duration "${text}" is too long (at most ${MAX_DURATION_MS / UNIT_MS.d} days)`, {suggestions: ['Use a shorter duration, e.g. 48h or 14d']})
  }
  return total
}
