/**
 * `npm run fuzz -- --seconds N [--seed S] [--jobs J] [--cases C]`: the fuzz harness (test/fuzz)
 * for a longer local run than CI's, J cases at a time (default 2), at most C cases. Prints each
 * failing case with its seed (replay one: `--seed <seed> --cases 1`), then inputs tried, failures
 * and seconds; exits 1 when any case failed.
 */
import {runFuzzSession} from '../test/fuzz/fuzz-session.js'

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  if (at === -1) return fallback
  const value = Number(process.argv[at + 1])
  if (!Number.isFinite(value) || value < 0) {
    process.stderr.write(`--${name} takes a number, not ${JSON.stringify(process.argv[at + 1])}\n`)
    process.exit(2)
  }
  return value
}

const seconds = flag('seconds', 60)
const seed = flag('seed', Date.now() % 1_000_000_000)
const jobs = flag('jobs', 2)
const cases = flag('cases', Infinity)
process.stdout.write(`fuzz: seed ${seed}, ${seconds} s, ${jobs} at a time, against ${new URL('../bin/run.js', import.meta.url).pathname}\n`)
const report = await runFuzzSession({
  seconds,
  seed,
  jobs,
  cases,
  onCase: (outcome) => {
    if (outcome.failures.length === 0) return
    process.stdout.write(`FAIL seed ${outcome.seed} (${outcome.kind}): ${outcome.description}\n${outcome.failures.map((f) => `  - ${f}`).join('\n')}\n  kept in ${outcome.work}; replay: npm run fuzz -- --seed ${outcome.seed} --cases 1\n`)
  },
})
const kinds = Object.entries(report.byKind).map(([kind, count]) => `${kind} ${count}`).join(', ')
process.stdout.write(`fuzz: ${report.tried} inputs tried (${kinds}), ${report.failed.length} failed, in ${report.seconds} s (seed ${report.seed})\n`)
process.exit(report.failed.length > 0 ? 1 : 0)
