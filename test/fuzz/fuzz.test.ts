import {describe, expect, it} from 'vitest'

import {runFuzzSession} from './fuzz-session.js'

/**
 * The fuzz harness in CI (issue L, item 8): hostile inputs against the built CLI for a bounded
 * time. The seed changes with the day, so CI explores; a failure names its seed for replay with
 * `npm run fuzz -- --seed <seed> --cases 1`.
 */
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 60)

describe('fuzz harness (built CLI)', () => {
  it(`runs hostile cases for ${SECONDS} s without a stack trace, an internal error, a leak, an escape or a write outside`, async () => {
    const seed = Math.floor(Date.now() / 86_400_000) * 1000
    const report = await runFuzzSession({seconds: SECONDS, seed, jobs: 2})
    console.info(`fuzz: ${report.tried} inputs tried (${JSON.stringify(report.byKind)}), ${report.failed.length} failed, in ${report.seconds} s (seed ${seed})`)
    expect(report.tried).toBeGreaterThan(0)
    expect(report.failed.map((f) => `seed ${f.seed} ${f.description}: ${f.failures.join(' | ')}`)).toEqual([])
  }, (SECONDS + 2 * 180 + 120) * 1000)
})
