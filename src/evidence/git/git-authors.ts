import {runGit} from './run-git.js'

/**
 * Every author and committer name and email in the history. Only for the blameless linter, which
 * checks that no report names a person; never put these into evidence.
 */
export async function gitAuthors(repo: string): Promise<{names: string[]; emails: string[]}> {
  const output = await runGit(repo, ['log', '--all', '--format=%an%x1f%ae%x1f%cn%x1f%ce']).catch(() => '')
  const names = new Set<string>()
  const emails = new Set<string>()
  for (const line of output.split('\n')) {
    const [authorName, authorEmail, committerName, committerEmail] = line.split('\x1f')
    for (const name of [authorName, committerName]) if (name?.trim()) names.add(name.trim())
    for (const email of [authorEmail, committerEmail]) if (email?.trim()) emails.add(email.trim())
  }
  return {names: [...names].sort(), emails: [...emails].sort()}
}
