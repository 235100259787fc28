import type {FileReading} from './log-digest.js'

/**
 * The reading of a file split into byte ranges, from the readings of its ranges in file order:
 * the layout learned by the first range, counts added up. Ranges read from the same file learn
 * the same layout; the first one's is the one reported.
 */
export function mergeReadings(parts: ReadonlyArray<FileReading | undefined>): FileReading | undefined {
  const present = parts.filter((part): part is FileReading => part !== undefined)
  if (present.length === 0) return undefined
  const [first, ...rest] = present
  const merged: FileReading = structuredClone(first)
  const adjusted = new Map(merged.adjusted.map(({reason, count}) => [reason, count]))
  for (const part of rest) {
    merged.events += part.events
    for (const key of Object.keys(merged.timing) as Array<keyof FileReading['timing']>) merged.timing[key] += part.timing[key]
    for (const key of Object.keys(merged.levels) as Array<keyof FileReading['levels']>) merged.levels[key] += part.levels[key]
    for (const {reason, count} of part.adjusted) adjusted.set(reason, (adjusted.get(reason) ?? 0) + count)
    merged.anchor = merged.anchor && part.anchor ? merged.anchor : null
  }
  merged.adjusted = [...adjusted].map(([reason, count]) => ({reason, count}))
  return merged
}
