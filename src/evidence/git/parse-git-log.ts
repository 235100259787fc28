/** The `--format` that `parseGitLog` reads: record separator, then unit-separated fields. */
export const GIT_LOG_FORMAT = '%x1e%H%x1f%P%x1f%cI%x1f%s'

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed' | 'unknown'

export interface RawCommitFile {
  path: string
  previousPath: string | null
  status: FileStatus
  /** Null for binary files. */
  additions: number | null
  deletions: number | null
}

export interface RawCommit {
  sha: string
  parents: string[]
  committedAt: string
  subject: string
  files: RawCommitFile[]
}

const STATUS_BY_LETTER: Readonly<Record<string, FileStatus>> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
}

/**
 * Parses `git log -z --raw --numstat --format=GIT_LOG_FORMAT`. With `-z` paths are NUL-terminated
 * and never quoted, so any file name (spaces, tabs, newlines, UTF-8) survives.
 */
export function parseGitLog(output: string): RawCommit[] {
  const commits: RawCommit[] = []
  for (const record of output.split('\x1e')) {
    if (record.trim() === '') continue
    const headerEnd = record.indexOf('\0')
    const header = headerEnd === -1 ? record.trimEnd() : record.slice(0, headerEnd)
    const [sha, parents, committedAt, subject] = header.split('\x1f')
    if (!sha || !committedAt) continue
    const body = headerEnd === -1 ? '' : record.slice(headerEnd + 1).replace(/^\n/, '')
    commits.push({
      sha,
      parents: parents ? parents.split(' ') : [],
      committedAt: new Date(committedAt).toISOString(),
      subject: subject ?? '',
      files: parseFileTokens(body.split('\0')),
    })
  }
  return commits
}

function parseFileTokens(tokens: string[]): RawCommitFile[] {
  const files = new Map<string, RawCommitFile>()
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i].replace(/^\n/, '')
    if (token === '') continue
    if (token.startsWith(':')) {
      const letter = token.slice(token.lastIndexOf(' ') + 1).charAt(0)
      const status = STATUS_BY_LETTER[letter] ?? 'unknown'
      const twoPaths = letter === 'R' || letter === 'C'
      const previousPath = twoPaths ? tokens[++i] : null
      const path = tokens[++i]
      if (path !== undefined) files.set(path, {path, previousPath, status, additions: null, deletions: null})
      continue
    }
    const stat = /^(\d+|-)\t(\d+|-)\t([\s\S]*)$/.exec(token)
    if (!stat) continue
    // A rename's numstat has an empty path followed by the old and new paths as separate tokens.
    const path = stat[3] === '' ? tokens[(i += 2)] : stat[3]
    const file = files.get(path)
    if (file === undefined) continue
    file.additions = stat[1] === '-' ? null : Number(stat[1])
    file.deletions = stat[2] === '-' ? null : Number(stat[2])
  }
  return [...files.values()]
}
