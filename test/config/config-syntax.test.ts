import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {loadFileConfig} from '../../src/config/config.js'
import {UserError} from '../../src/errors/errors.js'

const TOKEN = 'glpat-Zq8Xw2Lm7Rt4Vp9Ks3Nb'

async function configIn(name: string, text: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ir-config-syntax-'))
  await writeFile(join(root, name), text)
  return root
}

async function refusal(root: string): Promise<Error> {
  const error = await loadFileConfig(root).then(
    () => null,
    (caught: Error) => caught,
  )
  if (error === null) throw new Error('the config file was accepted')
  return error
}

describe('a broken config file is named with where it breaks, never with what is written there', () => {
  it('YAML: an alias naming no anchor (the parser quotes its name)', async () => {
    const error = await refusal(await configIn('.incident-response.yaml', `severity: p1\nservice: *${TOKEN}\n`))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(/\.incident-response\.yaml is not valid YAML: line 2, column 10: an alias names no anchor set before it$/)
    expect(error.message).not.toContain('glpat')
  })

  it('YAML: an unknown tag is not printed to stderr as a process warning', async () => {
    const warnings: string[] = []
    const onWarning = (warning: Error) => warnings.push(warning.message)
    process.on('warning', onWarning)
    try {
      const {config} = await loadFileConfig(await configIn('.incident-response.yaml', `severity: p1\nservice: !${TOKEN} checkout\n`))
      expect(config.service).toBe('checkout')
      await new Promise((resolve) => setImmediate(resolve))
    } finally {
      process.off('warning', onWarning)
    }
    expect(warnings).toEqual([])
  })

  it('JSON: the line and column, not the text around them', async () => {
    const error = await refusal(await configIn('.incident-response.json', `{\n  "severity": "p1",\n  "service": ${TOKEN}\n}`))
    expect(error.message).toMatch(/\.incident-response\.json is not valid JSON: line 3, column 14: a value was expected$/)
    expect(error.message).not.toContain('glpat')
  })
})
