/**
 * Whether an endpoint was affected by the incident: its failure rate after the onset must be
 * higher than before it, by a one-sided two-proportion z-test and by a margin that matters.
 * Endpoints with too few requests before the onset are compared with their source's rate before it.
 */
export const AFFECTED_Z = 3.09
export const AFFECTED_MIN_POINTS = 0.01
export const MIN_BASELINE_REQUESTS = 30

/** Reads after "an endpoint counts as affected when". */
export const AFFECTED_RULE =
  `its failure rate after the onset is higher than before it, by a one-sided two-proportion z-test (z ≥ ${AFFECTED_Z}, p < 0.001) ` +
  `and by at least ${AFFECTED_MIN_POINTS * 100} percentage point (an endpoint with fewer than ${MIN_BASELINE_REQUESTS} requests before the onset is compared with all requests of its source)`

export interface Counts {
  total: number
  failed: number
}

export interface EndpointVerdict {
  affected: boolean
  /** The z statistic of the test (0 when nothing failed or everything did). */
  z: number
  /** The baseline the endpoint was compared with: its own, or its source's. */
  comparedWith: 'own-baseline' | 'source-baseline'
}

export function testEndpoint(during: Counts, own: Counts, source: Counts): EndpointVerdict {
  const comparedWith = own.total >= MIN_BASELINE_REQUESTS ? 'own-baseline' : 'source-baseline'
  const baseline = comparedWith === 'own-baseline' ? own : source
  const z = twoProportionZ(during, baseline)
  const margin = rate(during) - rate(baseline)
  return {affected: during.total > 0 && z >= AFFECTED_Z && margin >= AFFECTED_MIN_POINTS, z, comparedWith}
}

/** z of (p1 − p0) with the pooled standard error; 0 when the pooled rate is 0 or 1. */
export function twoProportionZ(sample: Counts, baseline: Counts): number {
  if (sample.total === 0 || baseline.total === 0) return 0
  const pooled = (sample.failed + baseline.failed) / (sample.total + baseline.total)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / sample.total + 1 / baseline.total))
  return se === 0 ? 0 : (rate(sample) - rate(baseline)) / se
}

export function rate(counts: Counts): number {
  return counts.total === 0 ? 0 : counts.failed / counts.total
}
