import type {MetricPoint} from '../../../src/evidence/metrics/metric-source.js'

export const T0 = Date.parse('2026-11-20T11:00:00Z')
export const MINUTE = 60_000

/** A deterministic pseudo-random generator (mulberry32), so noisy fixtures are identical every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One sample a minute from T0; `level(i)` gives the mean, noise is uniform ±`noise`. */
export function series(count: number, level: (i: number) => number, noise: number, seed = 1): MetricPoint[] {
  const random = seeded(seed)
  return Array.from({length: count}, (_, i) => [T0 + i * MINUTE, level(i) + (random() * 2 - 1) * noise] as MetricPoint)
}

export const minuteIso = (i: number) => new Date(T0 + i * MINUTE).toISOString()
