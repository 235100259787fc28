import {MITIGATION_WORDS} from '../../evidence/arc/classify-mitigation.js'
import {ATTACK_SIGNAL, MITIGATION_LEAD_MINUTES} from '../../evidence/arc/find-incident-arc.js'
import {clock, listOf, sentence} from './sentence.js'
import type {Story} from './story.js'
import {EXAMPLE_STORY} from './example-story.js'

/** The "Recovery and resolution" section: what the evidence shows, then what people recorded. */
export const mitigationFromEvidence = sentence<Pick<Story, 'mitigation' | 'recovery' | 'onset'>>({
  id: 'recovery.mitigation',
  render: ({mitigation, recovery, onset}) => {
    if (mitigation) return `From the evidence, the failures stopped after a change at ${clock(mitigation.at, onset)}: ${mitigation.description} — ${MITIGATION_WORDS[mitigation.kind]}.`
    if (recovery) return `No change in the evidence comes within ${MITIGATION_LEAD_MINUTES} min before the recovery, so the evidence does not show what stopped the failures.`
    return 'The evidence shows no change that stopped the failures.'
  },
  examples: [
    {variant: 'a forward change', input: EXAMPLE_STORY, output: 'From the evidence, the failures stopped after a change at 14:30 UTC: deploy 2.14.3 of checkout-api, "Deploy 2.14.3 with migration 20261112_1425_orders_currency_drop_not_null" — a forward change, not a rollback.'},
    {variant: 'a rollback', input: {...EXAMPLE_STORY, mitigation: {at: '2026-11-12T14:30:00.000Z', kind: 'rollback', label: 'deploy 2.14.0 of checkout-api', description: 'deploy 2.14.0 of checkout-api, "Roll back to 2.14.0"'}}, output: 'From the evidence, the failures stopped after a change at 14:30 UTC: deploy 2.14.0 of checkout-api, "Roll back to 2.14.0" — a rollback.'},
    {variant: 'a recovery without a change', input: {...EXAMPLE_STORY, mitigation: null}, output: 'No change in the evidence comes within 10 min before the recovery, so the evidence does not show what stopped the failures.'},
    {variant: 'no recovery', input: {...EXAMPLE_STORY, mitigation: null, recovery: null}, output: 'The evidence shows no change that stopped the failures.'},
  ],
})

export const recoveryFromEvidence = sentence<Pick<Story, 'recovery' | 'endOfImpact' | 'notRecovered' | 'evidenceEnd' | 'onset'>>({
  id: 'recovery.recovery',
  render: ({recovery, endOfImpact, notRecovered, evidenceEnd, onset}) => {
    if (recovery) {
      const last = endOfImpact && endOfImpact !== recovery.at ? ` The last failure of the incident was at ${new Date(endOfImpact).toISOString().slice(11, 19)} UTC.` : ''
      // An attack has no baseline to return to: it stops.
      const others = recovery.signals.filter((signal) => signal !== ATTACK_SIGNAL)
      if (others.length < recovery.signals.length) {
        return `The attack stopped: no failed login from ${clock(recovery.at, onset)}${others.length > 0 ? `, and the ${listOf(others)} back at ${others.length === 1 ? 'its' : 'their'} pre-onset level` : ''}, by the rule: ${recovery.rule}.${last}`
      }
      return `${recovery.signals.length === 1 ? `The ${recovery.signals[0]} was` : `Every incident signal (${listOf(recovery.signals)}) was`} back at its pre-onset level from ${clock(recovery.at, onset)}, by the rule: ${recovery.rule}.${last}`
    }
    if (notRecovered.length > 0) {
      const end = `At the end of the evidence${evidenceEnd ? ` (${clock(evidenceEnd, onset)})` : ''}`
      const others = notRecovered.filter((signal) => signal !== ATTACK_SIGNAL)
      const baseline = others.length > 0 ? `the ${listOf(others)} had not returned to ${others.length === 1 ? 'its' : 'their'} baseline` : ''
      if (others.length < notRecovered.length) return `${end} the attack had not stopped: failed logins went on to its last stretch${baseline ? `, and ${baseline}` : ''}.`
      return `${end} ${baseline}.`
    }
    return 'The evidence has no incident signal with a baseline to return to, so it cannot show a recovery.'
  },
  examples: [
    {variant: 'two signals back', input: EXAMPLE_STORY, output: 'Every incident signal (log error rate and http_5xx_rate) was back at its pre-onset level from 14:31 UTC, by the rule: within max(10% of the jump, 3σ of the baseline noise) of that level for 5 consecutive minutes, or to the end of the evidence if that is sooner (at least 2). The last failure of the incident was at 14:30:34 UTC.'},
    {variant: 'one signal, last failure unknown', input: {...EXAMPLE_STORY, recovery: {...EXAMPLE_STORY.recovery!, signals: ['http_5xx_rate']}, endOfImpact: EXAMPLE_STORY.recovery!.at}, output: 'The http_5xx_rate was back at its pre-onset level from 14:31 UTC, by the rule: within max(10% of the jump, 3σ of the baseline noise) of that level for 5 consecutive minutes, or to the end of the evidence if that is sooner (at least 2).'},
    {variant: 'not recovered', input: {...EXAMPLE_STORY, recovery: null, notRecovered: ['log error rate', 'http_5xx_rate']}, output: 'At the end of the evidence (14:40 UTC) the log error rate and http_5xx_rate had not returned to their baseline.'},
    {variant: 'one not recovered, no end known', input: {...EXAMPLE_STORY, recovery: null, notRecovered: ['log error rate'], evidenceEnd: null}, output: 'At the end of the evidence the log error rate had not returned to its baseline.'},
    {variant: 'an attack that stopped', input: {...EXAMPLE_STORY, recovery: {...EXAMPLE_STORY.recovery!, signals: ['failed logins'], rule: 'none from the last one to the end of the evidence'}, endOfImpact: '2026-11-12T14:30:34.000Z'}, output: 'The attack stopped: no failed login from 14:31 UTC, by the rule: none from the last one to the end of the evidence. The last failure of the incident was at 14:30:34 UTC.'},
    {variant: 'an attack that stopped, and an error rate back', input: {...EXAMPLE_STORY, recovery: {...EXAMPLE_STORY.recovery!, signals: ['failed logins', 'log error rate'], rule: 'stated'}, endOfImpact: EXAMPLE_STORY.recovery!.at}, output: 'The attack stopped: no failed login from 14:31 UTC, and the log error rate back at its pre-onset level, by the rule: stated.'},
    {variant: 'an attack still going', input: {...EXAMPLE_STORY, recovery: null, notRecovered: ['failed logins']}, output: 'At the end of the evidence (14:40 UTC) the attack had not stopped: failed logins went on to its last stretch.'},
    {variant: 'an attack still going, and an error rate up', input: {...EXAMPLE_STORY, recovery: null, notRecovered: ['failed logins', 'log error rate'], evidenceEnd: null}, output: 'At the end of the evidence the attack had not stopped: failed logins went on to its last stretch, and the log error rate had not returned to its baseline.'},
    {variant: 'no signal', input: {...EXAMPLE_STORY, recovery: null, notRecovered: []}, output: 'The evidence has no incident signal with a baseline to return to, so it cannot show a recovery.'},
  ],
})

export const attemptsWithoutEffect = sentence<Pick<Story, 'attempts' | 'onset'>>({
  id: 'recovery.attempts',
  render: ({attempts, onset}) => {
    if (attempts.length === 0) return 'No other change came between the onset and the recovery.'
    if (attempts.length === 1) return `The failures went on after an earlier change at ${clock(attempts[0].at, onset)}: ${attempts[0].description}.`
    return `The failures went on after earlier changes: ${attempts.map((attempt) => `at ${clock(attempt.at, onset)}, ${attempt.description}`).join('; ')}.`
  },
  examples: [
    {variant: 'one', input: EXAMPLE_STORY, output: 'The failures went on after an earlier change at 14:16 UTC: deploy 2.14.2 of checkout-api, "Hotfix 2.14.2: retry order insert".'},
    {variant: 'none', input: {...EXAMPLE_STORY, attempts: []}, output: 'No other change came between the onset and the recovery.'},
    {variant: 'two', input: {...EXAMPLE_STORY, attempts: [...EXAMPLE_STORY.attempts, {at: '2026-11-12T14:20:00.000Z', label: 'feature-flag change of storefront', description: 'feature-flag change of storefront, "Flag search-autocomplete-v2 off"'}]}, output: 'The failures went on after earlier changes: at 14:16 UTC, deploy 2.14.2 of checkout-api, "Hotfix 2.14.2: retry order insert"; at 14:20 UTC, feature-flag change of storefront, "Flag search-autocomplete-v2 off".'},
  ],
})

export const recordedByResponders = sentence<Pick<Story, 'recorded' | 'onset'>>({
  id: 'recovery.recorded',
  render: ({recorded, onset}) => {
    const parts: string[] = []
    if (recorded.mitigatedAt) parts.push(`mitigated at ${clock(recorded.mitigatedAt, onset)}${recorded.mitigation ? ` (${recorded.mitigation})` : ''}`)
    if (recorded.resolvedAt) parts.push(`resolved at ${clock(recorded.resolvedAt, onset)}${recorded.resolution ? ` (${recorded.resolution})` : ''}`)
    if (parts.length === 0) return 'The responders have not recorded a mitigation or resolution yet (`incident-response mitigate --at …`, `incident-response resolve --at …`).'
    return `Recorded by the responders: ${parts.join('; ')}.`
  },
  examples: [
    {variant: 'nothing recorded', input: EXAMPLE_STORY, output: 'The responders have not recorded a mitigation or resolution yet (`incident-response mitigate --at …`, `incident-response resolve --at …`).'},
    {variant: 'mitigated', input: {...EXAMPLE_STORY, recorded: {status: 'mitigated', mitigatedAt: '2026-11-12T14:35:00.000Z', mitigation: 'Dropped NOT NULL on orders.currency', resolvedAt: null, resolution: null}}, output: 'Recorded by the responders: mitigated at 14:35 UTC (Dropped NOT NULL on orders.currency).'},
    {variant: 'both, the mitigation without text', input: {...EXAMPLE_STORY, recorded: {status: 'resolved', mitigatedAt: '2026-11-12T14:35:00.000Z', mitigation: null, resolvedAt: '2026-11-13T10:00:00.000Z', resolution: 'Legacy checkout writes the currency'}}, output: 'Recorded by the responders: mitigated at 14:35 UTC; resolved at 2026-11-13 10:00 UTC (Legacy checkout writes the currency).'},
  ],
})
