/**
 * Onset detection on the per-bucket error-rate series: a binomial "epidemic" change-point model
 * (rate p0 outside a window [a, b), p1 > p0 inside it), scored by log-likelihood ratio against
 * one constant rate. Using counts rather than rates keeps quiet buckets from looking like spikes,
 * and the model is indifferent to a low steady background error rate. Works whether the incident
 * is still going (b = end) or already over.
 */
export interface ErrorSeries {
  /** Bucket start times, epoch ms, ascending. */
  starts: readonly number[]
  totals: readonly number[]
  errors: readonly number[]
}

export interface OnsetEstimate {
  index: number
  endIndex: number
  at: number
  baselineErrorRate: number
  incidentErrorRate: number
  llr: number
  confidence: number
}

export interface OnsetOptions {
  /** When the incident was declared: picks among significant change-points the one nearest to it. */
  hint?: number | null
  /** Minimum log-likelihood ratio for a change-point to count. */
  minLlr?: number
}

const xlogy = (x: number, y: number) => (x === 0 ? 0 : x * Math.log(y))
function logLikelihood(errors: number, total: number): number {
  if (total === 0) return 0
  const p = errors / total
  return xlogy(errors, p) + xlogy(total - errors, 1 - p)
}

export function detectOnset(series: ErrorSeries, options: OnsetOptions = {}): OnsetEstimate | null {
  const n = series.totals.length
  if (n < 2) return null
  const minLlr = options.minLlr ?? 10
  const cumTotal = new Float64Array(n + 1)
  const cumErrors = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) {
    cumTotal[i + 1] = cumTotal[i] + series.totals[i]
    cumErrors[i + 1] = cumErrors[i] + series.errors[i]
  }
  const allTotal = cumTotal[n]
  const allErrors = cumErrors[n]
  if (allErrors === 0 || allTotal === 0) return null
  const nullModel = logLikelihood(allErrors, allTotal)

  // Best window end for each start: a profile over candidate onsets.
  const profile: Array<{b: number; llr: number; p0: number; p1: number}> = []
  for (let a = 1; a < n; a++) {
    let best = {b: -1, llr: 0, p0: 0, p1: 0}
    for (let b = a + 1; b <= n; b++) {
      const inTotal = cumTotal[b] - cumTotal[a]
      const outTotal = allTotal - inTotal
      if (inTotal === 0 || outTotal === 0) continue
      const inErrors = cumErrors[b] - cumErrors[a]
      const outErrors = allErrors - inErrors
      const p1 = inErrors / inTotal
      const p0 = outErrors / outTotal
      if (p1 < Math.max(2 * p0, p0 + 0.01)) continue
      const llr = logLikelihood(inErrors, inTotal) + logLikelihood(outErrors, outTotal) - nullModel
      if (llr > best.llr) best = {b, llr, p0, p1}
    }
    profile[a] = best
  }

  const significant: number[] = []
  for (let a = 1; a < n; a++) {
    const here = profile[a].llr
    if (here < minLlr) continue
    // Local peaks only, so one change does not yield a run of neighbouring candidates.
    let peak = true
    for (let d = -3; d <= 3 && peak; d++) {
      const other = profile[a + d]
      if (d !== 0 && other && (other.llr > here || (other.llr === here && d < 0))) peak = false
    }
    if (peak) significant.push(a)
  }
  if (significant.length === 0) return null

  const hint = options.hint ?? null
  let chosen = significant.reduce((best, a) => {
    if (hint === null) return profile[a].llr > profile[best].llr ? a : best
    const distance = Math.abs(series.starts[a] - hint)
    const bestDistance = Math.abs(series.starts[best] - hint)
    return distance < bestDistance || (distance === bestDistance && profile[a].llr > profile[best].llr) ? a : best
  })
  // An earlier change-point whose incident window runs through the chosen one is where it began:
  // errors that never went back to the baseline and then grew are one incident, not two.
  for (const a of significant) {
    if (a < chosen && profile[a].b > chosen) {
      chosen = a
      break
    }
  }
  const {b, llr, p0, p1} = profile[chosen]
  // Never in a gap or a quiet stretch: the incident's first error bounds the onset. With empty
  // buckets the likelihood is the same wherever the window starts inside the gap.
  let first = chosen
  while (first < b - 1 && series.errors[first] === 0) first++
  chosen = first
  const strength = 1 - Math.exp(-llr / 50)
  const contrast = Math.min(1, (p1 - p0) / 0.1)
  return {
    index: chosen,
    endIndex: b,
    at: series.starts[chosen],
    baselineErrorRate: p0,
    incidentErrorRate: p1,
    llr,
    confidence: Math.round(Math.max(0.05, Math.min(0.99, strength * contrast)) * 100) / 100,
  }
}

/** Errors of a new kind this long before the change-point bucket, still going at it, are the incident's first. */
export const LEAD_IN_MS = 5 * 60_000

/**
 * The onset to the line: the first error of a kind new at the incident, that is an error template
 * first seen in the change-point bucket or in the few minutes before it and still occurring up to
 * it (an expired certificate's errors that gave way to the thread pool they exhausted); else the
 * bucket start. A change logged before that line, even within the same minute, came
 * before the incident; one logged in a quiet stretch before it is not after the onset.
 */
export function incidentStart(bucketStart: number, widthMs: number, errorTemplates: Iterable<{firstSeen: number; lastSeen: number}>): number {
  let first = Number.POSITIVE_INFINITY
  for (const t of errorTemplates) {
    // New just before the change-point and still going when it came (or giving way to it within a bucket).
    if (t.firstSeen >= bucketStart - LEAD_IN_MS && t.firstSeen < bucketStart + widthMs && t.lastSeen >= bucketStart - widthMs && t.firstSeen < first) first = t.firstSeen
  }
  return Number.isFinite(first) ? first : bucketStart
}
