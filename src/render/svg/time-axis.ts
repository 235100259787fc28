/**
 * Time axis ticks at round UTC steps (1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, 1 d), as many as
 * fit in `pixels` without labels touching. Labels are UTC because incident timelines are written
 * in UTC; they carry the date when the range crosses midnight.
 */
export const MINUTE = 60_000
const STEPS_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080]

export interface TimeTick {
  at: number
  label: string
}

export function timeTicks(fromMs: number, toMs: number, pixels: number): TimeTick[] {
  const span = Math.max(toMs - fromMs, MINUTE)
  const crossesDays = utcDay(fromMs) !== utcDay(toMs)
  const maxTicks = Math.max(2, Math.floor(pixels / (crossesDays ? 110 : 70)))
  const stepMinutes = STEPS_MINUTES.find((s) => span / (s * MINUTE) <= maxTicks) ?? STEPS_MINUTES[STEPS_MINUTES.length - 1]
  const step = stepMinutes * MINUTE
  const ticks: TimeTick[] = []
  for (let at = Math.ceil(fromMs / step) * step; at <= toMs; at += step) {
    ticks.push({at, label: formatUtcTick(at, crossesDays)})
  }
  return ticks
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

function formatUtcTick(ms: number, withDate: boolean): string {
  const iso = new Date(ms).toISOString()
  return withDate ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16)
}

/** "HH:MM" in UTC, for marker labels and descriptions. */
export function formatUtcClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16)
}

/** "YYYY-MM-DD" (or a range) for the axis title. */
export function formatUtcDateRange(fromMs: number, toMs: number): string {
  const from = utcDay(fromMs)
  const to = utcDay(toMs)
  return from === to ? from : `${from} – ${to}`
}

/** A chart's time domain: a range shorter than 2 minutes is widened by a minute each side so it stays readable. */
export function paddedTimeDomain(fromMs: number, toMs: number): [number, number] {
  return toMs - fromMs < 2 * MINUTE ? [fromMs - MINUTE, toMs + MINUTE] : [fromMs, toMs]
}

/** A linear scale from a numeric domain onto pixel range. A zero-width domain maps to the range start. */
export function linearScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain
  const [r0, r1] = range
  const width = d1 - d0
  return (value) => (width === 0 ? r0 : r0 + ((value - d0) / width) * (r1 - r0))
}
