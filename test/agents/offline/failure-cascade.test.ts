import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, minuteSeries} from './bundle-builder.js'

const lead = (bundle: ReturnType<typeof bundleOf>) => rootCauseAnalyst(bundle, INCIDENT).findings[0]

describe('failure signatures, cascades and causal order', () => {
  it('names the first failure, not the pool exhaustion that followed it', () => {
    const bundle = bundleOf({
      templates: [
        {template: 'ERROR cache client: connection pool exhausted (size=<*> waiting=<*>)', samples: ['ERROR cache client: connection pool exhausted (size=20, waiting=143)'], count: 900, firstAfter: 1},
        {template: 'ERROR redis error: connect ECONNREFUSED <*>', samples: ['ERROR redis error: Error: Redis connection to redis-master:6379 failed - connect ECONNREFUSED 10.0.4.12:6379'], count: 300, firstAfter: 0},
      ],
    })
    const finding = lead(bundle)
    expect(finding).toMatchObject({category: 'external-dependency', component: 'redis-master', change: null})
    expect(finding.hypothesis).toMatch(/pool was exhausted|exhausted.*followed as its effects/)
    const pool = rootCauseAnalyst(bundle, INCIDENT).findings.find((f) => f.category === 'resource-exhaustion')!
    expect(pool.confidence).toBeLessThan(0.3)
  })

  it('names a failure seen in a single line when it is new at the onset', () => {
    const bundle = bundleOf({
      templates: [
        {template: 'ERROR request failed status=<*>', count: 4000, before: 20},
        {template: 'ERROR javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed', samples: ['ERROR sun.security.validator.ValidatorException: PKIX path validation failed: java.security.cert.CertificateExpiredException: NotAfter: Sun Mar 01 00:00:00 UTC 2026'], count: 1},
      ],
    })
    expect(lead(bundle)).toMatchObject({category: 'certificate-expiry'})
  })

  it('counts a pool timeout that appears once when it is new at the onset', () => {
    const bundle = bundleOf({
      templates: [
        {template: 'WARN <*> HikariPool-1 - Connection is not available, request timed out after <*>', samples: ['2026-10-06 10:15:07.120 WARN 1 --- [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper : HikariPool-1 - Connection is not available, request timed out after 30000ms.'], count: 1, levels: ['warn']},
      ],
    })
    const finding = lead(bundle)
    expect(finding).toMatchObject({category: 'resource-exhaustion', component: 'HikariPool-1'})
  })

  it('does not name a failure that ran at the same rate before the onset', () => {
    const bundle = bundleOf({
      templates: [
        {template: 'ERROR checkout failed: order total mismatch', count: 600},
        {template: 'WARN getaddrinfo EAI_AGAIN metrics-agent.internal', count: 10, before: 10, levels: ['warn']},
      ],
    })
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings.some((f) => f.category === 'network')).toBe(false)
  })

  it('calls timeouts to one named upstream an external dependency, timeouts to many the network', () => {
    const one = bundleOf({templates: [{template: 'ERROR shipping rates failed: <*>', samples: ['ERROR shipping rates failed: Get "https://api.shipping.example/v2/rates": context deadline exceeded (Client.Timeout exceeded while awaiting headers)']}]})
    expect(lead(one)).toMatchObject({category: 'external-dependency', component: 'api.shipping.example'})
    const many = bundleOf({
      templates: [
        {template: 'ERROR dial tcp <*>: i/o timeout', samples: ['ERROR call inventory: dial tcp 10.0.3.7:8080: i/o timeout', 'ERROR call pricing: dial tcp 10.0.5.2:8080: i/o timeout', 'ERROR call ledger: dial tcp 10.0.9.1:8443: i/o timeout']},
      ],
    })
    expect(lead(many)).toMatchObject({category: 'network'})
    // The findings quote the mined template with "…" for what varies, never the <*> mask.
    expect(lead(many).hypothesis).toContain('e.g. "ERROR dial tcp …: i/o timeout"')
    expect(JSON.stringify(rootCauseAnalyst(many, INCIDENT))).not.toContain('<*>')
  })

  it('keeps a defect signature from naming a cause by itself', () => {
    const bundle = bundleOf({templates: [{template: "TypeError: Cannot read properties of undefined (reading 'amount')"}]})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings.every((f) => f.confidence < 0.4)).toBe(true)
  })

  it('does not blame a change that shares only a word with the errors when a failure of another kind came first', () => {
    const bundle = bundleOf({
      templates: [{template: 'identity client: Post <*> x509: certificate has expired or is not yet valid', samples: ['identity client: login token exchange failed: Post "https://identity.internal.example.net/oauth/token": x509: certificate has expired or is not yet valid']}],
      commits: [{subject: 'Log structured fields in the login handler', files: ['internal/login/handler.go'], minutesBefore: 20}],
    })
    const [finding] = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(finding).toMatchObject({category: 'certificate-expiry', change: null, component: 'identity.internal.example.net'})
  })

  it('reads lines without timestamps as possibly new, and says so, at a lower confidence', () => {
    const timed = lead(bundleOf({templates: [{template: 'ERROR OSError: [Errno 28] No space left on device'}]}))
    const untimed = lead(bundleOf({templates: [{template: 'ERROR OSError: [Errno 28] No space left on device', untimed: true}]}))
    expect(untimed).toMatchObject({category: 'resource-exhaustion', component: 'disk'})
    expect(untimed.hypothesis).toContain('without timestamps')
    expect(untimed.confidence).toBeLessThan(timed.confidence)
  })

  it('ties a DNS change made just before names stop resolving to the failure', () => {
    const bundle = bundleOf({
      templates: [{template: 'ERROR gateway upstream=<*> err="dial tcp: lookup <*> no such host"', samples: ['ERROR gateway upstream=login.crm.example err="dial tcp: lookup login.crm.example: no such host"']}],
      deploys: [{kind: 'config', description: 'DNS: add the AU zone records and restart the resolvers', sha: null, minutesBefore: 3}],
    })
    expect(lead(bundle)).toMatchObject({category: 'config-change', change: {subject: 'DNS: add the AU zone records and restart the resolvers'}})
  })

  it('sees a surge that ramps up over minutes, without a single step', () => {
    const ramp = (m: number) => (m < 0 ? 100 : 100 + Math.min(m, 10) * 40)
    const bundle = bundleOf({
      templates: [{template: 'WARN slow response from upstream, served stale page', levels: ['warn'], count: 20}],
      metrics: [{name: 'edge_requests_per_second', points: minuteSeries(-30, 30, ramp)}],
    })
    expect(lead(bundle)).toMatchObject({category: 'traffic-surge'})
  })

  it('does not blame a change sharing the service’s vocabulary when an upstream failed first', () => {
    const bundle = bundleOf({
      templates: [{template: 'ERROR order checkout failed: <*> 503 Service Unavailable from POST <*>', samples: ['ERROR order checkout failed: WebClientResponseException$ServiceUnavailable: 503 Service Unavailable from POST https://api.pay.example/v1/charges']}],
      commits: [{subject: 'Order history: page checkout results', files: ['src/main/java/com/example/orders/History.java'], minutesBefore: 15}],
    })
    expect(lead(bundle)).toMatchObject({category: 'external-dependency', component: 'api.pay.example', change: null})
  })

  it('asks words-only content for a change close to the onset', () => {
    const bundle = bundleOf({
      exceptions: [{type: 'java.lang.ArithmeticException', message: 'Rounding necessary', frames: ['TaxEngine.java']}],
      templates: [{template: 'ERROR checkout failed cart=<*> region=EU'}],
      commits: [{subject: 'Checkout: log cart region on every request', files: ['src/checkout/Log.java'], minutesBefore: 150}],
    })
    expect(rootCauseAnalyst(bundle, INCIDENT).findings.every((f) => f.change === null || f.confidence < 0.4)).toBe(true)
  })

  it('lets a platform change explain the network failing after it, by its words', () => {
    const bundle = bundleOf({
      templates: [{template: 'ERROR kubernetes cluster node: dial tcp <*> connect: no route to host', samples: ['ERROR kubernetes cluster node: dial tcp 10.244.81.3:443: connect: no route to host']}],
      commits: [{subject: 'Upgrade the prod cluster to Kubernetes v1.24', files: ['clusters/prod/cluster.yaml'], minutesBefore: 8, kind: 'dependency-upgrade'}],
    })
    expect(lead(bundle)).toMatchObject({category: 'dependency-upgrade', change: {subject: 'Upgrade the prod cluster to Kubernetes v1.24'}})
  })
})

