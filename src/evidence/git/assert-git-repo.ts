import {stat} from 'node:fs/promises'

import {UserError} from '../../errors/errors.js'
import {runGit} from './run-git.js'

/** True when `dir` is inside a git work tree (or is a bare repository). */
export async function isGitRepo(dir: string): Promise<boolean> {
  return (await gitRepoProblem(dir)) === null
}

/**
 * Why git will not read `dir` as a repository, or null when it will. A repository owned by
 * another user is one git refuses ("dubious ownership"): that is not the same as no repository,
 * and the fix (safe.directory) is different.
 */
export async function gitRepoProblem(dir: string): Promise<string | null> {
  try {
    await runGit(dir, ['rev-parse', '--git-dir'])
    return null
  } catch (error) {
    if (/dubious ownership/i.test(String(error))) return `${dir} is a git repository owned by another user, which git refuses to read ("dubious ownership")`
    return `${dir} is not a git repository`
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
  const problem = await gitRepoProblem(dir)
  if (problem?.includes('dubious ownership')) {
    throw new UserError(`--repo ${problem}`, {suggestions: [`If you trust it: git config --global --add safe.directory ${dir}`]})
  }
  if (problem !== null) {
    throw new UserError(`--repo ${dir} is not a git repository`, {
      suggestions: ['Pass the folder of a git clone (one containing .git), or omit --repo to skip code changes'],
    })
  }
}
