// StrykerJS for the engine's core. One module per run (MUTATE_MODULE, see
// scripts/mutation/modules.mjs), with only that module's tests; `npm run mutate` drives it.
// Without MUTATE_MODULE, every listed module is mutated in one run against all their tests.
import {cpus, loadavg} from 'node:os'

import {MUTATION_MODULES, mutationModule} from './scripts/mutation/modules.mjs'

const id = process.env.MUTATE_MODULE || null
const modules = id ? [mutationModule(id)] : MUTATION_MODULES
const name = id ?? 'all'
// CI (or a caller) may narrow a module to the files that changed.
const files = process.env.MUTATE_FILES ? process.env.MUTATE_FILES.split(',').filter(Boolean) : null

// The machines have 2 cores shared by several people: one worker unless the machine is quiet.
const concurrency = Number(process.env.MUTATE_CONCURRENCY) || (loadavg()[0] < 4 ? Math.min(2, cpus().length) : 1)

// The module's own tests, read by vitest.mutation.config.ts in Stryker's test-runner processes.
process.env.MUTATE_TESTS = JSON.stringify(modules.flatMap((module) => module.tests))

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: {configFile: 'vitest.mutation.config.ts', related: false},
  coverageAnalysis: 'perTest',
  mutate: files ?? modules.flatMap((module) => module.mutate),
  concurrency,
  // A busy machine slows every run down; a mutant is a timeout only when far past the normal time.
  timeoutMS: 10_000,
  timeoutFactor: 2,
  ignoreStatic: modules.every((module) => module.ignoreStatic === true),
  incremental: process.env.MUTATE_INCREMENTAL === '1',
  incrementalFile: `reports/mutation/incremental/${name}.json`,
  reporters: ['clear-text', 'json'],
  jsonReporter: {fileName: `reports/mutation/modules/${name}.json`},
  clearTextReporter: {allowColor: false, reportTests: false, logTests: false, reportScoreTable: true},
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', '.tresor', 'reports', 'examples/*/.work', 'coverage'],
  thresholds: {high: 85, low: 70, break: null},
}
