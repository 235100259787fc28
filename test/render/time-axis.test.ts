import {describe, expect, it} from 'vitest'

import {formatDurationMinutes} from '../../src/render/svg/format-duration.js'
import {linearScale, timeTicks} from '../../src/render/svg/time-axis.js'

const ms = (iso: string) => Date.parse(iso)

describe('timeTicks', () => {
  it('picks a round UTC step so that the labels fit the width', () => {
    const ticks = timeTicks(ms('2026-11-29T13:50:00Z'), ms('2026-11-29T14:19:00Z'), 560)
    expect(ticks.map((t) => t.label)).toEqual(['13:50', '13:55', '14:00', '14:05', '14:10', '14:15'])
  })

  it('labels ticks with the date when the range crosses midnight UTC', () => {
    const ticks = timeTicks(ms('2026-11-29T22:00:00Z'), ms('2026-11-30T03:00:00Z'), 440)
    expect(ticks.map((t) => t.label)).toEqual(['11-29 22:00', '11-30 00:00', '11-30 02:00'])
  })

  it('handles a zero-length range', () => {
    expect(timeTicks(ms('2026-11-29T14:00:00Z'), ms('2026-11-29T14:00:00Z'), 600).map((t) => t.label)).toEqual(['14:00'])
  })
})

describe('linearScale', () => {
  it('maps a domain onto a range, and a zero-width domain onto the range start', () => {
    expect(linearScale([0, 10], [100, 200])(5)).toBe(150)
    expect(linearScale([0, 10], [200, 100])(10)).toBe(100)
    expect(linearScale([3, 3], [10, 20])(3)).toBe(10)
  })
})

describe('formatDurationMinutes', () => {
  it.each([
    [0.4, 'under 1 min'],
    [45, '45 min'],
    [59.6, '1 h 00 min'],
    [125, '2 h 05 min'],
    [60 * 27 + 5, '1 d 3 h'],
  ])('%d minutes → %s', (minutes, text) => {
    expect(formatDurationMinutes(minutes)).toBe(text)
  })
})
