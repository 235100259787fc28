import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, shaOf} from '../bundle-builder.js'

// Shapes: the Go runtime's map race fatal error and its goroutine trace (https://go.dev/doc/go1.6#runtime,
// https://github.com/golang/go/issues/15466); a deploy feed naming the release by its git tag only.
const CULPRIT = 'pricing: memoize FX rates in a package-level map'

describe('a deploy named only by its git tag', () => {
  it('ships the commit the tag points to, at the deploy time', () => {
    const bundle = bundleOf({
      templates: [{template: 'fatal error: concurrent map writes', count: 60}],
      exceptions: [{type: 'fatal error', message: 'concurrent map writes', frames: ['/usr/local/go/src/runtime/map_faststr.go', '/build/internal/pricing/fx.go', '/build/internal/pricing/quote.go'], count: 60}],
      commits: [
        {subject: CULPRIT, files: ['internal/pricing/fx.go'], minutesBefore: 2 * 1440 - 60},
        {subject: 'docs: pricing README', files: ['internal/pricing/README.md'], minutesBefore: 1440},
      ],
      deploys: [{kind: 'deploy', description: null, sha: null, minutesBefore: 20}],
    })
    bundle.git!.commits.find((c) => c.subject === CULPRIT)!.tags = ['v2.3.0']
    bundle.deploys!.events[0].version = 'v2.3.0'
    const [finding] = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(finding).toMatchObject({category: 'code-change', change: {sha: shaOf(bundle, CULPRIT)}})
    expect(finding.hypothesis).toContain('20 min before the onset')
  })

  it('reads a tag spelled with or without the v', () => {
    const bundle = bundleOf({
      templates: [{template: 'fatal error: concurrent map writes', count: 60}],
      exceptions: [{type: 'fatal error', message: 'concurrent map writes', frames: ['/build/internal/pricing/fx.go'], count: 60}],
      commits: [{subject: CULPRIT, files: ['internal/pricing/fx.go'], minutesBefore: 2 * 1440 - 60}],
      deploys: [{kind: 'deploy', description: null, sha: null, minutesBefore: 15}],
    })
    bundle.git!.commits[0].tags = ['v2.3.0']
    bundle.deploys!.events[0].version = '2.3.0'
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({change: {sha: shaOf(bundle, CULPRIT)}})
  })
})
