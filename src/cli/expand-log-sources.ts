import {access, constants, stat} from 'node:fs/promises'
import {resolve} from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'

import {UserError} from '../errors/errors.js'

/** `--logs` values: `-` (stdin), a file, or a glob; every one must name something readable. */
export async function expandLogSources(values: readonly string[]): Promise<string[]> {
  const sources: string[] = []
  for (const value of values) {
    if (value === '-') {
      sources.push('-')
      continue
    }
    if (isDynamicPattern(value)) {
      const matches = await glob(value, {absolute: true, onlyFiles: true})
      if (matches.length === 0) throw new UserError(`--logs ${value} matches no file.`, {suggestions: ['Quote the glob so the shell does not expand it, and check the folder.']})
      sources.push(...matches.sort())
      continue
    }
    const path = resolve(value)
    const info = await stat(path).catch(() => null)
    if (!info) throw new UserError(`--logs ${value} does not exist.`, {suggestions: ['Check the path, or pass a glob such as "logs/*.log".']})
    if (info.isDirectory()) throw new UserError(`--logs ${value} is a directory.`, {suggestions: [`Pass a glob such as "${value.replace(/\/$/, '')}/*.log".`]})
    try {
      await access(path, constants.R_OK)
    } catch {
      throw new UserError(`--logs ${value} is not readable (permission denied).`)
    }
    sources.push(path)
  }
  return [...new Set(sources)]
}
