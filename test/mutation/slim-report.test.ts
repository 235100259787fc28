import {describe, expect, it} from 'vitest'

// @ts-expect-error: a plain .mjs script without types
import {scoreOf, slimFiles} from '../../scripts/mutation/report.mjs'

const mutant = (id: string, status: string) => ({id, mutatorName: 'BooleanLiteral', replacement: 'false', status, static: status === 'Ignored', coveredBy: ['t1', 't2'], killedBy: status === 'Killed' ? ['t1'] : [], location: {start: {line: 1, column: 1}, end: {line: 1, column: 5}}})

describe('the committed mutation report', () => {
  const files = {'src/a.ts': {language: 'typescript', source: 'const a = true\n', mutants: [mutant('1', 'Killed'), mutant('2', 'Survived'), mutant('3', 'Ignored'), mutant('4', 'NoCoverage'), mutant('5', 'Timeout')]}}

  it('keeps every mutant that counts and the source, without the ignored data-entry mutants or test ids', () => {
    const slim = slimFiles(files)
    expect(slim['src/a.ts'].source).toBe('const a = true\n')
    expect(slim['src/a.ts'].mutants.map((m: {id: string}) => m.id)).toEqual(['1', '2', '4', '5'])
    expect(slim['src/a.ts'].mutants.some((m: object) => 'coveredBy' in m || 'killedBy' in m)).toBe(false)
  })

  it('scores the same slimmed as whole, and slimming twice changes nothing', () => {
    const slim = slimFiles(files)
    const {ignored: _whole, ...whole} = scoreOf({files})
    const {ignored: _slim, ...slimmed} = scoreOf({files: slim})
    expect(slimmed).toEqual(whole)
    expect(slimFiles(slim)).toEqual(slim)
  })
})
