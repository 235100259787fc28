import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT} from './bundle-builder.js'

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
  })

  it('keeps a defect signature from naming a cause by itself', () => {
    const bundle = bundleOf({templates: [{template: "TypeError: Cannot read properties of undefined (reading 'amount')"}]})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings.every((f) => f.confidence < 0.4)).toBe(true)
  })
})
