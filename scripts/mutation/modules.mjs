// The modules where a silent change costs the most, each with the tests that are meant to catch a
// change in it. A mutation run takes one module at a time and runs only that module's tests
// against its mutants: the score says how well those tests bite, and a run takes minutes.

/**
 * `ignoreStatic`: a catalogue's entries are module-level data, so each of their mutants is "static"
 * and costs a fresh load of the module and a run of every test (3–4 s here): the failure-signature
 * catalogue has some 6,000 of them, the log catalogue 1,600, the secret rules 1,300. Those modules
 * are measured on the code that applies the entries (parsers, compilers, user-entry checks); each
 * entry's own examples test (one test per entry, failing by name) is what guards the data.
 * @typedef {{id: string, mutate: string[], tests: string[], ignoreStatic?: boolean}} MutationModule
 */

/** @type {readonly MutationModule[]} */
export const MUTATION_MODULES = [
  {
    id: 'redact',
    mutate: ['src/redact/*.ts'],
    tests: ['test/redact/**/*.test.ts'],
  },
  {
    id: 'secret-rules',
    mutate: ['src/redact/catalogue/**/*.ts'],
    tests: ['test/redact/secret-rules.test.ts', 'test/redact/user-secret-rules.test.ts', 'test/redact/redact.test.ts'],
    ignoreStatic: true,
  },
  {
    id: 'detect-onset',
    mutate: ['src/evidence/logs/detect-onset.ts'],
    tests: ['test/evidence/logs/detect-onset.test.ts'],
  },
  {
    id: 'template-miner',
    mutate: ['src/evidence/logs/template-miner.ts', 'src/evidence/logs/mask-tokens.ts'],
    tests: ['test/evidence/logs/template-miner.test.ts', 'test/evidence/logs/mask-tokens.test.ts', 'test/evidence/logs/shape-cache.test.ts'],
  },
  {
    id: 'change-correlation',
    mutate: ['src/agents/offline/score-change-correlation.ts'],
    tests: ['test/agents/offline/change-correlation.test.ts', 'test/agents/offline/score-change-correlation.test.ts'],
  },
  {
    id: 'score-hypotheses',
    mutate: ['src/phases/rca/score-hypotheses.ts'],
    tests: ['test/phases/score-hypotheses.test.ts'],
  },
  {
    id: 'lock',
    mutate: ['src/incident/lock.ts'],
    tests: ['test/incident/store.test.ts', 'test/incident/lock.test.ts', 'test/incident/folder-safety.test.ts'],
  },
  {
    id: 'retry-policy',
    mutate: ['src/integrations/http/retry-policy.ts'],
    tests: ['test/integrations/retry-policy.test.ts', 'test/integrations/http-client.test.ts'],
  },
  {
    id: 'delivery-policy',
    mutate: ['src/integrations/delivery-policy.ts'],
    tests: ['test/integrations/delivery-policy.test.ts'],
  },
  {
    id: 'log-catalogue',
    mutate: ['src/evidence/logs/catalogue/**/*.ts'],
    tests: ['test/evidence/logs/catalogue/**/*.test.ts'],
    ignoreStatic: true,
  },
  {
    id: 'signatures',
    mutate: ['src/agents/offline/signatures/**/*.ts'],
    tests: ['test/agents/offline/signatures/**/*.test.ts'],
    ignoreStatic: true,
  },
]

export function mutationModule(id) {
  const found = MUTATION_MODULES.find((module) => module.id === id)
  if (!found) throw new Error(`No mutation module "${id}". Known: ${MUTATION_MODULES.map((module) => module.id).join(', ')}.`)
  return found
}
