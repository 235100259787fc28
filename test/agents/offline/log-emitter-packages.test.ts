import {describe, expect, it} from 'vitest'

import {isLogEmitter, LOG_EMITTER_PACKAGES} from '../../../src/agents/offline/log-emitter-packages.js'

describe('the log-emitter package catalogue', () => {
  it('has unique ids and a source for every entry', () => {
    expect(new Set(LOG_EMITTER_PACKAGES.map((e) => e.id)).size).toBe(LOG_EMITTER_PACKAGES.length)
    for (const entry of LOG_EMITTER_PACKAGES) expect(() => new URL(entry.source)).not.toThrow()
  })

  it.each(LOG_EMITTER_PACKAGES.map((e) => [e.id, e] as const))('%s covers its example and not its counter-example', (_id, entry) => {
    expect(entry.names.test(entry.examples.match)).toBe(true)
    expect(entry.names.test(entry.examples.nonMatch)).toBe(false)
    expect(isLogEmitter(entry.examples.match)).toBe(true)
  })

  it('leaves a package that fails in the lines, not writes them, alone', () => {
    expect(isLogEmitter('Microsoft.Data.SqlClient')).toBe(false)
    expect(isLogEmitter('rustls')).toBe(false)
  })
})
