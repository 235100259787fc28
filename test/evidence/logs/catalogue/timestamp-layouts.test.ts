import {describe, expect, it} from 'vitest'

import {EXAMPLE_CONTEXT, TIMESTAMP_LAYOUTS} from '../../../../src/evidence/logs/catalogue/timestamp-layouts.js'
import {DEFAULT_LAYOUTS, learnTimestamp, scanForTimestamp, timestampAt, TimestampLayouts} from '../../../../src/evidence/logs/line-layout.js'

const nowMs = Date.UTC(2026, 0, 1)

describe('timestamp layout catalogue', () => {
  it('has unique ids', () => {
    expect(TIMESTAMP_LAYOUTS.length).toBeGreaterThanOrEqual(16)
    expect(new Set(TIMESTAMP_LAYOUTS.map((layout) => layout.id)).size).toBe(TIMESTAMP_LAYOUTS.length)
  })

  for (const layout of TIMESTAMP_LAYOUTS) {
    describe(layout.id, () => {
      const alone = new TimestampLayouts([layout])

      it('is learned from each of its examples and reads the time it holds', () => {
        expect(layout.examples.match.length).toBeGreaterThan(0)
        for (const {line, iso} of layout.examples.match) {
          const learned = learnTimestamp([line], alone, EXAMPLE_CONTEXT, nowMs)
          expect(learned?.layout.id, line).toBe(layout.id)
          const stamp = timestampAt(line, learned!, EXAMPLE_CONTEXT)
          expect(stamp && new Date(stamp.ms).toISOString(), line).toBe(iso)
        }
      })

      it('is what the whole catalogue learns from its examples', () => {
        expect(layout.examples.match.length).toBeGreaterThan(0)
        for (const {line} of layout.examples.match) expect(learnTimestamp([line], DEFAULT_LAYOUTS, EXAMPLE_CONTEXT, nowMs)?.layout.id, line).toBe(layout.id)
      })

      it('finds nothing in its non-examples', () => {
        expect(layout.examples.nonMatch.length).toBeGreaterThan(0)
        for (const line of layout.examples.nonMatch) expect(learnTimestamp([line], alone, EXAMPLE_CONTEXT, nowMs), line).toBeNull()
      })

      it(layout.anywhere ? 'is found by the per-line scan' : 'is never found by the per-line scan', () => {
        expect(layout.examples.match.length).toBeGreaterThan(0)
        for (const {line, iso} of layout.examples.match) {
          const found = scanForTimestamp(line, alone, EXAMPLE_CONTEXT)
          if (layout.anywhere) expect(found && new Date(found.ms).toISOString(), line).toBe(iso)
          else expect(found, line).toBeNull()
        }
      })

      it(layout.year ? 'carries its year' : 'takes its year from the reference, and reads nothing without one', () => {
        const noReference = {referenceMs: null, offsetMinutes: 0}
        expect(layout.examples.match.length).toBeGreaterThan(0)
        for (const {line} of layout.examples.match) {
          const learned = learnTimestamp([line], alone, layout.year ? noReference : EXAMPLE_CONTEXT, nowMs)
          expect(learned, line).not.toBeNull()
          const stamp = timestampAt(line, learned!, noReference)
          if (layout.year) expect(stamp, line).not.toBeNull()
          else expect(stamp, line).toBeNull()
        }
      })
    })
  }
})
