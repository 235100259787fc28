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
