import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, minuteSeries, shaOf} from './bundle-builder.js'

const REFUND_ERROR = {
  template: 'refund failed: TypeError: Cannot read properties of undefined (reading <*>)',
  samples: ['{"msg":"refund failed","err":"TypeError: Cannot read properties of undefined\\n    at refund (/srv/app/src/payments/refund.ts:7:30)"}'],
}

describe('rootCauseAnalyst', () => {
  it('names the change that touched the failing frame, not the closer one elsewhere', () => {
    const bundle = bundleOf({
      templates: [REFUND_ERROR],
      commits: [
        {subject: 'payments: support partial refunds', files: ['src/payments/refund.ts'], minutesBefore: 12, components: ['payments']},
        {subject: 'search: boost exact title matches', files: ['src/search/query.ts'], minutesBefore: 7, components: ['search']},
      ],
    })
    const {findings} = rootCauseAnalyst(bundle, INCIDENT)
    expect(findings[0]).toMatchObject({category: 'code-change', change: {sha: shaOf(bundle, 'payments: support partial refunds')}})
    expect(findings[0].confidence).toBeGreaterThanOrEqual(0.7)
    const decoy = findings.find((f) => f.hypothesis.includes('search: boost'))
    expect(decoy).toMatchObject({change: null})
    expect(decoy!.confidence).toBeLessThan(0.3)
  })

  it('never names a change committed after the onset, even one touching the failing file', () => {
    const bundle = bundleOf({templates: [REFUND_ERROR], commits: [{subject: 'payments: guard missing prices', files: ['src/payments/refund.ts'], minutesBefore: -20}]})
    const {findings} = rootCauseAnalyst(bundle, INCIDENT)
    expect(findings.filter((f) => f.change !== null)).toEqual([])
  })

  it('keeps a matching change from two days before as a low alternative without naming it', () => {
    const bundle = bundleOf({templates: [REFUND_ERROR], commits: [{subject: 'payments: support partial refunds', files: ['src/payments/refund.ts'], minutesBefore: 2 * 1440}]})
    const [finding] = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(finding.change).toBeNull()
    expect(finding.confidence).toBeLessThan(0.3)
  })

  it('ties a dependency upgrade to frames inside its package', () => {
    const bundle = bundleOf({
      exceptions: [{type: 'JsonWebTokenError', message: 'secretOrPublicKey must be an asymmetric key', frames: ['/srv/app/node_modules/jsonwebtoken/verify.js', '/srv/app/src/auth/middleware.js']}],
      templates: [{template: 'authentication failed unexpectedly: secretOrPublicKey must be an asymmetric key'}],
      commits: [{subject: 'chore(deps): bump jsonwebtoken', files: ['package.json', 'package-lock.json'], minutesBefore: 13, kind: 'dependency-upgrade', packages: ['jsonwebtoken']}],
    })
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'dependency-upgrade', change: {kind: 'dependency-upgrade'}})
  })

  it('ties a config change lowering the pool to pool timeouts', () => {
    const bundle = bundleOf({
      templates: [{template: 'Knex: Timeout acquiring a connection. The pool is probably full.'}],
      commits: [{subject: 'config: lower database pool max to 5', files: ['config/database.yaml'], minutesBefore: 6, kind: 'config-change', components: ['database']}],
    })
    const [finding] = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(finding).toMatchObject({category: 'config-change', change: {subject: 'config: lower database pool max to 5'}})
  })

  it('names a feature-flag flip whose flag names the failing code, with no sha', () => {
    const bundle = bundleOf({
      exceptions: [{type: 'java.lang.NullPointerException', message: 'discount is null', frames: ['NewPricingEngine.java', 'PriceController.java']}],
      templates: [{template: 'Servlet.service() threw exception', before: 10, count: 200}],
      deploys: [{kind: 'feature-flag', description: 'Flag new-pricing-engine enabled for 100% of traffic', sha: null, minutesBefore: 1}],
    })
    const [finding] = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(finding).toMatchObject({category: 'feature-flag', change: {sha: null, kind: 'feature-flag', subject: 'Flag new-pricing-engine enabled for 100% of traffic'}})
  })

  it('blames the commit a memory ramp followed for OOM kills, and calls the OOM its consequence', () => {
    const bundle = bundleOf({
      templates: [{template: 'kernel: Memory cgroup out of memory: Killed process <*> (node)', levels: [], samples: ['kernel: Memory cgroup out of memory: Killed process 28112 (node)', 'container="catalog-api" reason="OOMKilled"']}],
      commits: [{subject: 'catalog: cache rendered product pages in memory', files: ['src/catalog/page-cache.ts'], minutesBefore: 52, components: ['catalog']}],
      deploys: [{kind: 'deploy', description: 'Deploy 2.7.0', sha: null, minutesBefore: 42}],
      metrics: [{name: 'container_memory_working_set_bytes', points: minuteSeries(-90, 10, (m) => (m < -42 ? 400 : 400 + (m + 42) * 10))}],
    })
    bundle.deploys!.events[0].sha = shaOf(bundle, 'catalog: cache rendered product pages in memory')
    const {findings} = rootCauseAnalyst(bundle, INCIDENT)
    expect(findings[0]).toMatchObject({category: 'code-change', change: {subject: 'catalog: cache rendered product pages in memory'}})
    expect(findings.find((f) => f.category === 'resource-exhaustion')!.confidence).toBeLessThan(0.3)
  })

  it.each([
    ['certificate-expiry', 'inventory lookup failed: x509: certificate has expired or is not yet valid', 'Get "https://inventory.internal:8443/v1/stock": x509: certificate has expired'],
    ['network', 'inventory request failed: getaddrinfo EAI_AGAIN inventory.shop.svc.cluster.local', 'getaddrinfo EAI_AGAIN inventory.shop.svc.cluster.local'],
    ['external-dependency', 'PaymentProviderError: provider responded <*> Service Unavailable', '{"url":"https://api.payprovider.example/v1/charges","msg":"provider responded 503 Service Unavailable"}'],
    ['database-saturation', 'FATAL: sorry, too many clients already', 'FATAL: sorry, too many clients already'],
    ['resource-exhaustion', 'Error: ENOSPC: no space left on device, write', 'Error: ENOSPC: no space left on device, write'],
  ])('forms a %s hypothesis from its error signature when no change explains it', (category, template, sample) => {
    const bundle = bundleOf({
      templates: [{template, samples: [sample]}],
      commits: [{subject: 'checkout: reword the banner', files: ['src/checkout/banner.ts'], minutesBefore: 10}],
    })
    const [finding] = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(finding).toMatchObject({category, change: null})
    expect(finding.confidence).toBeGreaterThanOrEqual(0.5)
  })

  it('calls a lookup failure of a third-party host an external dependency, not the network', () => {
    const bundle = bundleOf({templates: [{template: 'getaddrinfo ENOTFOUND api.vendor.example', samples: ['getaddrinfo ENOTFOUND api.vendor.example']}]})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'external-dependency', component: 'api.vendor.example'})
  })

  it('finds nothing to name when the evidence supports nothing', () => {
    const bundle = bundleOf({
      onset: null,
      templates: [{template: 'request aborted: Error: aborted', count: 15}],
      commits: [{subject: 'docs: update the on-call list', files: ['docs/runbook.md'], minutesBefore: 360, kind: 'docs-tests'}],
    })
    const report = rootCauseAnalyst(bundle, INCIDENT)
    expect(report.findings.every((f) => f.confidence < 0.4)).toBe(true)
    expect(report.limitations.join(' ')).toContain('onset is unknown')
  })

  it('redacts secrets quoted from a commit subject', () => {
    const subject = 'payments: rotate key AKIAIOSFODNN7EXAMPLE for refunds'
    const bundle = bundleOf({templates: [REFUND_ERROR], commits: [{subject, files: ['src/payments/refund.ts'], minutesBefore: 12}]})
    const [finding] = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(finding.hypothesis).not.toContain('AKIAIOSFODNN7EXAMPLE')
    expect(finding.change?.subject).toContain('[REDACTED:aws-key]')
  })

  it('cites only evidence ids that exist in the bundle', () => {
    const bundle = bundleOf({templates: [REFUND_ERROR], commits: [{subject: 'payments: support partial refunds', files: ['src/payments/refund.ts'], minutesBefore: 12}]})
    const known = new Set(bundle.items.map((item) => item.id))
    const report = rootCauseAnalyst(bundle, INCIDENT)
    const cited = [...report.findings.flatMap((f) => f.evidenceIds), ...report.observations.flatMap((o) => o.evidenceIds)]
    expect(cited.length).toBeGreaterThan(0)
    for (const id of cited) expect(known).toContain(id)
    expect(report).toMatchObject({provider: 'offline', schemaVersion: 1, specialist: 'root-cause-analyst'})
  })
})
