import {describe, expect, it} from 'vitest'

import {checkSeverity, decideTriage} from '../../src/phases/triage/decide-triage.js'
import {facts, incident, SHA} from './fixtures.js'

describe('decideTriage', () => {
  it('ranks rolling back the migration first, with the tooling command, never the docs or post-onset commits', () => {
    const triage = decideTriage(incident(), facts(), [{sha: SHA, command: 'npx knex migrate:down 20261112_1350_orders_currency_not_null.js', note: 'Runs the down migration.'}])
    expect(triage.mitigations[0]).toMatchObject({command: 'npx knex migrate:down 20261112_1350_orders_currency_not_null.js', evidenceIds: [`ev-git-${SHA.slice(0, 7)}`]})
    expect(triage.mitigations[0].title).toMatch(/^Roll back e3f0244/)
    expect(triage.mitigations.map((item) => item.title).join()).not.toMatch(/docs|retry order insert/)
    expect(triage.escalation.responseTarget).toBe('< 5 minutes')
    expect(triage.statusPage).toMatch(/since 2026-11-12 14:02 UTC/)
  })

  it('suggests a higher severity when the evidence shows most traffic failing', () => {
    const check = checkSeverity(incident({severity: 'P2'}), facts({errors: {...facts().errors!, rateSinceOnset: 0.62}}))
    expect(check).toMatchObject({verdict: 'raise', suggested: 'P0'})
  })

  it('confirms P0 for a security incident even with a low error rate', () => {
    const check = checkSeverity(incident({symptoms: ['security-incident']}), facts({errors: {...facts().errors!, rateSinceOnset: 0.01}}))
    expect(check.verdict).toBe('confirmed')
  })

  it('keeps the declared severity when there is no error evidence', () => {
    expect(checkSeverity(incident({severity: 'P1'}), facts({errors: null})).verdict).toBe('confirmed')
  })

  it('says plainly when the logs hold no error lines', () => {
    const none = facts({errors: {...facts().errors!, count: 0, firstErrorAt: null, rateSinceOnset: 0}})
    expect(decideTriage(incident(), none, []).impact.summary).toBe('The logs hold no error lines in the window examined.')
  })
})
