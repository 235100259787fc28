import {stat} from 'node:fs/promises'

import {UserError} from '../../errors/errors.js'
import {runGit} from './run-git.js'

/** True when `dir` is inside a git work tree (or is a bare repository). */
export async function isGitRepo(dir: string): Promise<boolean> {
  try {
    await runGit(dir, ['rev-parse', '--git-dir'])
    return true
  } catch {
    return false
  }
}

/**
 * For a `--repo` the user passed explicitly: a missing folder or a folder outside any git
 * repository is their mistake, not a limitation to note and move past.
 */
export async function assertGitRepo(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null)
  if (!info?.isDirectory()) {
    throw new UserError(`--repo ${dir} is not a directory`, {
      suggestions: ['Pass the path of the service\'s git checkout, e.g. --repo ../checkout-api'],
    })
  }
  if (!(await isGitRepo(dir))) {
    throw new UserError(`--repo ${dir} is not a git repository`, {
      suggestions: ['Pass the folder of a git clone (one containing .git), or omit --repo to skip code changes'],
    })
  }
}
