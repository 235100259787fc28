import {describe, expect, it} from 'vitest'

import {renderPhaseStrip} from '../../src/render/svg/phase-strip.js'
import {xmlBalanceProblem} from './xml-balance.js'

const phases = [
  {name: 'impact', from: '2026-11-29T14:02:00Z', to: '2026-11-29T15:10:00Z'},
  {name: 'detection', from: '2026-11-29T14:02:00Z', to: '2026-11-29T14:06:00Z'},
  {name: 'response', from: '2026-11-29T14:06:00Z', to: '2026-11-29T14:09:30Z'},
  {name: 'mitigation', from: '2026-11-29T14:09:30Z', to: '2026-11-29T14:40:00Z'},
  {name: 'resolution', from: '2026-11-29T14:40:00Z', to: null},
]

describe('renderPhaseStrip', () => {
  it('draws one labelled bar per phase with its duration', () => {
    const svg = renderPhaseStrip({phases, now: '2026-11-29T16:00:00Z'})
    expect(xmlBalanceProblem(svg)).toBeNull()
    expect(svg).not.toMatch(/NaN|Infinity|undefined/)
    expect(svg).toMatch(/role="img"/)
    expect(svg).toContain('<title>Incident phases</title>')
    expect(svg.match(/<g class="phase[ "]/g)).toHaveLength(5)
    expect(svg).toContain('>1 h 08 min<')
    expect(svg).toContain('>4 min<')
    expect(svg).toContain('>1 h 20 min so far<')
    expect(svg).toContain('class="phase phase-open"')
    expect(svg).toMatch(/aria-label="Incident phases: impact 14:02–15:10 \(1 h 08 min\), detection/)
  })

  it('is deterministic and ends open phases at the given now', () => {
    const a = renderPhaseStrip({phases, now: '2026-11-29T16:00:00Z'})
    expect(renderPhaseStrip({phases, now: '2026-11-29T16:00:00Z'})).toBe(a)
    expect(renderPhaseStrip({phases, now: '2026-11-29T17:00:00Z'})).toContain('2 h 20 min so far')
  })

  it('keeps the last tick label inside the drawing', () => {
    const svg = renderPhaseStrip({
      phases: [{name: 'impact', from: '2026-11-29T14:00:00Z', to: null}],
      now: '2026-11-30T12:00:00Z',
    })
    expect(svg).toMatch(/text-anchor="end"[^>]*>11-30 12:00</)
    expect(svg).toMatch(/text-anchor="middle"[^>]*>11-30 06:00</)
  })

  it('says so when there are no phases', () => {
    const svg = renderPhaseStrip({phases: [], now: '2026-11-29T16:00:00Z'})
    expect(xmlBalanceProblem(svg)).toBeNull()
    expect(svg).toContain('No phase timestamps recorded')
  })

  it('shows zero-length and inconsistent phases without breaking', () => {
    const svg = renderPhaseStrip({
      phases: [
        {name: 'detection', from: '2026-11-29T14:02:00Z', to: '2026-11-29T14:02:00Z'},
        {name: 'response', from: '2026-11-29T14:05:00Z', to: '2026-11-29T14:03:00Z'},
      ],
      now: '2026-11-29T16:00:00Z',
    })
    expect(svg).not.toMatch(/NaN|Infinity/)
    expect(svg).toContain('under 1 min')
    expect(svg).toContain('ends before it starts')
  })
})
