import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, type BundleSpec} from './bundle-builder.js'

// A pricing service panics on a missing rate right after a config push switched its rate table.
const PANIC = {
  template: "thread 'tokio-runtime-worker' panicked at src/rates/lookup.rs:<*>:<*>: called `Option::unwrap()` on a `None` value",
  samples: ["thread 'tokio-runtime-worker' panicked at src/rates/lookup.rs:88:41:\ncalled `Option::unwrap()` on a `None` value"],
}
const PUSH = 'pricing: serve FX rates from the regional rate table (global config push)'

const withPush = (minutesBefore: number, extra: Partial<BundleSpec> = {}): BundleSpec => ({
  templates: [PANIC],
  deploys: [{kind: 'config', description: PUSH, sha: null, minutesBefore}],
  ...extra,
})

describe('a config or flag event followed by a new failure', () => {
  it('names the config push the first new failure followed within minutes', () => {
    const {findings} = rootCauseAnalyst(bundleOf(withPush(3)), INCIDENT)
    expect(findings[0]).toMatchObject({category: 'config-change', change: {subject: PUSH}})
    expect(findings[0].hypothesis).toContain('after it was pushed, and the logs show none before')
  })

  it('names a flag ramp the same way, as a feature-flag change', () => {
    const ramp = 'checkout_engine_next: enable for 100% of tenants'
    const bundle = bundleOf({templates: [PANIC], deploys: [{kind: 'feature-flag', description: ramp, sha: null, minutesBefore: 2}]})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'feature-flag', change: {subject: ramp}})
  })

  it('does not name a push that the logs show running cleanly long before the failure', () => {
    const {findings} = rootCauseAnalyst(bundleOf(withPush(45)), INCIDENT)
    expect(findings.filter((f) => f.change !== null)).toEqual([])
  })

  it('does not name a push when the failure ran before it too', () => {
    const {findings} = rootCauseAnalyst(bundleOf({...withPush(3), templates: [{...PANIC, before: 40}]}), INCIDENT)
    expect(findings.filter((f) => f.change !== null)).toEqual([])
  })

  it('does not name a push for a failure no push makes, a certificate expiring on its date', () => {
    const expired = {template: 'x509: certificate has expired or is not yet valid: current time <*> is after <*>'}
    const {findings} = rootCauseAnalyst(bundleOf(withPush(3, {templates: [expired]})), INCIDENT)
    expect(findings.filter((f) => f.change !== null)).toEqual([])
  })
})
