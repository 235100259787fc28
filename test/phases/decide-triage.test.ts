import {describe, expect, it} from 'vitest'

import {checkSeverity, decideTriage} from '../../src/phases/triage/decide-triage.js'
import {facts, incident, SHA} from './fixtures.js'

describe('decideTriage', () => {
  it('ranks rolling back the migration first, with the tooling command, never the docs or post-onset commits', () => {
    const triage = decideTriage(incident(), facts(), [{sha: SHA, command: 'npx knex migrate:down 20261112_1350_orders_currency_not_null.js', note: 'Runs the down migration.', tool: 'knex'}])
    expect(triage.mitigations[0]).toMatchObject({command: 'npx knex migrate:down 20261112_1350_orders_currency_not_null.js', evidenceIds: [`ev-git-${SHA.slice(0, 7)}`]})
    expect(triage.mitigations[0].title).toMatch(/^Roll back migration e3f0244 .* with its down step$/)
    expect(triage.mitigations.map((item) => item.title).join()).not.toMatch(/docs|retry order insert/)
    expect(triage.escalation.responseTarget).toBe('< 5 minutes')
    expect(triage.statusPage).toMatch(/since 2026-11-12 14:02 UTC/)
  })

  it('never offers git revert for a migration without a tool: it is rolled forward with a compensating migration', () => {
    const triage = decideTriage(incident(), facts(), [{sha: SHA, command: `git revert ${SHA}`, note: 'No migration tool was recognised.', tool: 'git'}])
    expect(triage.mitigations[0]).toMatchObject({command: null, title: 'Roll migration e3f0244 "migrations: make orders.currency NOT NULL" forward: apply a compensating migration that undoes its schema change'})
    expect(JSON.stringify(triage.mitigations)).not.toContain('git revert')
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

  it('speaks of requests on the status page only when request lines counted them', () => {
    const requests = {source: 'access' as const, files: ['access.log'], correlatedAcross: null, from: '2026-11-12T14:02:00.000Z', to: '2026-11-12T14:31:00.000Z', until: 'end-of-impact' as const, during: {total: 4000, failed: 541}, baseline: {total: 9000, failed: 3}, endpoints: []}
    expect(decideTriage(incident(), facts({requests}), []).statusPage).toContain('is returning errors for some requests since')
    expect(decideTriage(incident(), facts({requests: null}), []).statusPage).toMatch(/^Investigating — checkout-api has been failing since 2026-11-12 14:02 UTC\./)
  })

  it('says plainly when the logs hold no error lines', () => {
    const none = facts({errors: {...facts().errors!, count: 0, firstErrorAt: null, rateSinceOnset: 0}})
    expect(decideTriage(incident(), none, []).impact.summary).toBe('The logs hold no failed request and no error line.')
  })
})
