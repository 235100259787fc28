import {describe, expect, it} from 'vitest'

import {groupingAccuracy, logFormatToRegex} from '../../../bench/loghub-lib.js'

describe('groupingAccuracy', () => {
  it('counts a line only when its predicted group equals its true group', () => {
    expect(groupingAccuracy(['a', 'a', 'b', 'c'], ['x', 'x', 'y', 'y'])).toBe(0.5)
    expect(groupingAccuracy(['a', 'a', 'a'], ['x', 'x', 'y'])).toBe(0)
    expect(groupingAccuracy(['p', 'q', 'q'], ['x', 'y', 'y'])).toBe(1)
  })

  it('refuses label lists of different lengths', () => {
    expect(() => groupingAccuracy(['a'], [])).toThrow(/mismatch/)
  })
})

describe('logFormatToRegex', () => {
  it('turns a Loghub log_format into a regex with a Content group', () => {
    const regex = logFormatToRegex('<Date> <Time> <Level> \\[<Process>\\] <Component>: <Content>')
    expect(regex.exec('2015-10-18 18:01:47,978 INFO [main] org.a.B: Created MRAppMaster')?.groups).toMatchObject({
      Level: 'INFO',
      Process: 'main',
      Content: 'Created MRAppMaster',
    })
  })
})
