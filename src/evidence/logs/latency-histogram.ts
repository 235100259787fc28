/**
 * Fixed-size log-scale latency histogram: percentiles in bounded memory per time bucket, within
 * about 10% (bins grow by a factor of 1.2 from 0.1 ms to ~20 minutes).
 */
const GROWTH = 1.2
const MIN_MS = 0.1
export const LATENCY_BINS = 90
const LOG_GROWTH = Math.log(GROWTH)

export function latencyBin(ms: number): number {
  if (!(ms > MIN_MS)) return 0
  return Math.min(LATENCY_BINS - 1, 1 + Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH))
}

/** The representative value of a bin (its geometric middle). */
function binValue(bin: number): number {
  return bin === 0 ? MIN_MS : MIN_MS * GROWTH ** (bin - 0.5)
}

export function newLatencyHistogram(): Uint32Array {
  return new Uint32Array(LATENCY_BINS)
}

export function addHistogram(into: Uint32Array, from: Uint32Array): void {
  for (let i = 0; i < LATENCY_BINS; i++) into[i] += from[i]
}

/** The q-quantile (0..1) in ms, or null for an empty histogram. */
export function histogramQuantile(histogram: Uint32Array, q: number): number | null {
  let total = 0
  for (let i = 0; i < LATENCY_BINS; i++) total += histogram[i]
  if (total === 0) return null
  const rank = Math.max(1, Math.ceil(q * total))
  let seen = 0
  for (let i = 0; i < LATENCY_BINS; i++) {
    seen += histogram[i]
    if (seen >= rank) return Math.round(binValue(i) * 10) / 10
  }
  return null
}
