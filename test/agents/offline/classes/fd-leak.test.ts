import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, shaOf} from '../bundle-builder.js'

// Shapes: Go's net/http server and client once the process is out of descriptors
// (https://pkg.go.dev/net/http#Response: "The client must close the response body when finished with it").
const EXHAUSTED = [
  {template: 'http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in <*>', samples: ['http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 5ms'], count: 700},
  {template: 'forward webhook: Get "https://partner.example/v1/status": dial tcp: lookup partner.example: socket: too many open files', count: 300},
]
const LEAK = 'webhooks: check partner status before forwarding'

describe('descriptors leaked by a change to the HTTP client code', () => {
  it('names the change that started calling the partner, shipped hours before the descriptors ran out', () => {
    const bundle = bundleOf({templates: EXHAUSTED, commits: [{subject: LEAK, files: ['internal/webhooks/partner_status.go'], minutesBefore: 240}]})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'code-change', change: {sha: shaOf(bundle, LEAK)}})
  })

  it('blames no change that has nothing to do with the failing calls', () => {
    const bundle = bundleOf({templates: EXHAUSTED, commits: [{subject: 'billing: round invoice totals', files: ['internal/billing/round.go'], minutesBefore: 240}]})
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings[0]).toMatchObject({category: 'resource-exhaustion', change: null})
    expect(findings.some((f) => f.change !== null)).toBe(false)
  })
})

// Shape: the JVM out of native threads (https://docs.oracle.com/en/java/javase/17/troubleshoot/troubleshooting-memory-leaks.html).
describe('a process out of native threads', () => {
  it('is not read as a leak that a change sharing its words shipped hours before', () => {
    const subject = 'metrics reporter: log in key=value format'
    const bundle = bundleOf({
      templates: [{template: 'ERROR MetricsReporter: java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource limits reached', count: 300}],
      commits: [{subject, files: ['src/main/java/com/acme/metrics/MetricsReporter.java'], minutesBefore: 300}],
    })
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings[0]).toMatchObject({category: 'resource-exhaustion', change: null})
    expect(findings.some((f) => f.change !== null)).toBe(false)
  })
})
