// The vitest config Stryker runs: the project's, with the test files narrowed to the mutated
// module's own tests (MUTATE_TESTS, set by stryker.config.mjs). Narrowing here rather than with
// Stryker's `testFiles` matters: with `testFiles`, Stryker 9 activates a mutant of module-level code
// only after the module has loaded, and reports such mutants as survivors (stryker-js#6144).
import {defineConfig} from 'vitest/config'

import base from './vitest.config.js'

const tests = process.env.MUTATE_TESTS ? (JSON.parse(process.env.MUTATE_TESTS) as string[]) : base.test?.include

export default defineConfig({...base, test: {...base.test, include: tests}})
