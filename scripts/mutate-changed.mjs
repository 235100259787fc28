// npm run mutate:changed [-- --base REF] [--budget SECONDS] [--fail-under N]
// CI's mutation pass: mutates only the core files (scripts/mutation/modules.mjs) that differ from
// the base ref (default HEAD~1: on main, the last merge's first parent, so the whole merged branch),
// one module at a time, and stops at the time budget so that CI keeps to its time.
import {execFileSync} from 'node:child_process'
import {parseArgs} from 'node:util'

import {glob} from 'tinyglobby'

import {MUTATION_MODULES} from './mutation/modules.mjs'
import {runModules} from './mutation/run-modules.mjs'

const {values} = parseArgs({
  options: {
    base: {type: 'string', default: process.env.MUTATE_BASE ?? 'HEAD~1'},
    budget: {type: 'string', default: process.env.MUTATE_BUDGET_SECONDS ?? '300'},
    'fail-under': {type: 'string'},
  },
})

const git = (...args) => execFileSync('git', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})

let changed
try {
  git('rev-parse', '--verify', '--quiet', `${values.base}^{commit}`)
  // Against the work tree, so that a local run also sees uncommitted edits.
  changed = new Set(git('diff', '--name-only', '--diff-filter=AMR', values.base).split('\n').filter(Boolean))
} catch {
  console.log(`Mutation pass skipped: the base ${values.base} is not in this clone, so nothing can be compared.`)
  process.exit(0)
}

const plan = []
for (const module of MUTATION_MODULES) {
  const files = (await glob(module.mutate)).filter((file) => changed.has(file)).sort()
  if (files.length > 0) plan.push({id: module.id, files})
}
if (plan.length === 0) {
  console.log(`Mutation pass: no core file changed since ${values.base}; nothing to mutate.`)
  process.exit(0)
}
console.log(`Mutation pass over the core files changed since ${values.base}, within ${values.budget} s: ${plan.map((step) => step.id).join(', ')}.`)
process.exitCode = await runModules(plan, {
  incremental: false,
  budgetSeconds: Number(values.budget),
  failUnder: values['fail-under'] === undefined ? null : Number(values['fail-under']),
})
