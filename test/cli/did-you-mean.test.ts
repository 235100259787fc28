import {describe, expect, it} from 'vitest'

import {closest, editDistance} from '../../src/cli/did-you-mean.js'
import {routeArgv} from '../../src/cli/route-argv.js'

describe('closest', () => {
  it('finds what a typo meant, and nothing for a word that is not close', () => {
    expect(closest('--severty', ['--severity', '--service', '--symptoms'])).toBe('--severity')
    expect(closest('lsit', ['list', 'lint', 'show'])).toBe('list')
    expect(closest('resovle', ['resolve', 'mitigate'])).toBe('resolve')
    expect(closest('xyzzy', ['list', 'lint', 'show'])).toBeNull()
    expect(editDistance('ab', 'ba')).toBe(1)
  })
})

describe('routeArgv', () => {
  it('sends flags to the default command, keeps commands and root help, and stops at a mistyped command', () => {
    expect(routeArgv([])).toEqual({args: ['run']})
    expect(routeArgv(['--severity', 'p0'])).toEqual({args: ['run', '--severity', 'p0']})
    expect(routeArgv(['note', 'x'])).toEqual({args: ['note', 'x']})
    expect(routeArgv(['--help'])).toEqual({args: ['--help']})
    expect(routeArgv(['postmortme'])).toEqual({error: 'Unknown command "postmortme".', suggestion: 'Did you mean `incident-response postmortem`? (`incident-response --help` lists the commands.)'})
  })
})
