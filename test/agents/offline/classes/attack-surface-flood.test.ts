import {describe, expect, it} from 'vitest'

import {ATTACK_SURFACES} from '../../../../src/agents/offline/attack-surfaces.js'
import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT} from '../bundle-builder.js'

// Shape: a WordPress access log under an XML-RPC multicall brute force
// (https://blog.sucuri.net/2015/10/brute-force-amplification-attacks-against-wordpress-xmlrpc.html): every
// guess answers 200, the fault is in the XML body.
const PAGES = {method: 'GET', path: '/', total: 1_800, errors: 0}
const THEME = {subject: 'theme: footer links', files: ['wp-content/themes/shop/footer.php'], minutesBefore: 40}

describe('a flood of an endpoint brute-force tools use', () => {
  it('reads POSTs flooding xmlrpc.php as an attack, with the CPU it burns as its effect', () => {
    const bundle = bundleOf({
      endpoints: [{method: 'POST', path: '/xmlrpc.php', total: 48_000, errors: 0}, PAGES],
      requests: 49_800,
      metrics: [{name: 'node_cpu_utilisation', saturation: {saturated: true, ratio: 0.98, at: '2026-10-06T10:16:00.000Z', limitSeries: null} as never}],
      commits: [THEME],
    })
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings[0]).toMatchObject({category: 'security-attack', component: 'xmlrpc.php', change: null})
    expect(findings.some((f) => f.change !== null)).toBe(false)
  })

  it('does not read a client’s steady use of xmlrpc.php as an attack', () => {
    const bundle = bundleOf({endpoints: [{method: 'POST', path: '/xmlrpc.php', total: 600, errors: 0}, {...PAGES, total: 20_000}], requests: 20_600})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings.some((f) => f.category === 'security-attack')).toBe(false)
  })

  it.each(ATTACK_SURFACES.map((s) => [s.id, s] as const))('%s matches its examples and none of its non-matches', (_id, surface) => {
    for (const path of surface.examples.match) expect(surface.path.test(path), path).toBe(true)
    for (const path of surface.examples.nonMatch) expect(surface.path.test(path), path).toBe(false)
  })
})
