import {describe, expect, it} from 'vitest'

import {allowedNumbers, numbersIn, untracedNumbers} from '../../../src/agents/anthropic/numbers-in-prose.js'

describe('numbers in prose', () => {
  it('reads thousands separators, decimals and times', () => {
    expect(numbersIn('1,204 errors at 14:02, 0.38 of requests, 3,4')).toEqual(['1204', '14', '02', '0.38', '3', '4'])
  })

  const source = allowedNumbers(JSON.stringify({errorCount: 1204, peakErrorRate: 0.3812, onset: '2025-03-14T14:02:00Z', ids: ['ev-logs-3']}))

  it('accepts numbers from the source, rounded, or a fraction as a percentage', () => {
    expect(untracedNumbers('1,204 errors from 14:02 UTC on 2025-03-14; error rate peaked at 38% (0.38), see ev-logs-3.', source)).toEqual([])
  })

  it('flags figures the source does not hold', () => {
    expect(untracedNumbers('About 1,200 errors cost $45,000 and 38.5% of 1203 users.', source)).toEqual(['1200', '45000', '38.5', '1203'])
  })
})
