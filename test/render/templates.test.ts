import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {describe, expect, it} from 'vitest'

import {UserError} from '../../src/errors/errors.js'
import {loadTemplates} from '../../src/render/templates.js'

describe('loadTemplates', () => {
  it('refuses a broken template of the user at load time, naming it, as a user error', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'templates-'))
    try {
      await writeFile(path.join(dir, 'pm.md'), '# Postmortem\n{{#actionItems}}\n- {{title}}\n')
      const loading = loadTemplates({templates: {postmortem: 'pm.md'}}, dir)
      await expect(loading).rejects.toBeInstanceOf(UserError)
      await expect(loading).rejects.toThrow(/postmortem template at .*pm\.md is broken/)
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  })
})
