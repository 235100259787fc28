import {describe, expect, it} from 'vitest'

import {RUNTIME_DEFAULT_CHANGES, runtimeDefaultLinks} from '../../../../src/agents/offline/runtime-default-changes.js'
import {analysisFor} from '../../../../src/agents/offline/offline-hypotheses.js'
import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {parseDockerfileBases} from '../../../../src/evidence/git/dependency-changes.js'
import {bundleOf, INCIDENT, shaOf} from '../bundle-builder.js'

// Shapes: ALB access logs with elb_status 502 and target_status "-"
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html),
// nginx's "upstream prematurely closed connection"; Node 8's 5 s keepAliveTimeout
// (https://github.com/nodejs/node/issues/13391).
const UPGRADE = 'Dockerfile: move to node:8.11-alpine'
const ALB_502 = {
  template: 'http <*> app/shop-alb/<*> <*> <*> 0.000 <*> -1 502 - <*> <*> "GET <*> HTTP/1.1" <*>',
  samples: ['http 2026-10-06T10:15:03.186641Z app/shop-alb/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.12:3000 0.000 0.001 -1 502 - 34 366 "GET https://shop.example.com:443/api/cart HTTP/1.1" "Mozilla/5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2'],
  count: 120,
}

function bundleWithUpgrade(from: string, to: string) {
  const bundle = bundleOf({
    templates: [ALB_502],
    commits: [
      {subject: UPGRADE, files: ['Dockerfile'], minutesBefore: 40, kind: 'dependency-upgrade'},
      {subject: 'cart: show the delivery estimate', files: ['src/cart/estimate.js'], minutesBefore: 25},
    ],
  })
  bundle.git!.commits[0].dependencyChanges = [{package: 'node', from, to, file: 'Dockerfile'}]
  return bundle
}

describe('a runtime upgrade that changed keep-alive defaults', () => {
  it('is tied to the 502s the load balancer answered, though no line names the runtime', () => {
    const bundle = bundleWithUpgrade('6.14-alpine', '8.11-alpine')
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'dependency-upgrade', change: {sha: shaOf(bundle, UPGRADE)}})
  })

  it('is not tied to them by an upgrade that crossed no documented default', () => {
    const bundle = bundleWithUpgrade('8.9-alpine', '8.11-alpine')
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]?.change ?? null).toBeNull()
  })

  it.each(RUNTIME_DEFAULT_CHANGES.map((e) => [e.id, e] as const))('%s links an upgrade across it, not one within either side', (_id, entry) => {
    const conditions = analysisFor(bundleOf({templates: [ALB_502, {template: 'Error: read ECONNRESET', count: 50}, {template: 'ERROR request timed out after 300000ms', count: 10}]})).conditions
    const [major] = entry.since
    const across = [{package: 'node', from: `${major - 1}.9`, to: `${major}.2`, file: 'Dockerfile'}]
    const within = [{package: 'node', from: `${major}.1`, to: `${major}.2`, file: 'Dockerfile'}]
    expect(runtimeDefaultLinks(across, conditions).some((l) => l.entry.id === entry.id)).toBe(true)
    expect(runtimeDefaultLinks(within, conditions).some((l) => l.entry.id === entry.id)).toBe(false)
  })

  it('reads base images from a Dockerfile, registry and stage names aside', () => {
    expect(parseDockerfileBases('FROM --platform=linux/amd64 docker.io/library/node:8.11-alpine AS build\nRUN npm ci\nFROM nginx:1.25\n')).toEqual(
      new Map([
        ['node', '8.11-alpine'],
        ['nginx', '1.25'],
      ]),
    )
  })
})
