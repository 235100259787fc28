/**
 * Order statistics for skewed durations. The median is the middle value (the mean of the two
 * middle values for an even count); p90 is by nearest rank: the smallest value with at least 90 %
 * of the sample at or below it, so it is always a duration that really happened.
 */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function nearestRankPercentile(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length))
  return sorted[rank - 1]
}
