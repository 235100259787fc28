/** Small formatting helpers shared by the Markdown views and the terminal summary. */

export function formatMinutes(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return 'unknown'
  if (minutes < 1) return '< 1 min'
  if (minutes < 90) return `${Math.round(minutes)} min`
  const hours = Math.floor(minutes / 60)
  const rest = Math.round(minutes % 60)
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}

export function minutesBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null
  const ms = Date.parse(to) - Date.parse(from)
  return Number.isFinite(ms) ? ms / 60_000 : null
}

/** `2026-11-12 14:02 UTC` — incidents are told in UTC. */
export function formatTime(iso: string | null): string {
  if (!iso) return 'unknown'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

export function formatPercent(ratio: number | null, digits = 1): string {
  return ratio === null ? 'unknown' : `${(ratio * 100).toFixed(digits)}%`
}

export function formatCount(count: number | null): string {
  return count === null ? 'unknown' : count.toLocaleString('en-US')
}

export function citations(ids: readonly string[]): string {
  return ids.length === 0 ? '' : ` [${ids.join(', ')}]`
}
