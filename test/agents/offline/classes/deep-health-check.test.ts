import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, shaOf} from '../bundle-builder.js'

// Shapes: kubelet probe events (https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/)
// and the advice that liveness probes must not check dependencies
// (https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/#liveness-probe).
const TEMPLATES = [
  {template: 'Warning Unhealthy kubelet Liveness probe failed: Get <*>: context deadline exceeded (Client.Timeout exceeded while awaiting headers)', samples: ['Warning Unhealthy kubelet Liveness probe failed: Get "http://10.244.1.7:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'], count: 90, levels: ['warn' as const]},
  {template: 'Normal Killing kubelet Container stock failed liveness probe, will be restarted', count: 30, levels: ['warn' as const]},
  {template: 'ERROR healthz: database ping failed: dial tcp <*>: connect: connection refused', samples: ['ERROR healthz: database ping failed: dial tcp stock-db.shop.svc.cluster.local:5432: connect: connection refused'], count: 90, firstAfter: 0},
]

describe('a liveness probe that checks a dependency which went down', () => {
  it('names the dependency, not the network, when no change made the check deep', () => {
    const [finding] = rootCauseAnalyst(bundleOf({templates: TEMPLATES}), INCIDENT).findings
    expect(finding).toMatchObject({category: 'external-dependency', change: null, component: 'stock-db'})
  })

  it('names the change that made the liveness check depend on it', () => {
    const subject = 'healthz: check the database and the stock cache before answering'
    const bundle = bundleOf({
      templates: TEMPLATES,
      commits: [
        {subject, files: ['internal/health/handler.go'], minutesBefore: 45},
        {subject: 'stock: rename a log field', files: ['internal/stock/log.go'], minutesBefore: 30},
      ],
    })
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'code-change', change: {sha: shaOf(bundle, subject)}})
  })
})
