// npm run mutate [-- <module>… [--no-incremental] [--fail-under N]]
// Mutation testing of the engine's core with StrykerJS, one module at a time (the modules and
// their tests: scripts/mutation/modules.mjs). Incremental by default: a second run re-tests only
// the mutants whose code or tests changed. Reports: reports/mutation/mutation.json (all modules),
// reports/mutation/modules/<module>.json.
import {parseArgs} from 'node:util'

import {MUTATION_MODULES, mutationModule} from './mutation/modules.mjs'
import {runModules} from './mutation/run-modules.mjs'

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    'no-incremental': {type: 'boolean', default: false},
    'fail-under': {type: 'string'},
  },
})

let modules
try {
  modules = positionals.length > 0 ? positionals.map(mutationModule) : MUTATION_MODULES
} catch (error) {
  console.error(error.message)
  process.exit(2)
}
process.exitCode = await runModules(
  modules.map((module) => ({id: module.id, files: null})),
  {
    incremental: !values['no-incremental'],
    budgetSeconds: null,
    failUnder: values['fail-under'] === undefined ? null : Number(values['fail-under']),
  },
)
