import {median} from '../metrics/robust-stats.js'

/** One sample of an incident signal; `value` null is a gap (too few lines, no sample). */
export interface SignalPoint {
  at: number
  value: number | null
}

export interface SignalShape {
  /** The level before the onset. */
  baseline: number
  /** The level during the incident (the change-point's level after the onset). */
  level: number
  /** One robust standard deviation of the signal's noise at its baseline. */
  noise: number
}

/** A signal is back when it stays within its band for this many samples (or to the end, if fewer). */
export const RECOVERY_HOLD_SAMPLES = 5
/** …but at least this many, so one quiet minute at the end of a file is not a recovery. */
export const RECOVERY_MIN_SAMPLES = 2
/** The band around the baseline: this share of the jump, or NOISE_SIGMAS of noise, whichever is wider. */
export const RECOVERY_SHARE_OF_JUMP = 0.1
export const RECOVERY_NOISE_SIGMAS = 3

/** Reads after "back at its pre-onset level, by the rule:". */
export const RECOVERY_RULE =
  `within max(${RECOVERY_SHARE_OF_JUMP * 100}% of the jump, ${RECOVERY_NOISE_SIGMAS}σ of the baseline noise) of that level ` +
  `for ${RECOVERY_HOLD_SAMPLES} consecutive minutes, or to the end of the evidence if that is sooner (at least ${RECOVERY_MIN_SAMPLES})`

export function bandOf(shape: SignalShape): number {
  return Math.max(RECOVERY_SHARE_OF_JUMP * Math.abs(shape.level - shape.baseline), RECOVERY_NOISE_SIGMAS * shape.noise)
}

/**
 * When the signal came back to its baseline after `onset`: the first sample, after it has left
 * its band at least once, from which it stays inside the band for RECOVERY_HOLD_SAMPLES samples
 * (fewer only at the end of the evidence). Only the side the incident moved to counts as outside:
 * an error rate that drops below its baseline is not a new departure. Null when it never came back;
 * `never-left` when it never left its band after the onset (then it says nothing about recovery).
 */
export function recoveryOf(points: readonly SignalPoint[], onset: number, shape: SignalShape): number | 'never-left' | null {
  const band = bandOf(shape)
  const up = shape.level >= shape.baseline
  const inside = (value: number) => (up ? value <= shape.baseline + band : value >= shape.baseline - band)
  const samples = points.filter((p): p is {at: number; value: number} => p.value !== null && p.at >= onset).sort((a, b) => a.at - b.at)
  const departed = samples.findIndex((p) => !inside(p.value))
  if (departed === -1) return 'never-left'
  for (let i = departed + 1; i < samples.length; i++) {
    if (!inside(samples[i].value)) continue
    const run = samples.slice(i, i + RECOVERY_HOLD_SAMPLES)
    const enough = run.length >= RECOVERY_HOLD_SAMPLES || (i + run.length === samples.length && run.length >= RECOVERY_MIN_SAMPLES)
    if (enough && run.every((p) => inside(p.value))) return samples[i].at
  }
  return null
}

/** Robust noise (1.4826 × MAD) of the samples before `onset`; 0 with fewer than three. */
export function baselineNoise(points: readonly SignalPoint[], onset: number): number {
  const before = points.filter((p): p is {at: number; value: number} => p.value !== null && p.at < onset).map((p) => p.value)
  if (before.length < 3) return 0
  const centre = median(before)
  return 1.4826 * median(before.map((value) => Math.abs(value - centre)))
}

/** The worst sample between `from` and `to` on the side the incident moved to. */
export function peakOf(points: readonly SignalPoint[], from: number, to: number, shape: SignalShape): {at: number; value: number} | null {
  const up = shape.level >= shape.baseline
  let best: {at: number; value: number} | null = null
  for (const p of points) {
    if (p.value === null || p.at < from || p.at >= to) continue
    if (!best || (up ? p.value > best.value : p.value < best.value)) best = {at: p.at, value: p.value}
  }
  return best
}
