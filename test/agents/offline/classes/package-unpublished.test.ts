import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, shaOf} from '../bundle-builder.js'

// Shape: npm 2's output when left-pad was unpublished (https://github.com/left-pad/left-pad/issues/4).
const NPM_404 = [
  {template: 'npm ERR! code E404', count: 40},
  {template: 'npm ERR! 404 Registry returned 404 for GET on https://registry.npmjs.org/left-pad', count: 40},
  {template: "npm ERR! 404 'left-pad' is not in the npm registry.", count: 40},
]

describe('a package removed from its registry during builds', () => {
  it('names the registry, not the change the build was for', () => {
    const bundle = bundleOf({templates: NPM_404, commits: [{subject: 'ui: new button colours', files: ['src/ui/button.css'], minutesBefore: 30}]})
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings[0]).toMatchObject({category: 'external-dependency', component: 'left-pad', change: null})
    expect(findings.some((f) => f.change !== null)).toBe(false)
  })

  it('names our change when it pinned the version the registry does not have', () => {
    const subject = 'Bump left-pad from 1.3.0 to 9.9.9'
    const bundle = bundleOf({
      templates: [{template: 'npm ERR! code ETARGET', count: 20}, {template: 'npm ERR! notarget No matching version found for left-pad@9.9.9.', count: 20}],
      commits: [{subject, files: ['package.json'], minutesBefore: 12, kind: 'dependency-upgrade', packages: ['left-pad']}],
    })
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'dependency-upgrade', change: {sha: shaOf(bundle, subject)}})
  })
})
