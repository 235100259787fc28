import {describe, expect, it} from 'vitest'

import {changeCandidates, packagesInSubject} from '../../../src/agents/offline/change-candidates.js'
import {incidentSignals} from '../../../src/agents/offline/incident-signals.js'
import {scoreChangeCorrelation, timingWeight} from '../../../src/agents/offline/score-change-correlation.js'
import {bundleOf, minutesBefore, shaOf} from './bundle-builder.js'

describe('timingWeight', () => {
  it('is highest just before the onset, decays over hours and is zero after the onset', () => {
    expect(timingWeight(2)).toBeGreaterThan(0.95)
    expect(timingWeight(60)).toBeGreaterThan(timingWeight(180))
    expect(timingWeight(2 * 1440)).toBeLessThan(0.05)
    expect(timingWeight(-1)).toBe(0)
  })
})

describe('changeCandidates', () => {
  it('lets a deploy ship the commits since the previous deploy; the first deploy on record ships only its own', () => {
    const bundle = bundleOf({
      commits: [
        {subject: 'old', files: ['src/a/x.ts'], minutesBefore: 600},
        {subject: 'first deployed', files: ['src/b/x.ts'], minutesBefore: 300},
        {subject: 'carried along', files: ['src/c/x.ts'], minutesBefore: 20},
        {subject: 'deployed head', files: ['src/d/x.ts'], minutesBefore: 15},
        {subject: 'docs only', files: ['docs/x.md'], minutesBefore: 14, kind: 'docs-tests'},
      ],
      deploys: [
        {kind: 'deploy', description: 'Deploy 1', sha: null, minutesBefore: 290},
        {kind: 'deploy', description: 'Deploy 2', sha: null, minutesBefore: 5},
      ],
    })
    bundle.deploys!.events[0].sha = shaOf(bundle, 'first deployed')
    bundle.deploys!.events[1].sha = shaOf(bundle, 'deployed head')
    const shipped = Object.fromEntries(changeCandidates(bundle).map((c) => [c.ref.subject, c.shippedAt]))
    expect(shipped).toEqual({
      old: minutesBefore(600),
      'first deployed': minutesBefore(290),
      'carried along': minutesBefore(5),
      'deployed head': minutesBefore(5),
    })
  })
})

describe('changeCandidates with deploys named by a version', () => {
  it('makes a deploy known only by its version a candidate, labelled by that version', () => {
    const bundle = bundleOf({deploys: [{kind: 'deploy', description: null, sha: null, minutesBefore: 4}, {kind: 'deploy', description: null, sha: null, minutesBefore: 2}]})
    bundle.deploys!.events[0].version = 'release-42'
    const candidates = changeCandidates(bundle)
    expect(candidates.map((c) => [c.label, c.ref.kind, c.shippedAt, c.evidenceIds])).toEqual([['deploy "deploy shop release-42"', 'code-change', minutesBefore(4), ['ev-deploy-1']]])
  })
})

describe('changeCandidates with flags', () => {
  it('keeps a flag flip that names a commit as a flag change of its own', () => {
    const bundle = bundleOf({
      commits: [{subject: 'pricing: add the new engine behind a flag', files: ['src/pricing/engine.ts'], minutesBefore: 600}],
      deploys: [{kind: 'feature-flag', description: 'Flag new-pricing-engine to 100%', sha: null, minutesBefore: 2}],
    })
    bundle.deploys!.events[0].sha = shaOf(bundle, 'pricing: add the new engine behind a flag')
    expect(changeCandidates(bundle).map((c) => [c.ref.kind, c.shippedAt])).toEqual([
      ['code-change', minutesBefore(600)],
      ['feature-flag', minutesBefore(2)],
    ])
  })
})

describe('scoreChangeCorrelation', () => {
  const errors = {
    exceptions: [{type: 'error', message: 'null value in column "currency" of relation "orders"', frames: ['/app/node_modules/pg-protocol/dist/parser.js', '/app/src/checkout/create-order.ts']}],
  }

  it('does not read a frame in pg-protocol as naming the pg package', () => {
    const bundle = bundleOf({...errors, commits: [{subject: 'chore(deps): bump pg', files: ['package.json'], minutesBefore: 30, kind: 'dependency-upgrade', packages: ['pg']}]})
    const [candidate] = changeCandidates(bundle)
    expect(scoreChangeCorrelation(candidate, incidentSignals(bundle)).supported).toBe(false)
  })

  it('halves the timing of a change the logs show running normally for a while before the onset', () => {
    const bundle = bundleOf({...errors, commits: [{subject: 'checkout: rework create-order', files: ['src/checkout/create-order.ts'], minutesBefore: 90}]})
    const [candidate] = changeCandidates(bundle)
    const signals = incidentSignals(bundle)
    const unwatched = scoreChangeCorrelation(candidate, signals, {logsFrom: minutesBefore(10)})
    const watched = scoreChangeCorrelation(candidate, signals, {logsFrom: minutesBefore(120)})
    expect(watched.timing).toBeCloseTo(unwatched.timing / 2, 1)
    expect(watched.reasons.join(' ')).toContain('of normal operation after it shipped')
  })

  it('quotes the column and relation a migration changed as its link to the errors, not shared words', () => {
    const bundle = bundleOf({...errors, commits: [{subject: 'migrations: make orders.currency NOT NULL', files: ['migrations/20261112_1350_orders_currency_not_null.sql'], minutesBefore: 8, kind: 'database-migration'}]})
    const [candidate] = changeCandidates(bundle)
    const scored = scoreChangeCorrelation(candidate, incidentSignals(bundle))
    expect(scored.supported).toBe(true)
    expect(scored.reasons).toContain('the new errors name orders.currency (column "currency" of relation "orders"), which it changed')
    expect(scored.reasons.join(' ')).not.toContain('share the words')
  })

  it('matches a JVM frame, which names only the file, with the changed source file', () => {
    const bundle = bundleOf({
      exceptions: [{type: 'java.lang.IllegalStateException', message: 'refund total negative', frames: ['RefundService.java', 'Thread.java']}],
      commits: [
        {subject: 'payments: partial refunds', files: ['src/main/java/com/shop/payments/RefundService.java'], minutesBefore: 8},
        {subject: 'search: new index mapping', files: ['src/main/java/com/shop/search/index.java'], minutesBefore: 5},
      ],
    })
    const signals = incidentSignals(bundle)
    const scored = changeCandidates(bundle).map((c) => scoreChangeCorrelation(c, signals))
    expect(scored.map((c) => [c.candidate.ref.subject, c.supported])).toEqual([
      ['payments: partial refunds', true],
      ['search: new index mapping', false],
    ])
  })
})

describe('dependency upgrades whose manifest is not parsed', () => {
  it.each([
    ['Bump snakeyaml from 1.33 to 2.0', ['snakeyaml']],
    ['chore(deps): bump org.yaml:snakeyaml from 1.33 to 2.0', ['snakeyaml']],
    ['Update dependency axios to v1.6.0', ['axios']],
    ['requirements: allow urllib3 2.x', ['urllib3']],
    ['Refactor the cart', []],
  ])('"%s" names %j', (subject, packages) => {
    expect(packagesInSubject(subject)).toEqual(packages)
  })

  it('ties a JVM upgrade to the failing frames of that library', () => {
    const bundle = bundleOf({
      exceptions: [{type: 'java.lang.NoSuchMethodError', message: "org.yaml.snakeyaml.representer.Representer: method 'void <init>()' not found", frames: ['OriginTrackedYamlLoader.java']}],
      commits: [{subject: 'Bump snakeyaml from 1.33 to 2.0', files: ['pom.xml'], minutesBefore: 15, kind: 'dependency-upgrade'}],
    })
    bundle.logs!.exceptions[0].frames[0].function = 'org.springframework.boot.env.OriginTrackedYamlLoader.createYaml'
    bundle.logs!.exceptions[0].frames.push({file: 'Representer.java', line: 12, function: 'org.yaml.snakeyaml.representer.Representer.<init>'})
    const [candidate] = changeCandidates(bundle)
    const scored = scoreChangeCorrelation(candidate, incidentSignals(bundle))
    expect(scored).toMatchObject({supported: true, overlap: 1})
    expect(scored.reasons.join(' ')).toContain('inside snakeyaml')
  })
})

