/** Small formatting helpers shared by the Markdown views, the charts, the stats and the terminal summary. */

/** A duration for people: "under 1 min", "45 min", "2 h 05 min", "3 d 4 h". */
export function formatDurationMinutes(minutes: number): string {
  if (minutes < 1) return 'under 1 min'
  const whole = Math.round(minutes)
  if (whole < 60) return `${whole} min`
  const hours = Math.floor(whole / 60)
  const rest = whole % 60
  if (hours < 24) return `${hours} h ${String(rest).padStart(2, '0')} min`
  const days = Math.floor(hours / 24)
  return `${days} d ${hours % 24} h`
}

/** A duration for people ("45 min", "2 h 05 min", "3 d 4 h"), or "unknown". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return 'unknown'
  return formatDurationMinutes(minutes)
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
